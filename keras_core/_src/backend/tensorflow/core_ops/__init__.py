"""The tensorflow backend's `core_ops` table (being written)."""
