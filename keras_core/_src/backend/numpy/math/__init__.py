"""The numpy backend's `math` table (being written)."""
