"""The numpy backend table: creation ops (being written)."""
