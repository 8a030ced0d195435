"""The torch backend table: nn activations ops (being written)."""
