"""NumPy-API ops: indexing (being written)."""

__all__ = []
