"""The torch backend table: nn pooling ops (being written)."""
