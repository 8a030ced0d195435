"""keras_core.ops.nn: rearrangement (being written)."""

__all__ = []
