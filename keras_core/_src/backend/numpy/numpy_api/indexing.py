"""The numpy backend table: indexing ops (being written)."""
