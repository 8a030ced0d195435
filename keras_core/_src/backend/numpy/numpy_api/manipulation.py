"""The numpy backend table: manipulation ops (being written)."""
