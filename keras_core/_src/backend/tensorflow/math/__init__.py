"""The tensorflow backend's `math` table (being written)."""
