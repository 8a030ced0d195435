"""Pooling layers; `__all__` gathers each module's public names."""

from keras_core._src.layers.pooling import adaptive_pooling
from keras_core._src.layers.pooling import average_pooling
from keras_core._src.layers.pooling import global_pooling
from keras_core._src.layers.pooling import max_pooling
from keras_core._src.layers.pooling.adaptive_pooling import *  # noqa: F403
from keras_core._src.layers.pooling.average_pooling import *  # noqa: F403
from keras_core._src.layers.pooling.global_pooling import *  # noqa: F403
from keras_core._src.layers.pooling.max_pooling import *  # noqa: F403

__all__ = [
    *adaptive_pooling.__all__,
    *average_pooling.__all__,
    *global_pooling.__all__,
    *max_pooling.__all__,
]
