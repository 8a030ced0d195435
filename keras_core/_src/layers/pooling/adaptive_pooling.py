"""Adaptive pooling: pools any spatial size down (or up) to a fixed size.

Output position `i` of an axis of length `n` pooled to `m` covers the
input range `[floor(i * n / m), ceil((i + 1) * n / m))`, as in PyTorch's
adaptive pooling.
"""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.layers.input_spec import InputSpec
from keras_core._src.layers.layer import Layer
from keras_core._src.layers.pooling.base_pooling import averaged_dtype
from keras_core._src.layers.pooling.base_pooling import averaged_input
from keras_core._src.layers.reshaping import spatial_arguments

__all__ = [
    "AdaptiveAveragePooling1D",
    "AdaptiveAveragePooling2D",
    "AdaptiveAveragePooling3D",
    "AdaptiveMaxPooling1D",
    "AdaptiveMaxPooling2D",
    "AdaptiveMaxPooling3D",
]


def _output_size(value, rank, layer_name):
    is_int = isinstance(value, int) and not isinstance(value, bool)
    is_tuple = (
        isinstance(value, (list, tuple))
        and len(value) == rank
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    )
    if not (is_int or is_tuple):
        raise TypeError(
            f"Layer {layer_name}: `output_size` must be an integer or a tuple "
            f"of {rank} integers. Received: output_size={value!r} of type "
            f"{type(value).__name__}"
        )
    return spatial_arguments.int_tuple(value, rank, "output_size", layer_name)


class BaseAdaptivePooling(Layer):
    """Pools each spatial axis to `output_size` positions (max or mean).

    Subclasses set `rank` (the number of spatial axes) and `pool_mode`
    (`"max"` or `"average"`).
    """

    rank = None
    pool_mode = None

    def __init__(self, output_size, data_format=None, **kwargs):
        super().__init__(**kwargs)
        layer_name = type(self).__name__
        self.output_size = _output_size(output_size, self.rank, layer_name)
        self.data_format = spatial_arguments.standardize_data_format(
            data_format, layer_name
        )
        self.input_spec = InputSpec(ndim=self.rank + 2)

    def call(self, inputs):
        if self.pool_mode == "max":
            pool = ops.adaptive_max_pool
        else:
            pool = ops.adaptive_average_pool
            inputs = averaged_input(self, inputs)
        return pool(inputs, self.output_size, data_format=self.data_format)

    def compute_output_shape(self, input_shape):
        output_shape = list(input_shape)
        axes = spatial_arguments.spatial_axes(self.rank, self.data_format)
        for axis, size in zip(axes, self.output_size, strict=True):
            output_shape[axis] = size
        return tuple(output_shape)

    def compute_output_spec(self, inputs):
        dtype = inputs.dtype
        if self.pool_mode == "average":
            dtype = averaged_dtype(self, dtype)
        return KerasTensor(self.compute_output_shape(inputs.shape), dtype=dtype)

    def get_config(self):
        return {
            **super().get_config(),
            "output_size": self.output_size,
            "data_format": self.data_format,
        }


@keras_public("keras.layers")
class AdaptiveMaxPooling1D(BaseAdaptivePooling):
    """Max pooling of the steps axis to `output_size` positions.

    `(batch, steps, channels)` (`"channels_last"`) becomes
    `(batch, output_size, channels)` for any number of steps.

    Args:
        output_size: An int (or a tuple of one int), the output length.
        data_format: `"channels_last"` or `"channels_first"`; the global
            image data format if None.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> x = numpy.array([[[1.0], [5.0], [2.0], [4.0]]])
    >>> numpy.asarray(keras_core.layers.AdaptiveMaxPooling1D(2)(x))[0, :, 0]
    array([5., 4.], dtype=float32)
    """

    rank = 1
    pool_mode = "max"

    def __init__(self, output_size, data_format=None, **kwargs):
        super().__init__(output_size, data_format=data_format, **kwargs)


@keras_public("keras.layers")
class AdaptiveMaxPooling2D(BaseAdaptivePooling):
    """Max pooling of the height and width to `output_size` positions.

    `(batch, height, width, channels)` (`"channels_last"`) becomes
    `(batch, *output_size, channels)` for any height and width.

    Args:
        output_size: An int or a tuple of 2 ints, the output height and
            width.
        data_format: `"channels_last"` or `"channels_first"`; the global
            image data format if None.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.AdaptiveMaxPooling2D((2, 3))
    >>> tuple(layer(numpy.ones((1, 7, 9, 4))).shape)
    (1, 2, 3, 4)
    """

    rank = 2
    pool_mode = "max"

    def __init__(self, output_size, data_format=None, **kwargs):
        super().__init__(output_size, data_format=data_format, **kwargs)


@keras_public("keras.layers")
class AdaptiveMaxPooling3D(BaseAdaptivePooling):
    """Max pooling of the three spatial axes to `output_size` positions.

    `(batch, dim1, dim2, dim3, channels)` (`"channels_last"`) becomes
    `(batch, *output_size, channels)` for any spatial sizes.

    Args:
        output_size: An int or a tuple of 3 ints, the output sizes.
        data_format: `"channels_last"` or `"channels_first"`; the global
            image data format if None.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.AdaptiveMaxPooling3D(2)
    >>> tuple(layer(numpy.ones((1, 5, 6, 7, 3))).shape)
    (1, 2, 2, 2, 3)
    """

    rank = 3
    pool_mode = "max"

    def __init__(self, output_size, data_format=None, **kwargs):
        super().__init__(output_size, data_format=data_format, **kwargs)


@keras_public("keras.layers")
class AdaptiveAveragePooling1D(BaseAdaptivePooling):
    """Average pooling of the steps axis to `output_size` positions.

    `(batch, steps, channels)` (`"channels_last"`) becomes
    `(batch, output_size, channels)` for any number of steps. Integer
    inputs give floats of the layer's compute dtype.

    Args:
        output_size: An int (or a tuple of one int), the output length.
        data_format: `"channels_last"` or `"channels_first"`; the global
            image data format if None.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> x = numpy.array([[[1.0], [5.0], [2.0], [4.0]]])
    >>> numpy.asarray(keras_core.layers.AdaptiveAveragePooling1D(2)(x))[0, :, 0]
    array([3., 3.], dtype=float32)
    """

    rank = 1
    pool_mode = "average"

    def __init__(self, output_size, data_format=None, **kwargs):
        super().__init__(output_size, data_format=data_format, **kwargs)


@keras_public("keras.layers")
class AdaptiveAveragePooling2D(BaseAdaptivePooling):
    """Average pooling of the height and width to `output_size` positions.

    `(batch, height, width, channels)` (`"channels_last"`) becomes
    `(batch, *output_size, channels)` for any height and width. Integer
    inputs give floats of the layer's compute dtype.

    Args:
        output_size: An int or a tuple of 2 ints, the output height and
            width.
        data_format: `"channels_last"` or `"channels_first"`; the global
            image data format if None.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.AdaptiveAveragePooling2D((2, 3))
    >>> tuple(layer(numpy.ones((1, 7, 9, 4))).shape)
    (1, 2, 3, 4)
    """

    rank = 2
    pool_mode = "average"

    def __init__(self, output_size, data_format=None, **kwargs):
        super().__init__(output_size, data_format=data_format, **kwargs)


@keras_public("keras.layers")
class AdaptiveAveragePooling3D(BaseAdaptivePooling):
    """Average pooling of the three spatial axes to `output_size` positions.

    `(batch, dim1, dim2, dim3, channels)` (`"channels_last"`) becomes
    `(batch, *output_size, channels)` for any spatial sizes. Integer inputs
    give floats of the layer's compute dtype.

    Args:
        output_size: An int or a tuple of 3 ints, the output sizes.
        data_format: `"channels_last"` or `"channels_first"`; the global
            image data format if None.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.AdaptiveAveragePooling3D(2)
    >>> tuple(layer(numpy.ones((1, 5, 6, 7, 3))).shape)
    (1, 2, 2, 2, 3)
    """

    rank = 3
    pool_mode = "average"

    def __init__(self, output_size, data_format=None, **kwargs):
        super().__init__(output_size, data_format=data_format, **kwargs)
