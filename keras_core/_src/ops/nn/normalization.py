"""keras_core.ops.nn: normalization (being written)."""

__all__ = []
