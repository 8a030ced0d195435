"""Losses: the `Loss` base class, the loss functions and their classes."""
