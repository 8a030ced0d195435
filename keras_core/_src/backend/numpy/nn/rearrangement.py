"""The numpy backend table: nn rearrangement ops (being written)."""
