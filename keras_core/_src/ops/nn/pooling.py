"""keras_core.ops.nn: pooling (being written)."""

__all__ = []
