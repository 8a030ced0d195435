"""The tensorflow backend table: nn activations ops (being written)."""
