"""Layers of this family."""
