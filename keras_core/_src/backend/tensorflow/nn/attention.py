"""The tensorflow backend table: nn attention ops (being written)."""
