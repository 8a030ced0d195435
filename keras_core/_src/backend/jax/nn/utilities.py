"""The jax backend table: nn utilities ops (being written)."""
