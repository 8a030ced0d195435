"""The torch backend table: nn ctc ops (being written)."""
