"""The tensorflow backend table: manipulation ops (being written)."""
