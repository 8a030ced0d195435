"""The numpy backend table: products ops (being written)."""
