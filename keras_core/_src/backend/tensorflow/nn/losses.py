"""The tensorflow backend table: nn losses ops (being written)."""
