"""The torch backend table: products ops (being written)."""
