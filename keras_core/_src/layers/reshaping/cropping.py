"""Cropping1D/2D/3D: remove rows at the borders of the spatial axes."""

from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.layers.input_spec import InputSpec
from keras_core._src.layers.layer import Layer
from keras_core._src.layers.reshaping import spatial_arguments

__all__ = ["Cropping1D", "Cropping2D", "Cropping3D"]


class BaseCropping(Layer):
    """Crops `cropping[i] = (before, after)` entries off each spatial axis.

    Subclasses set `rank`, the number of spatial axes.
    """

    rank = None

    def __init__(self, cropping, data_format, **kwargs):
        super().__init__(**kwargs)
        layer_name = type(self).__name__
        if self.rank == 1:
            self.cropping = spatial_arguments.int_tuple(
                cropping, 2, "cropping", layer_name, minimum=0
            )
        else:
            self.cropping = spatial_arguments.pair_tuples(
                cropping, self.rank, "cropping", layer_name
            )
        self.data_format = spatial_arguments.standardize_data_format(
            data_format, layer_name
        )
        self.input_spec = InputSpec(ndim=self.rank + 2)

    def _pairs(self):
        return (self.cropping,) if self.rank == 1 else self.cropping

    def call(self, inputs):
        self.compute_output_shape(tuple(inputs.shape))
        index = [slice(None)] * len(inputs.shape)
        axes = spatial_arguments.spatial_axes(self.rank, self.data_format)
        for axis, (before, after) in zip(axes, self._pairs(), strict=True):
            index[axis] = slice(before, -after if after else None)
        return inputs[tuple(index)]

    def compute_output_shape(self, input_shape):
        input_shape = tuple(input_shape)
        output_shape = list(input_shape)
        axes = spatial_arguments.spatial_axes(self.rank, self.data_format)
        for axis, (before, after) in zip(axes, self._pairs(), strict=True):
            size = input_shape[axis]
            if size is None:
                continue
            if before + after >= size:
                raise ValueError(
                    f"Layer '{self.name}' ({type(self).__name__}): the values "
                    "in `cropping` must be smaller than the corresponding "
                    "spatial dimension of the input (at least one entry must "
                    f"be left). Received: input_shape={input_shape}, "
                    f"cropping={self.cropping}"
                )
            output_shape[axis] = size - before - after
        return tuple(output_shape)

    def compute_output_spec(self, inputs):
        return KerasTensor(self.compute_output_shape(inputs.shape), dtype=inputs.dtype)

    def get_config(self):
        config = {**super().get_config(), "cropping": self.cropping}
        if self.rank > 1:  # Cropping1D takes no `data_format`.
            config["data_format"] = self.data_format
        return config


@keras_public("keras.layers")
class Cropping1D(BaseCropping):
    """Removes steps at the start and end of each sequence.

    `(batch, steps, features)` becomes
    `(batch, steps - before - after, features)`.

    Args:
        cropping: An int (the same at both ends) or a pair of ints
            `(before, after)`: the steps removed.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.Cropping1D((1, 2))
    >>> tuple(layer(numpy.ones((2, 6, 3))).shape)
    (2, 3, 3)
    """

    rank = 1

    def __init__(self, cropping=(1, 1), **kwargs):
        super().__init__(cropping, "channels_last", **kwargs)


@keras_public("keras.layers")
class Cropping2D(BaseCropping):
    """Removes rows and columns at the borders of each image.

    Args:
        cropping: An int (the same on every side), a pair of ints
            `(symmetric_height, symmetric_width)`, or a pair of pairs
            `((top, bottom), (left, right))`.
        data_format: `"channels_last"` (`(batch, height, width, channels)`)
            or `"channels_first"` (`(batch, channels, height, width)`); the
            global image data format if None.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.Cropping2D(((1, 0), (2, 2)))
    >>> tuple(layer(numpy.ones((2, 5, 6, 3))).shape)
    (2, 4, 2, 3)
    """

    rank = 2

    def __init__(self, cropping=((0, 0), (0, 0)), data_format=None, **kwargs):
        super().__init__(cropping, data_format, **kwargs)


@keras_public("keras.layers")
class Cropping3D(BaseCropping):
    """Removes entries at the borders of the three spatial axes of a volume.

    Args:
        cropping: An int (the same on every side), 3 ints (symmetric per
            axis), or 3 pairs `((before1, after1), (before2, after2),
            (before3, after3))`.
        data_format: `"channels_last"` (`(batch, dim1, dim2, dim3,
            channels)`) or `"channels_first"` (`(batch, channels, dim1,
            dim2, dim3)`); the global image data format if None.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.Cropping3D(1)
    >>> tuple(layer(numpy.ones((2, 4, 5, 6, 3))).shape)
    (2, 2, 3, 4, 3)
    """

    rank = 3

    def __init__(self, cropping=((1, 1), (1, 1), (1, 1)), data_format=None, **kwargs):
        super().__init__(cropping, data_format, **kwargs)
