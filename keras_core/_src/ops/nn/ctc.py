"""keras_core.ops.nn: ctc (being written)."""

__all__ = []
