"""The tensorflow backend table: creation ops (being written)."""
