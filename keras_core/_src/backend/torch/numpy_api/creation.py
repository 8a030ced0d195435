"""The torch backend table: creation ops (being written)."""
