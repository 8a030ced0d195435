"""The tensorflow backend table: nn convolution ops (being written)."""
