"""The torch backend table: nn rearrangement ops (being written)."""
