"""The torch backend table: nn normalization ops (being written)."""
