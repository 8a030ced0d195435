"""The numpy backend table: nn ctc ops (being written)."""
