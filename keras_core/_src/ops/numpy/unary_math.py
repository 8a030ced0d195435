"""unary_math ops of the NumPy API."""

__all__ = []
