"""The jax backend's `random` table (being written)."""
