"""The numpy backend's `random` table (being written)."""
