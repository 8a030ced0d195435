"""The numpy backend table: statistics ops (being written)."""
