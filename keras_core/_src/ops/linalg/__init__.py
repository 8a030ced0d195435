"""keras_core.ops.linalg (being written)."""

__all__ = []
