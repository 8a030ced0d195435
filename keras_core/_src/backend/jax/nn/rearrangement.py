"""The jax backend table: nn rearrangement ops (being written)."""
