"""The tensorflow backend table: nn utilities ops (being written)."""
