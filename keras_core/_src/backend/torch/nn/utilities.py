"""The torch backend table: nn utilities ops (being written)."""
