"""Layers of this family; `__all__` gathers each module's public names."""

__all__ = []
