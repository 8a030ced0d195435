"""MaxPooling1D/2D/3D: windowed maximum pooling (aliases MaxPool1D/2D/3D)."""

from keras_core._src.api_export import keras_public
from keras_core._src.layers.pooling.base_pooling import BasePooling

__all__ = [
    "MaxPool1D",
    "MaxPool2D",
    "MaxPool3D",
    "MaxPooling1D",
    "MaxPooling2D",
    "MaxPooling3D",
]


@keras_public("keras.layers")
@keras_public("keras.layers", name="MaxPool1D")
class MaxPooling1D(BasePooling):
    """1D maximum pooling: the maximum of each window of the spatial axes.

    Inputs are `(batch, steps, channels)` for `"channels_last"`,
    `(batch, channels, steps)` for `"channels_first"`.
    Each spatial axis of length `n` becomes `(n - pool) // stride + 1`
    (`"valid"`) or `ceil(n / stride)` (`"same"`).

    Args:
        pool_size: An int (or a tuple of one int): the window size (default 2).
        strides: An int (or a tuple of one int): the window step;
            `pool_size` if None.
        padding: `"valid"` (no padding) or `"same"` (pads so the output has
            `ceil(n / stride)` positions); either case.
        data_format: `"channels_last"` or `"channels_first"`; the global
            image data format if None.
        name: The layer's name.
        **kwargs: Base layer arguments (`dtype`, ...).

    Example:

    >>> layer = keras_core.layers.MaxPooling1D()
    >>> tuple(layer(numpy.ones((2, 6, 3))).shape)
    (2, 3, 3)
    """

    rank = 1
    pool_mode = "max"

    def __init__(
        self,
        pool_size=2,
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


MaxPool1D = MaxPooling1D


@keras_public("keras.layers")
@keras_public("keras.layers", name="MaxPool2D")
class MaxPooling2D(BasePooling):
    """2D maximum pooling: the maximum of each window of the spatial axes.

    Inputs are `(batch, height, width, channels)` for `"channels_last"`,
    `(batch, channels, height, width)` for `"channels_first"`.
    Each spatial axis of length `n` becomes `(n - pool) // stride + 1`
    (`"valid"`) or `ceil(n / stride)` (`"same"`).

    Args:
        pool_size: An int or a tuple of 2 ints: the window size (default (2, 2)).
        strides: An int or a tuple of 2 ints: the window step;
            `pool_size` if None.
        padding: `"valid"` (no padding) or `"same"` (pads so the output has
            `ceil(n / stride)` positions); either case.
        data_format: `"channels_last"` or `"channels_first"`; the global
            image data format if None.
        name: The layer's name.
        **kwargs: Base layer arguments (`dtype`, ...).

    Example:

    >>> layer = keras_core.layers.MaxPooling2D()
    >>> tuple(layer(numpy.ones((2, 6, 6, 3))).shape)
    (2, 3, 3, 3)
    """

    rank = 2
    pool_mode = "max"

    def __init__(
        self,
        pool_size=(2, 2),
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


MaxPool2D = MaxPooling2D


@keras_public("keras.layers")
@keras_public("keras.layers", name="MaxPool3D")
class MaxPooling3D(BasePooling):
    """3D maximum pooling: the maximum of each window of the spatial axes.

    Inputs are `(batch, dim1, dim2, dim3, channels)` for `"channels_last"`,
    `(batch, channels, dim1, dim2, dim3)` for `"channels_first"`.
    Each spatial axis of length `n` becomes `(n - pool) // stride + 1`
    (`"valid"`) or `ceil(n / stride)` (`"same"`).

    Args:
        pool_size: An int or a tuple of 3 ints: the window size (default (2, 2, 2)).
        strides: An int or a tuple of 3 ints: the window step;
            `pool_size` if None.
        padding: `"valid"` (no padding) or `"same"` (pads so the output has
            `ceil(n / stride)` positions); either case.
        data_format: `"channels_last"` or `"channels_first"`; the global
            image data format if None.
        name: The layer's name.
        **kwargs: Base layer arguments (`dtype`, ...).

    Example:

    >>> layer = keras_core.layers.MaxPooling3D()
    >>> tuple(layer(numpy.ones((2, 4, 4, 4, 3))).shape)
    (2, 2, 2, 2, 3)
    """

    rank = 3
    pool_mode = "max"

    def __init__(
        self,
        pool_size=(2, 2, 2),
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


MaxPool3D = MaxPooling3D
