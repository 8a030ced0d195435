"""The torch backend's `image` table (being written)."""
