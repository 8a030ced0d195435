"""ZeroPadding1D/2D/3D: add zeros at the borders of the spatial axes."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.layers.input_spec import InputSpec
from keras_core._src.layers.layer import Layer
from keras_core._src.layers.reshaping import spatial_arguments

__all__ = ["ZeroPadding1D", "ZeroPadding2D", "ZeroPadding3D"]


class BaseZeroPadding(Layer):
    """Pads `padding[i] = (before, after)` zeros onto each spatial axis.

    Subclasses set `rank`, the number of spatial axes.
    """

    rank = None

    def __init__(self, padding, data_format=None, **kwargs):
        super().__init__(**kwargs)
        layer_name = type(self).__name__
        if self.rank == 1:
            self.padding = spatial_arguments.int_tuple(
                padding, 2, "padding", layer_name, minimum=0
            )
        else:
            self.padding = spatial_arguments.pair_tuples(
                padding, self.rank, "padding", layer_name
            )
        self.data_format = spatial_arguments.standardize_data_format(
            data_format, layer_name
        )
        self.input_spec = InputSpec(ndim=self.rank + 2)

    def _pairs(self):
        return (self.padding,) if self.rank == 1 else self.padding

    def call(self, inputs):
        pad_width = [(0, 0)] * len(inputs.shape)
        axes = spatial_arguments.spatial_axes(self.rank, self.data_format)
        for axis, pair in zip(axes, self._pairs(), strict=True):
            pad_width[axis] = pair
        return ops.pad(inputs, pad_width)

    def compute_output_shape(self, input_shape):
        output_shape = list(input_shape)
        axes = spatial_arguments.spatial_axes(self.rank, self.data_format)
        for axis, (before, after) in zip(axes, self._pairs(), strict=True):
            if output_shape[axis] is not None:
                output_shape[axis] += before + after
        return tuple(output_shape)

    def compute_output_spec(self, inputs):
        return KerasTensor(self.compute_output_shape(inputs.shape), dtype=inputs.dtype)

    def get_config(self):
        return {
            **super().get_config(),
            "padding": self.padding,
            "data_format": self.data_format,
        }


@keras_public("keras.layers")
class ZeroPadding1D(BaseZeroPadding):
    """Adds zeros at the start and end of each sequence.

    `(batch, steps, features)` (`"channels_last"`) becomes
    `(batch, before + steps + after, features)`.

    Args:
        padding: An int (the same at both ends) or a pair of ints
            `(before, after)`: the zero steps added.
        data_format: `"channels_last"` (`(batch, steps, features)`) or
            `"channels_first"` (`(batch, features, steps)`); the global
            image data format if None.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.ZeroPadding1D((1, 2))
    >>> numpy.asarray(layer(numpy.ones((1, 2, 1))))[0, :, 0]
    array([0., 1., 1., 0., 0.], dtype=float32)
    """

    rank = 1

    def __init__(self, padding=1, data_format=None, **kwargs):
        super().__init__(padding, data_format=data_format, **kwargs)


@keras_public("keras.layers")
class ZeroPadding2D(BaseZeroPadding):
    """Adds rows and columns of zeros at the borders of each image.

    Args:
        padding: An int (the same on every side), a pair of ints
            `(symmetric_height, symmetric_width)`, or a pair of pairs
            `((top, bottom), (left, right))`.
        data_format: `"channels_last"` (`(batch, height, width, channels)`)
            or `"channels_first"` (`(batch, channels, height, width)`); the
            global image data format if None.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.ZeroPadding2D(((1, 0), (2, 2)))
    >>> tuple(layer(numpy.ones((2, 3, 4, 5))).shape)
    (2, 4, 8, 5)
    """

    rank = 2

    def __init__(self, padding=(1, 1), data_format=None, **kwargs):
        super().__init__(padding, data_format=data_format, **kwargs)


@keras_public("keras.layers")
class ZeroPadding3D(BaseZeroPadding):
    """Adds zeros at the borders of the three spatial axes of a volume.

    Args:
        padding: An int (the same on every side), 3 ints (symmetric per
            axis), or 3 pairs `((before1, after1), (before2, after2),
            (before3, after3))`.
        data_format: `"channels_last"` (`(batch, dim1, dim2, dim3,
            channels)`) or `"channels_first"` (`(batch, channels, dim1,
            dim2, dim3)`); the global image data format if None.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.ZeroPadding3D(1)
    >>> tuple(layer(numpy.ones((2, 1, 2, 3, 4))).shape)
    (2, 3, 4, 5, 4)
    """

    rank = 3

    def __init__(self, padding=((1, 1), (1, 1), (1, 1)), data_format=None, **kwargs):
        super().__init__(padding, data_format=data_format, **kwargs)
