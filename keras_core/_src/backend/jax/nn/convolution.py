"""The jax backend table: nn convolution ops (being written)."""
