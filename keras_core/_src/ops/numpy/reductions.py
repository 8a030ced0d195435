"""reductions ops of the NumPy API."""

__all__ = []
