"""Global pooling: the max or mean over all spatial axes, per channel.

`GlobalMaxPooling1D/2D/3D` (aliases `GlobalMaxPool1D/2D/3D`) and
`GlobalAveragePooling1D/2D/3D` (aliases `GlobalAvgPool1D/2D/3D`);
`GlobalAveragePooling1D` averages only the unmasked steps.
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
    "GlobalAveragePooling1D",
    "GlobalAveragePooling2D",
    "GlobalAveragePooling3D",
    "GlobalAvgPool1D",
    "GlobalAvgPool2D",
    "GlobalAvgPool3D",
    "GlobalMaxPool1D",
    "GlobalMaxPool2D",
    "GlobalMaxPool3D",
    "GlobalMaxPooling1D",
    "GlobalMaxPooling2D",
    "GlobalMaxPooling3D",
]


class BaseGlobalPooling(Layer):
    """Reduces every spatial axis (max or mean).

    Subclasses set `rank` (the number of spatial axes) and `pool_mode`
    (`"max"` or `"average"`).
    """

    rank = None
    pool_mode = None

    def __init__(self, data_format=None, keepdims=False, **kwargs):
        super().__init__(**kwargs)
        self.data_format = spatial_arguments.standardize_data_format(
            data_format, type(self).__name__
        )
        self.keepdims = keepdims
        self.input_spec = InputSpec(ndim=self.rank + 2)
        # No weights: built from the start, as in Keras.
        self.built = True

    @property
    def _axes(self):
        return spatial_arguments.spatial_axes(self.rank, self.data_format)

    def call(self, inputs):
        if self.pool_mode == "max":
            return ops.max(inputs, axis=self._axes, keepdims=self.keepdims)
        inputs = averaged_input(self, inputs)
        return ops.mean(inputs, axis=self._axes, keepdims=self.keepdims)

    def compute_output_shape(self, input_shape):
        input_shape = tuple(input_shape)
        axes = self._axes
        if self.keepdims:
            return tuple(1 if i in axes else n for i, n in enumerate(input_shape))
        return tuple(n for i, n in enumerate(input_shape) if i not in axes)

    def compute_output_spec(self, inputs, mask=None):
        dtype = inputs.dtype
        if self.pool_mode == "average":
            dtype = averaged_dtype(self, dtype)
        return KerasTensor(self.compute_output_shape(inputs.shape), dtype=dtype)

    def get_config(self):
        return {
            **super().get_config(),
            "data_format": self.data_format,
            "keepdims": self.keepdims,
        }


@keras_public("keras.layers")
@keras_public("keras.layers", name="GlobalMaxPool1D")
class GlobalMaxPooling1D(BaseGlobalPooling):
    """The maximum over the steps of a sequence, per channel.

    `(batch, steps, channels)` (`"channels_last"`) becomes
    `(batch, channels)`, or `(batch, 1, channels)` with `keepdims`.

    Args:
        data_format: `"channels_last"` or `"channels_first"`: where the
            channel axis is; the global image data format if None.
        keepdims: Whether the reduced spatial axes are kept with length 1.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> tuple(keras_core.layers.GlobalMaxPooling1D()(numpy.ones((2, 5, 3))).shape)
    (2, 3)
    """

    rank = 1
    pool_mode = "max"

    def __init__(self, data_format=None, keepdims=False, **kwargs):
        super().__init__(data_format=data_format, keepdims=keepdims, **kwargs)


@keras_public("keras.layers")
@keras_public("keras.layers", name="GlobalMaxPool2D")
class GlobalMaxPooling2D(BaseGlobalPooling):
    """The maximum over the height and width of an image, per channel.

    `(batch, height, width, channels)` (`"channels_last"`) becomes
    `(batch, channels)`, or `(batch, 1, 1, channels)` with `keepdims`.

    Args:
        data_format: `"channels_last"` or `"channels_first"`: where the
            channel axis is; the global image data format if None.
        keepdims: Whether the reduced spatial axes are kept with length 1.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> tuple(keras_core.layers.GlobalMaxPooling2D()(numpy.ones((2, 4, 5, 3))).shape)
    (2, 3)
    """

    rank = 2
    pool_mode = "max"

    def __init__(self, data_format=None, keepdims=False, **kwargs):
        super().__init__(data_format=data_format, keepdims=keepdims, **kwargs)


@keras_public("keras.layers")
@keras_public("keras.layers", name="GlobalMaxPool3D")
class GlobalMaxPooling3D(BaseGlobalPooling):
    """The maximum over the three spatial axes of a volume, per channel.

    `(batch, dim1, dim2, dim3, channels)` (`"channels_last"`) becomes
    `(batch, channels)`, or `(batch, 1, 1, 1, channels)` with `keepdims`.

    Args:
        data_format: `"channels_last"` or `"channels_first"`: where the
            channel axis is; the global image data format if None.
        keepdims: Whether the reduced spatial axes are kept with length 1.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.GlobalMaxPooling3D(keepdims=True)
    >>> tuple(layer(numpy.ones((2, 3, 4, 5, 3))).shape)
    (2, 1, 1, 1, 3)
    """

    rank = 3
    pool_mode = "max"

    def __init__(self, data_format=None, keepdims=False, **kwargs):
        super().__init__(data_format=data_format, keepdims=keepdims, **kwargs)


@keras_public("keras.layers")
@keras_public("keras.layers", name="GlobalAvgPool1D")
class GlobalAveragePooling1D(BaseGlobalPooling):
    """The mean over the steps of a sequence, per channel; masked steps skipped.

    `(batch, steps, channels)` (`"channels_last"`) becomes
    `(batch, channels)`, or `(batch, 1, channels)` with `keepdims`. With a
    mask `(batch, steps)` (passed as `mask=` or carried by the input), the
    mean is over the unmasked steps; a sample with every step masked gives
    NaN, as in Keras. The output carries no mask. Integer inputs give floats
    of the layer's compute dtype.

    Args:
        data_format: `"channels_last"` or `"channels_first"`: where the
            channel axis is; the global image data format if None.
        keepdims: Whether the reduced steps axis is kept with length 1.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> x = numpy.array([[[1.0], [3.0], [8.0]]])
    >>> layer = keras_core.layers.GlobalAveragePooling1D()
    >>> numpy.asarray(layer(x, mask=numpy.array([[True, True, False]])))
    array([[2.]], dtype=float32)
    """

    rank = 1
    pool_mode = "average"

    def __init__(self, data_format=None, keepdims=False, **kwargs):
        super().__init__(data_format=data_format, keepdims=keepdims, **kwargs)

    def call(self, inputs, mask=None):
        if mask is None:
            return super().call(inputs)
        inputs = averaged_input(self, inputs)
        channel_axis = 1 if self.data_format == "channels_first" else 2
        weights = ops.expand_dims(ops.cast(mask, inputs.dtype), channel_axis)
        total = ops.sum(inputs * weights, axis=self._axes, keepdims=self.keepdims)
        count = ops.sum(weights, axis=self._axes, keepdims=self.keepdims)
        return total / count

    def compute_mask(self, inputs, previous_mask):
        return None


@keras_public("keras.layers")
@keras_public("keras.layers", name="GlobalAvgPool2D")
class GlobalAveragePooling2D(BaseGlobalPooling):
    """The mean over the height and width of an image, per channel.

    `(batch, height, width, channels)` (`"channels_last"`) becomes
    `(batch, channels)`, or `(batch, 1, 1, channels)` with `keepdims`.
    Integer inputs give floats of the layer's compute dtype.

    Args:
        data_format: `"channels_last"` or `"channels_first"`: where the
            channel axis is; the global image data format if None.
        keepdims: Whether the reduced spatial axes are kept with length 1.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.GlobalAveragePooling2D()
    >>> tuple(layer(numpy.ones((2, 4, 5, 3))).shape)
    (2, 3)
    """

    rank = 2
    pool_mode = "average"

    def __init__(self, data_format=None, keepdims=False, **kwargs):
        super().__init__(data_format=data_format, keepdims=keepdims, **kwargs)


@keras_public("keras.layers")
@keras_public("keras.layers", name="GlobalAvgPool3D")
class GlobalAveragePooling3D(BaseGlobalPooling):
    """The mean over the three spatial axes of a volume, per channel.

    `(batch, dim1, dim2, dim3, channels)` (`"channels_last"`) becomes
    `(batch, channels)`, or `(batch, 1, 1, 1, channels)` with `keepdims`.
    Integer inputs give floats of the layer's compute dtype.

    Args:
        data_format: `"channels_last"` or `"channels_first"`: where the
            channel axis is; the global image data format if None.
        keepdims: Whether the reduced spatial axes are kept with length 1.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.GlobalAveragePooling3D()
    >>> tuple(layer(numpy.ones((2, 3, 4, 5, 3))).shape)
    (2, 3)
    """

    rank = 3
    pool_mode = "average"

    def __init__(self, data_format=None, keepdims=False, **kwargs):
        super().__init__(data_format=data_format, keepdims=keepdims, **kwargs)


GlobalMaxPool1D = GlobalMaxPooling1D
GlobalMaxPool2D = GlobalMaxPooling2D
GlobalMaxPool3D = GlobalMaxPooling3D
GlobalAvgPool1D = GlobalAveragePooling1D
GlobalAvgPool2D = GlobalAveragePooling2D
GlobalAvgPool3D = GlobalAveragePooling3D
