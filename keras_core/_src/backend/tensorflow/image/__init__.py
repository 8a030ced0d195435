"""The tensorflow backend's `image` table (being written)."""
