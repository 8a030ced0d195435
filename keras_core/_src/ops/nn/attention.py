"""keras_core.ops.nn: attention (being written)."""

__all__ = []
