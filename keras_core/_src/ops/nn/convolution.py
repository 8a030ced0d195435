"""keras_core.ops.nn: convolution (being written)."""

__all__ = []
