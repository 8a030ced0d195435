"""`Rescaling`: multiplies inputs by a scale and adds an offset."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.preprocessing.data_layer import DataLayer

__all__ = ["Rescaling"]


def _config_value(value):
    # Arrays (per-channel values) go to configs as plain lists.
    return value.tolist() if hasattr(value, "tolist") else value


@keras_public("keras.layers")
class Rescaling(DataLayer):
    """Computes `inputs * scale + offset`, in the layer's float dtype.

    For example `scale=1 / 255` maps `[0, 255]` to `[0, 1]`, and
    `scale=1 / 127.5, offset=-1` maps it to `[-1, 1]`. `scale` and `offset`
    may be per-channel lists, broadcast against the last axis.

    Args:
        scale: The multiplier (a number or a list).
        offset: The added value (a number or a list).
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.Rescaling(1 / 255)
    >>> numpy.asarray(layer(numpy.array([0.0, 255.0]))).tolist()
    [0.0, 1.0]
    """

    def __init__(self, scale, offset=0.0, **kwargs):
        super().__init__(**kwargs)
        self.scale = scale
        self.offset = offset
        self.supports_masking = True

    def call(self, inputs):
        dtype = self.compute_dtype
        scale = ops.convert_to_tensor(self.scale, dtype=dtype)
        offset = ops.convert_to_tensor(self.offset, dtype=dtype)
        return ops.cast(inputs, dtype) * scale + offset

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {
            **super().get_config(),
            "scale": _config_value(self.scale),
            "offset": _config_value(self.offset),
        }
