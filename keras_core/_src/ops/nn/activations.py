"""keras_core.ops.nn: activations (being written)."""

__all__ = []
