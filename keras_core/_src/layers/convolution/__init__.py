"""Convolution layers; `__all__` gathers each module's public names."""

from keras_core._src.layers.convolution import conv
from keras_core._src.layers.convolution import conv_transpose
from keras_core._src.layers.convolution import depthwise_conv
from keras_core._src.layers.convolution import separable_conv
from keras_core._src.layers.convolution.conv import *  # noqa: F403
from keras_core._src.layers.convolution.conv_transpose import *  # noqa: F403
from keras_core._src.layers.convolution.depthwise_conv import *  # noqa: F403
from keras_core._src.layers.convolution.separable_conv import *  # noqa: F403

__all__ = [
    *conv.__all__,
    *conv_transpose.__all__,
    *depthwise_conv.__all__,
    *separable_conv.__all__,
]
