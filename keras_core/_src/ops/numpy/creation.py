"""NumPy-API ops: creation (being written)."""

__all__ = []
