"""NumPy-API ops: manipulation (being written)."""

__all__ = []
