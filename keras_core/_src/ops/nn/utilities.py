"""keras_core.ops.nn: utilities (being written)."""

__all__ = []
