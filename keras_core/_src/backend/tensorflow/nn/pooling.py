"""The tensorflow backend table: nn pooling ops (being written)."""
