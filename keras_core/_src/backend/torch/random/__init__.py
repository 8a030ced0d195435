"""The torch backend's `random` table (being written)."""
