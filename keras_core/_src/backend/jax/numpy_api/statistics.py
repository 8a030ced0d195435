"""The jax backend table: statistics ops (being written)."""
