"""The jax backend's `linalg` table (being written)."""
