"""Not written yet: public names go in __all__."""

__all__ = []
