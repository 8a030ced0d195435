"""The numpy backend table: nn pooling ops (being written)."""
