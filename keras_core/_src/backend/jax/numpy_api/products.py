"""The jax backend table: products ops (being written)."""
