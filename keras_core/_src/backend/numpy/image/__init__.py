"""The numpy backend's `image` table (being written)."""
