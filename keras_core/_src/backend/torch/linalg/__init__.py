"""The torch backend's `linalg` table (being written)."""
