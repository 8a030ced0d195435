"""The numpy backend table: nn attention ops (being written)."""
