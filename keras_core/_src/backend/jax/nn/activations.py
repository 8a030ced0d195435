"""The jax backend table: nn activations ops (being written)."""
