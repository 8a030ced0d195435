"""The numpy backend table: nn normalization ops (being written)."""
