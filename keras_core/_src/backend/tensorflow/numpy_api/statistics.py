"""The tensorflow backend table: statistics ops (being written)."""
