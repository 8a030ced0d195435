"""The jax backend table: indexing ops (being written)."""
