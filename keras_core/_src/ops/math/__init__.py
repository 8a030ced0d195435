"""the math functions of keras_core.ops (being written)."""

__all__ = []
