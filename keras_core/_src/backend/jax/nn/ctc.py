"""The jax backend table: nn ctc ops (being written)."""
