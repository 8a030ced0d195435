"""Reshaping layers; `__all__` gathers each module's public names."""

from keras_core._src.layers.reshaping import cropping
from keras_core._src.layers.reshaping import flatten
from keras_core._src.layers.reshaping import permute
from keras_core._src.layers.reshaping import repeat_vector
from keras_core._src.layers.reshaping import reshape
from keras_core._src.layers.reshaping import up_sampling
from keras_core._src.layers.reshaping import zero_padding
from keras_core._src.layers.reshaping.cropping import *  # noqa: F403
from keras_core._src.layers.reshaping.flatten import *  # noqa: F403
from keras_core._src.layers.reshaping.permute import *  # noqa: F403
from keras_core._src.layers.reshaping.repeat_vector import *  # noqa: F403
from keras_core._src.layers.reshaping.reshape import *  # noqa: F403
from keras_core._src.layers.reshaping.up_sampling import *  # noqa: F403
from keras_core._src.layers.reshaping.zero_padding import *  # noqa: F403

__all__ = [
    *cropping.__all__,
    *flatten.__all__,
    *permute.__all__,
    *repeat_vector.__all__,
    *reshape.__all__,
    *up_sampling.__all__,
    *zero_padding.__all__,
]
