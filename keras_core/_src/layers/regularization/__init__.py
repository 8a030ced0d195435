"""Regularization layers; `__all__` gathers each module's public names."""

from keras_core._src.layers.regularization import dropout
from keras_core._src.layers.regularization.dropout import *  # noqa: F403

__all__ = [*dropout.__all__]
