"""The jax backend table: manipulation ops (being written)."""
