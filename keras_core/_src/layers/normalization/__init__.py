"""Normalization layers; `__all__` gathers each module's public names."""

from keras_core._src.layers.normalization import batch_normalization
from keras_core._src.layers.normalization import group_normalization
from keras_core._src.layers.normalization import layer_normalization
from keras_core._src.layers.normalization import rms_normalization
from keras_core._src.layers.normalization import spectral_normalization
from keras_core._src.layers.normalization import unit_normalization
from keras_core._src.layers.normalization.batch_normalization import *  # noqa: F403
from keras_core._src.layers.normalization.group_normalization import *  # noqa: F403
from keras_core._src.layers.normalization.layer_normalization import *  # noqa: F403
from keras_core._src.layers.normalization.rms_normalization import *  # noqa: F403
from keras_core._src.layers.normalization.spectral_normalization import *  # noqa: F403
from keras_core._src.layers.normalization.unit_normalization import *  # noqa: F403

__all__ = [
    *batch_normalization.__all__,
    *group_normalization.__all__,
    *layer_normalization.__all__,
    *rms_normalization.__all__,
    *spectral_normalization.__all__,
    *unit_normalization.__all__,
]
