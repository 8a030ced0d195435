"""UpSampling1D/2D/3D: repeat (or interpolate) along the spatial axes."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.layers.input_spec import InputSpec
from keras_core._src.layers.layer import Layer
from keras_core._src.layers.reshaping import spatial_arguments

__all__ = ["UpSampling1D", "UpSampling2D", "UpSampling3D"]

_INTERPOLATIONS = ("bilinear", "nearest", "lanczos3", "lanczos5", "bicubic")


class BaseUpSampling(Layer):
    """Repeats each entry `size[i]` times along spatial axis `i`.

    Subclasses set `rank`, the number of spatial axes.
    """

    rank = None

    def __init__(self, size, data_format, **kwargs):
        super().__init__(**kwargs)
        layer_name = type(self).__name__
        self.size = spatial_arguments.int_tuple(size, self.rank, "size", layer_name)
        self._factors = self.size
        self.data_format = spatial_arguments.standardize_data_format(
            data_format, layer_name
        )
        self.input_spec = InputSpec(ndim=self.rank + 2)

    def _axes(self):
        return spatial_arguments.spatial_axes(self.rank, self.data_format)

    def call(self, inputs):
        for axis, factor in zip(self._axes(), self._factors, strict=True):
            if factor != 1:
                inputs = ops.repeat(inputs, factor, axis=axis)
        return inputs

    def compute_output_shape(self, input_shape):
        output_shape = list(input_shape)
        for axis, factor in zip(self._axes(), self._factors, strict=True):
            if output_shape[axis] is not None:
                output_shape[axis] *= factor
        return tuple(output_shape)

    def compute_output_spec(self, inputs):
        return KerasTensor(self.compute_output_shape(inputs.shape), dtype=inputs.dtype)

    def get_config(self):
        config = {**super().get_config(), "size": self.size}
        if self.rank > 1:  # UpSampling1D takes no `data_format`.
            config["data_format"] = self.data_format
        return config


@keras_public("keras.layers")
class UpSampling1D(BaseUpSampling):
    """Repeats each step of a sequence `size` times.

    `(batch, steps, features)` becomes `(batch, steps * size, features)`.

    Args:
        size: A positive int, the number of repeats.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> x = numpy.array([[[1.0], [2.0]]])
    >>> numpy.asarray(keras_core.layers.UpSampling1D(2)(x))[0, :, 0]
    array([1., 1., 2., 2.], dtype=float32)
    """

    rank = 1

    def __init__(self, size=2, **kwargs):
        if not isinstance(size, int) or isinstance(size, bool):
            raise TypeError(
                f"Layer UpSampling1D: `size` must be an integer. Received: "
                f"size={size!r} of type {type(size).__name__}"
            )
        if size < 1:
            raise ValueError(
                "Layer UpSampling1D: `size` must be a positive integer. "
                f"Received: size={size}"
            )
        super().__init__(size, "channels_last", **kwargs)
        # An int, as in Keras (and in the config).
        self.size = size


@keras_public("keras.layers")
class UpSampling2D(BaseUpSampling):
    """Enlarges each image by integer factors along its height and width.

    `(batch, height, width, channels)` (`"channels_last"`) becomes
    `(batch, height * size[0], width * size[1], channels)`.

    Args:
        size: An int or a tuple of 2 ints, the factors for the height and
            the width.
        data_format: `"channels_last"` or `"channels_first"`; the global
            image data format if None.
        interpolation: `"nearest"` (repeats each pixel), `"bilinear"`,
            `"bicubic"`, `"lanczos3"` or `"lanczos5"` (resamples with
            `keras_core.ops.image.resize`, half-pixel centers); any case.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> x = numpy.array([[[[1.0], [2.0]]]])
    >>> layer = keras_core.layers.UpSampling2D((1, 2))
    >>> numpy.asarray(layer(x))[0, 0, :, 0]
    array([1., 1., 2., 2.], dtype=float32)
    """

    rank = 2

    def __init__(
        self, size=(2, 2), data_format=None, interpolation="nearest", **kwargs
    ):
        super().__init__(size, data_format, **kwargs)
        if (
            not isinstance(interpolation, str)
            or interpolation.lower() not in _INTERPOLATIONS
        ):
            raise ValueError(
                "Layer UpSampling2D: `interpolation` must be one of "
                f"{_INTERPOLATIONS}. Received: interpolation={interpolation!r}"
            )
        self.interpolation = interpolation.lower()

    def call(self, inputs):
        if self.interpolation == "nearest":
            return super().call(inputs)
        static_shape = self.compute_output_shape(tuple(inputs.shape))
        dynamic_shape = ops.shape(inputs)
        size = tuple(
            dynamic_shape[axis] * factor
            if static_shape[axis] is None
            else static_shape[axis]
            for axis, factor in zip(self._axes(), self._factors, strict=True)
        )
        return ops.image.resize(
            inputs,
            size,
            interpolation=self.interpolation,
            data_format=self.data_format,
        )

    def get_config(self):
        return {**super().get_config(), "interpolation": self.interpolation}


@keras_public("keras.layers")
class UpSampling3D(BaseUpSampling):
    """Repeats each entry of a volume along its three spatial axes.

    `(batch, dim1, dim2, dim3, channels)` (`"channels_last"`) becomes
    `(batch, dim1 * size[0], dim2 * size[1], dim3 * size[2], channels)`.

    Args:
        size: An int or a tuple of 3 ints, the factors per spatial axis.
        data_format: `"channels_last"` or `"channels_first"`; the global
            image data format if None.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.UpSampling3D((1, 2, 3))
    >>> tuple(layer(numpy.ones((2, 1, 2, 3, 4))).shape)
    (2, 1, 4, 9, 4)
    """

    rank = 3

    def __init__(self, size=(2, 2, 2), data_format=None, **kwargs):
        super().__init__(size, data_format, **kwargs)
