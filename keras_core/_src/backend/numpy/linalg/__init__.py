"""The numpy backend's `linalg` table (being written)."""
