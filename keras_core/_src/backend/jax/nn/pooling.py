"""The jax backend table: nn pooling ops (being written)."""
