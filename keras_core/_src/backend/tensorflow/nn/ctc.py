"""The tensorflow backend table: nn ctc ops (being written)."""
