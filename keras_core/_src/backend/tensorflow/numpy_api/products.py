"""The tensorflow backend table: products ops (being written)."""
