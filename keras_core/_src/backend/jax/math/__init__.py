"""The jax backend's `math` table (being written)."""
