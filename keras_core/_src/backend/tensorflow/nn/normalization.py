"""The tensorflow backend table: nn normalization ops (being written)."""
