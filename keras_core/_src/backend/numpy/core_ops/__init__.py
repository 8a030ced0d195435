"""The numpy backend's `core_ops` table (being written)."""
