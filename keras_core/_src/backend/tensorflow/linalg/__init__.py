"""The tensorflow backend's `linalg` table (being written)."""
