"""`SpatialDropout1D/2D/3D`: drop whole feature maps while training."""

from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.config import standardize_data_format
from keras_core._src.layers.input_spec import InputSpec
from keras_core._src.layers.regularization.dropout import Dropout

__all__ = ["SpatialDropout1D", "SpatialDropout2D", "SpatialDropout3D"]


class _SpatialDropout(Dropout):
    """Dropout whose keep/drop pattern is shared over the spatial axes.

    Subclasses set `_spatial_rank`; the noise shape keeps the batch and
    channel axes (None: the input's size) and is 1 along every spatial axis,
    so each channel of each example is kept or dropped as a whole.
    """

    _spatial_rank = None

    def __init__(self, rate, data_format, seed, name, dtype):
        spatial = (1,) * self._spatial_rank
        if data_format == "channels_first":
            noise_shape = (None, None, *spatial)
        else:
            noise_shape = (None, *spatial, None)
        super().__init__(
            rate=rate, noise_shape=noise_shape, seed=seed, name=name, dtype=dtype
        )
        self.data_format = data_format
        self.input_spec = InputSpec(ndim=self._spatial_rank + 2)

    def get_config(self):
        # Keras's keys: no `trainable` (the constructor does not take it)
        # and no `noise_shape` (it follows from `data_format`).
        config = super().get_config()
        return {
            "rate": self.rate,
            "seed": self.seed,
            "name": config["name"],
            "dtype": config["dtype"],
        }


@keras_public("keras.layers")
class SpatialDropout1D(_SpatialDropout):
    """Drops entire 1D feature maps (channels) at random, in training.

    Where `Dropout` drops single entries, this drops a whole channel of an
    example at every step at once, which regularizes better when adjacent
    steps are strongly correlated (as after a convolution). Kept entries
    are scaled by `1 / (1 - rate)`; inference is the identity.

    Args:
        rate: The fraction of channels to drop, between 0 and 1.
        seed: An int seeding the layer's `SeedGenerator`.
        name: The layer's name.
        dtype: A dtype policy or its name.

    Input shape: `(batch, steps, channels)`; output shape: the same.

    Example:

    >>> layer = keras_core.layers.SpatialDropout1D(0.5, seed=1)
    >>> layer(numpy.ones((2, 3, 4)), training=True).shape
    (2, 3, 4)
    """

    _spatial_rank = 1

    def __init__(self, rate, seed=None, name=None, dtype=None):
        super().__init__(rate, "channels_last", seed, name, dtype)


@keras_public("keras.layers")
class SpatialDropout2D(_SpatialDropout):
    """Drops entire 2D feature maps (channels) at random, in training.

    Each channel of each example is kept or zeroed as a whole over its
    rows and columns; kept entries are scaled by `1 / (1 - rate)`.
    Inference is the identity.

    Args:
        rate: The fraction of channels to drop, between 0 and 1.
        data_format: `"channels_last"` (inputs `(batch, rows, cols,
            channels)`) or `"channels_first"` (`(batch, channels, rows,
            cols)`); `keras_core.config.image_data_format()` by default.
        seed: An int seeding the layer's `SeedGenerator`.
        name: The layer's name.
        dtype: A dtype policy or its name.

    Example:

    >>> layer = keras_core.layers.SpatialDropout2D(0.5, seed=1)
    >>> layer(numpy.ones((2, 3, 3, 4)), training=True).shape
    (2, 3, 3, 4)
    """

    _spatial_rank = 2

    def __init__(self, rate, data_format=None, seed=None, name=None, dtype=None):
        super().__init__(rate, standardize_data_format(data_format), seed, name, dtype)

    def get_config(self):
        return {**super().get_config(), "data_format": self.data_format}


@keras_public("keras.layers")
class SpatialDropout3D(_SpatialDropout):
    """Drops entire 3D feature maps (channels) at random, in training.

    Each channel of each example is kept or zeroed as a whole over its
    three spatial axes; kept entries are scaled by `1 / (1 - rate)`.
    Inference is the identity.

    Args:
        rate: The fraction of channels to drop, between 0 and 1.
        data_format: `"channels_last"` (inputs `(batch, dim1, dim2, dim3,
            channels)`) or `"channels_first"` (`(batch, channels, dim1,
            dim2, dim3)`); `keras_core.config.image_data_format()` by
            default.
        seed: An int seeding the layer's `SeedGenerator`.
        name: The layer's name.
        dtype: A dtype policy or its name.

    Example:

    >>> layer = keras_core.layers.SpatialDropout3D(0.5, seed=1)
    >>> layer(numpy.ones((1, 2, 2, 2, 3)), training=True).shape
    (1, 2, 2, 2, 3)
    """

    _spatial_rank = 3

    def __init__(self, rate, data_format=None, seed=None, name=None, dtype=None):
        super().__init__(rate, standardize_data_format(data_format), seed, name, dtype)

    def get_config(self):
        return {**super().get_config(), "data_format": self.data_format}
