"""Regularization layers; `__all__` gathers each module's public names."""

from keras_core._src.layers.regularization import activity_regularization
from keras_core._src.layers.regularization import alpha_dropout
from keras_core._src.layers.regularization import dropout
from keras_core._src.layers.regularization import gaussian_dropout
from keras_core._src.layers.regularization import gaussian_noise
from keras_core._src.layers.regularization import spatial_dropout
from keras_core._src.layers.regularization.activity_regularization import *  # noqa: F403
from keras_core._src.layers.regularization.alpha_dropout import *  # noqa: F403
from keras_core._src.layers.regularization.dropout import *  # noqa: F403
from keras_core._src.layers.regularization.gaussian_dropout import *  # noqa: F403
from keras_core._src.layers.regularization.gaussian_noise import *  # noqa: F403
from keras_core._src.layers.regularization.spatial_dropout import *  # noqa: F403

__all__ = [
    *activity_regularization.__all__,
    *alpha_dropout.__all__,
    *dropout.__all__,
    *gaussian_dropout.__all__,
    *gaussian_noise.__all__,
    *spatial_dropout.__all__,
]
