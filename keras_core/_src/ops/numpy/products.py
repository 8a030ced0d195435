"""NumPy-API ops: products (being written)."""

__all__ = []
