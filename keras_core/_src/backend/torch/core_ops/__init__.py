"""The torch backend's `core_ops` table (being written)."""
