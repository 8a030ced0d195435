"""The numpy backend table: nn losses ops (being written)."""
