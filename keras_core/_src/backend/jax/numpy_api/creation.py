"""The jax backend table: creation ops (being written)."""
