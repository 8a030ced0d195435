"""The jax backend's `core_ops` table (being written)."""
