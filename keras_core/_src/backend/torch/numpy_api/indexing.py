"""The torch backend table: indexing ops (being written)."""
