"""The numpy backend table: nn convolution ops (being written)."""
