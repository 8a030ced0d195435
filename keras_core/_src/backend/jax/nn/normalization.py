"""The jax backend table: nn normalization ops (being written)."""
