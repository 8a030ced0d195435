"""Optimizers: the base class and the update rules built on it."""
