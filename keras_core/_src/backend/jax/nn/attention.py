"""The jax backend table: nn attention ops (being written)."""
