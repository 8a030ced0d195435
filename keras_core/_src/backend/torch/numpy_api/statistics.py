"""The torch backend table: statistics ops (being written)."""
