"""The tensorflow backend table: nn rearrangement ops (being written)."""
