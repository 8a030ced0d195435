"""unary_misc ops of the NumPy API."""

__all__ = []
