"""keras_core.ops.nn: losses (being written)."""

__all__ = []
