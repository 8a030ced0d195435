"""Activation layers; `__all__` gathers each module's public names."""

from keras_core._src.layers.activations import activation
from keras_core._src.layers.activations.activation import *  # noqa: F403

__all__ = [*activation.__all__]
