"""The torch backend's `math` table (being written)."""
