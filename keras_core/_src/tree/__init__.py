"""Utilities for working with nested structures (implementation of `keras.tree`)."""
