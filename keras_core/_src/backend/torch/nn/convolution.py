"""The torch backend table: nn convolution ops (being written)."""
