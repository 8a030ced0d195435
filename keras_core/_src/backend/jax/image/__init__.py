"""The jax backend's `image` table (being written)."""
