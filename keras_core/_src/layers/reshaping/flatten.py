"""`Flatten`: reshapes each sample to a vector."""

import math

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.config import image_data_format
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.layers.input_spec import InputSpec
from keras_core._src.layers.layer import Layer

__all__ = ["Flatten"]


def _standardize_data_format(data_format, layer_name):
    data_format = image_data_format() if data_format is None else data_format
    if data_format not in ("channels_first", "channels_last"):
        raise ValueError(
            f"Layer {layer_name}: the `data_format` argument must be one of "
            "{'channels_first', 'channels_last'}. Received: "
            f"data_format={data_format!r}"
        )
    return data_format


@keras_public("keras.layers")
class Flatten(Layer):
    """Flattens each sample of the input to one axis (the batch axis stays).

    A 1-D input `(batch,)` becomes `(batch, 1)`.

    Args:
        data_format: `"channels_last"` or `"channels_first"`: the axis order
            of inputs. With `"channels_first"` the channel axis is moved
            last before flattening, so the order of the output matches a
            `"channels_last"` model's. The global image data format by
            default.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> keras_core.layers.Flatten()(numpy.ones((2, 3, 4))).shape
    (2, 12)
    """

    def __init__(self, data_format=None, **kwargs):
        super().__init__(**kwargs)
        self.data_format = _standardize_data_format(data_format, type(self).__name__)
        self.input_spec = InputSpec(min_ndim=1)

    def call(self, inputs):
        rank = len(inputs.shape)
        if self.data_format == "channels_first" and rank > 2:
            inputs = ops.transpose(inputs, (0, *range(2, rank), 1))
        shape = self.compute_output_shape(tuple(inputs.shape))
        if shape[1] is None:
            return ops.reshape(inputs, (ops.shape(inputs)[0], -1))
        return ops.reshape(inputs, (-1, shape[1]))

    def compute_output_shape(self, input_shape):
        input_shape = tuple(input_shape)
        rest = input_shape[1:]
        if not rest:
            return (input_shape[0], 1)
        size = None if None in rest else math.prod(rest)
        return (input_shape[0], size)

    def compute_output_spec(self, inputs):
        return KerasTensor(self.compute_output_shape(inputs.shape), dtype=inputs.dtype)

    def get_config(self):
        return {**super().get_config(), "data_format": self.data_format}
