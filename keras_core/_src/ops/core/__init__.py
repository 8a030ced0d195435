"""Core functions of keras_core.ops: control flow, scatter, slicing, conversion."""

__all__ = []
