"""The torch backend table: manipulation ops (being written)."""
