"""The jax backend table: nn losses ops (being written)."""
