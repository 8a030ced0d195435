"""The numpy backend table: nn utilities ops (being written)."""
