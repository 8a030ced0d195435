"""`AutoContrast`: stretches each channel to the full value range."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.preprocessing.image import _color_utils as color
from keras_core._src.layers.preprocessing.image.base_image_layer import (
    BaseImagePreprocessingLayer,
)

__all__ = ["AutoContrast"]


@keras_public("keras.layers")
class AutoContrast(BaseImagePreprocessingLayer):
    """Stretches the values of each channel of each image to `value_range`.

    Per image and channel, the lowest value maps to `low` and the highest
    to `high` of `value_range`, linearly:
    `(x - min) / (max - min) * (high - low) + low`. A constant channel is
    left as it is. The layer is deterministic and applies in training and
    inference alike; outputs are floats.

    Args:
        value_range: The `(low, high)` range the values are stretched to.
        **kwargs: Base layer arguments (`name`, `dtype`, `data_format`, ...).

    Example:

    >>> layer = keras_core.layers.AutoContrast()
    >>> images = numpy.array([[[[50.0], [100.0]], [[75.0], [150.0]]]])
    >>> numpy.asarray(layer(images))[0, ..., 0].tolist()
    [[0.0, 127.5], [63.75, 255.0]]
    """

    _USE_BASE_FACTOR = False

    def __init__(self, value_range=(0, 255), **kwargs):
        super().__init__(**kwargs)
        name = type(self).__name__
        self.value_range = list(color.parse_value_range(name, value_range))

    def transform_images(self, images, transformation=None, training=True):
        images = ops.cast(images, self.compute_dtype)
        low, high = sorted(self.value_range)
        axes = color.spatial_axes(self.data_format)
        lowest = ops.min(images, axis=axes, keepdims=True)
        highest = ops.max(images, axis=axes, keepdims=True)
        spread = highest - lowest
        scale = (high - low) / ops.where(spread > 0, spread, 1.0)
        stretched = (images - lowest) * scale + low
        return ops.where(spread > 0, stretched, images)

    def get_config(self):
        return {**super().get_config(), "value_range": self.value_range}
