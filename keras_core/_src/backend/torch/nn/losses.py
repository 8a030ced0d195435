"""The torch backend table: nn losses ops (being written)."""
