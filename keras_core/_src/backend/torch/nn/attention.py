"""The torch backend table: nn attention ops (being written)."""
