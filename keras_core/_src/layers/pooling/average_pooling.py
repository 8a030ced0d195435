"""AveragePooling1D/2D/3D: windowed mean pooling (aliases AvgPool1D/2D/3D)."""

from keras_core._src.api_export import keras_public
from keras_core._src.layers.pooling.base_pooling import BasePooling

__all__ = [
    "AveragePooling1D",
    "AveragePooling2D",
    "AveragePooling3D",
    "AvgPool1D",
    "AvgPool2D",
    "AvgPool3D",
]


@keras_public("keras.layers")
@keras_public("keras.layers", name="AvgPool1D")
class AveragePooling1D(BasePooling):
    """1D mean pooling: the mean of each window of the spatial axes.

    Inputs are `(batch, steps, channels)` for `"channels_last"`,
    `(batch, channels, steps)` for `"channels_first"`.
    Each spatial axis of length `n` becomes `(n - pool) // stride + 1`
    (`"valid"`) or `ceil(n / stride)` (`"same"`).
    With `padding="same"` the padded positions are not counted in the
    mean. Integer inputs give floats of the layer's compute dtype.

    Args:
        pool_size: An int (or a tuple of one int): the window size.
        strides: An int (or a tuple of one int): the window step;
            `pool_size` if None.
        padding: `"valid"` (no padding) or `"same"` (pads so the output has
            `ceil(n / stride)` positions); either case.
        data_format: `"channels_last"` or `"channels_first"`; the global
            image data format if None.
        name: The layer's name.
        **kwargs: Base layer arguments (`dtype`, ...).

    Example:

    >>> layer = keras_core.layers.AveragePooling1D(2)
    >>> tuple(layer(numpy.ones((2, 6, 3))).shape)
    (2, 3, 3)
    """

    rank = 1
    pool_mode = "average"

    def __init__(
        self,
        pool_size,
        strides=None,
        padding="valid",
        data_format=None,
        name=None,
        **kwargs,
    ):
        super().__init__(
            pool_size,
            strides=strides,
            padding=padding,
            data_format=data_format,
            name=name,
            **kwargs,
        )


AvgPool1D = AveragePooling1D


@keras_public("keras.layers")
@keras_public("keras.layers", name="AvgPool2D")
class AveragePooling2D(BasePooling):
    """2D mean pooling: the mean of each window of the spatial axes.

    Inputs are `(batch, height, width, channels)` for `"channels_last"`,
    `(batch, channels, height, width)` for `"channels_first"`.
    Each spatial axis of length `n` becomes `(n - pool) // stride + 1`
    (`"valid"`) or `ceil(n / stride)` (`"same"`).
    With `padding="same"` the padded positions are not counted in the
    mean. Integer inputs give floats of the layer's compute dtype.

    Args:
        pool_size: An int or a tuple of 2 ints: the window size.
        strides: An int or a tuple of 2 ints: the window step;
            `pool_size` if None.
        padding: `"valid"` (no padding) or `"same"` (pads so the output has
            `ceil(n / stride)` positions); either case.
        data_format: `"channels_last"` or `"channels_first"`; the global
            image data format if None.
        name: The layer's name.
        **kwargs: Base layer arguments (`dtype`, ...).

    Example:

    >>> layer = keras_core.layers.AveragePooling2D(2)
    >>> tuple(layer(numpy.ones((2, 6, 6, 3))).shape)
    (2, 3, 3, 3)
    """

    rank = 2
    pool_mode = "average"

    def __init__(
        self,
        pool_size,
        strides=None,
        padding="valid",
        data_format=None,
        name=None,
        **kwargs,
    ):
        super().__init__(
            pool_size,
            strides=strides,
            padding=padding,
            data_format=data_format,
            name=name,
            **kwargs,
        )


AvgPool2D = AveragePooling2D


@keras_public("keras.layers")
@keras_public("keras.layers", name="AvgPool3D")
class AveragePooling3D(BasePooling):
    """3D mean pooling: the mean of each window of the spatial axes.

    Inputs are `(batch, dim1, dim2, dim3, channels)` for `"channels_last"`,
    `(batch, channels, dim1, dim2, dim3)` for `"channels_first"`.
    Each spatial axis of length `n` becomes `(n - pool) // stride + 1`
    (`"valid"`) or `ceil(n / stride)` (`"same"`).
    With `padding="same"` the padded positions are not counted in the
    mean. Integer inputs give floats of the layer's compute dtype.

    Args:
        pool_size: An int or a tuple of 3 ints: the window size.
        strides: An int or a tuple of 3 ints: the window step;
            `pool_size` if None.
        padding: `"valid"` (no padding) or `"same"` (pads so the output has
            `ceil(n / stride)` positions); either case.
        data_format: `"channels_last"` or `"channels_first"`; the global
            image data format if None.
        name: The layer's name.
        **kwargs: Base layer arguments (`dtype`, ...).

    Example:

    >>> layer = keras_core.layers.AveragePooling3D(2)
    >>> tuple(layer(numpy.ones((2, 4, 4, 4, 3))).shape)
    (2, 2, 2, 2, 3)
    """

    rank = 3
    pool_mode = "average"

    def __init__(
        self,
        pool_size,
        strides=None,
        padding="valid",
        data_format=None,
        name=None,
        **kwargs,
    ):
        super().__init__(
            pool_size,
            strides=strides,
            padding=padding,
            data_format=data_format,
            name=name,
            **kwargs,
        )


AvgPool3D = AveragePooling3D
