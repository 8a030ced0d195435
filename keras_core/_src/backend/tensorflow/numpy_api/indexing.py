"""The tensorflow backend table: indexing ops (being written)."""
