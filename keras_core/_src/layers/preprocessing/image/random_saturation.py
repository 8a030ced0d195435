"""`RandomSaturation`: scales the colour saturation of each image."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.config import epsilon
from keras_core._src.layers.preprocessing.image import _color_utils as color
from keras_core._src.layers.preprocessing.image.base_image_layer import (
    BaseImagePreprocessingLayer,
)
from keras_core._src.layers.preprocessing.image.base_image_layer import parse_factor
from keras_core._src.random.seed_generator import SeedGenerator

__all__ = ["RandomSaturation"]


@keras_public("keras.layers")
class RandomSaturation(BaseImagePreprocessingLayer):
    """Randomly changes the saturation of each image while training.

    A number `u` is drawn per image uniformly in `[lower, upper]` and the
    HSV saturation is multiplied by `u / (1 - u)`, then clipped to `[0, 1]`:
    `u = 0.5` keeps the image, smaller values wash the colours out (`u <= 0`
    gives grayscale) and values towards 1 saturate them fully. The result is
    clipped to `value_range`. At inference the layer returns its input (cast
    to the layer's compute dtype).

    Args:
        factor: A number or a pair `(lower, upper)` of numbers in `[-1, 1]`.
            A single number `f` means `(-f, f)`.
        value_range: The `(low, high)` range of the pixel values.
        data_format: `"channels_last"` or `"channels_first"`; defaults to
            `keras_core.config.image_data_format()`.
        seed: An int seeding the random draws.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.RandomSaturation((0.3, 0.7), seed=1)
    >>> images = numpy.random.uniform(0, 255, (2, 8, 8, 3))
    >>> tuple(layer(images, training=True).shape)
    (2, 8, 8, 3)
    """

    _USE_BASE_FACTOR = False

    def __init__(
        self, factor, value_range=(0, 255), data_format=None, seed=None, **kwargs
    ):
        super().__init__(data_format=data_format, **kwargs)
        name = type(self).__name__
        self.factor = parse_factor(name, factor, (-1, 1))
        self.value_range = sorted(color.parse_value_range(name, value_range))
        self.seed = seed
        self.generator = SeedGenerator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        images = color.images_of(data)
        lower, upper = self.factor
        draws = color.draw_uniform(
            (ops.shape(images)[0],),
            lower,
            upper,
            seed if seed is not None else self.generator,
        )
        return {"factor": draws / (1.0 - draws + epsilon())}

    def transform_images(self, images, transformation=None, training=True):
        images = ops.cast(images, self.compute_dtype)
        if not training or transformation is None:
            return images
        color.require_rgb(type(self).__name__, images, self.data_format)
        scale = ops.reshape(
            ops.cast(transformation["factor"], images.dtype), (-1, 1, 1, 1)
        )

        def scale_saturation(hue, saturation, value):
            return hue, ops.clip(saturation * scale, 0.0, 1.0), value

        return color.edit_hsv(
            images, self.value_range, self.data_format, scale_saturation
        )

    def get_config(self):
        return {
            **super().get_config(),
            "factor": self.factor,
            "value_range": self.value_range,
            "seed": self.seed,
        }
