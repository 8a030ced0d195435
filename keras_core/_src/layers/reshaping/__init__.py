"""Reshaping layers; `__all__` gathers each module's public names."""

from keras_core._src.layers.reshaping import flatten
from keras_core._src.layers.reshaping import reshape
from keras_core._src.layers.reshaping.flatten import *  # noqa: F403
from keras_core._src.layers.reshaping.reshape import *  # noqa: F403

__all__ = [*flatten.__all__, *reshape.__all__]
