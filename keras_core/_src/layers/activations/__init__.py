"""Activation layers; `__all__` gathers each module's public names."""

from keras_core._src.layers.activations import activation
from keras_core._src.layers.activations import elu
from keras_core._src.layers.activations import leaky_relu
from keras_core._src.layers.activations import prelu
from keras_core._src.layers.activations import relu
from keras_core._src.layers.activations import softmax
from keras_core._src.layers.activations.activation import *  # noqa: F403
from keras_core._src.layers.activations.elu import *  # noqa: F403
from keras_core._src.layers.activations.leaky_relu import *  # noqa: F403
from keras_core._src.layers.activations.prelu import *  # noqa: F403
from keras_core._src.layers.activations.relu import *  # noqa: F403
from keras_core._src.layers.activations.softmax import *  # noqa: F403

__all__ = [
    *activation.__all__,
    *elu.__all__,
    *leaky_relu.__all__,
    *prelu.__all__,
    *relu.__all__,
    *softmax.__all__,
]
