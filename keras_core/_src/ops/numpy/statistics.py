"""NumPy-API ops: statistics (being written)."""

__all__ = []
