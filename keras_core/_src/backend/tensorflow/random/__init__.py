"""The tensorflow backend's `random` table (being written)."""
