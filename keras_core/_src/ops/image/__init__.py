"""keras_core.ops.image (being written)."""

__all__ = []
