"""The numpy backend table: nn activations ops (being written)."""
