"""`RandomHue`: rotates the hue of each image by a random amount."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.preprocessing.image import _color_utils as color
from keras_core._src.layers.preprocessing.image.base_image_layer import (
    BaseImagePreprocessingLayer,
)
from keras_core._src.layers.preprocessing.image.base_image_layer import parse_factor
from keras_core._src.random.seed_generator import SeedGenerator

__all__ = ["RandomHue"]


@keras_public("keras.layers")
class RandomHue(BaseImagePreprocessingLayer):
    """Randomly shifts the hue of each image while training.

    Images are converted to HSV (hue in `[0, 1)`, one full turn), the hue is
    shifted by a per-image amount and wrapped around, and the result is
    converted back and clipped to `value_range`. The shift's size is drawn
    uniformly in `[lower / 2, upper / 2]` and its sign is random, so
    `factor=1.0` reaches every hue. At inference the layer returns its input
    (cast to the layer's compute dtype).

    Args:
        factor: A number or a pair `(lower, upper)` of numbers in `[0, 1]`.
            A single number `f` means `(0, f)`.
        value_range: The `(low, high)` range of the pixel values.
        data_format: `"channels_last"` or `"channels_first"`; defaults to
            `keras_core.config.image_data_format()`.
        seed: An int seeding the random draws.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.RandomHue(0.2, seed=1)
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
        self.factor = parse_factor(name, factor, (0, 1))
        self.value_range = color.parse_value_range(name, value_range)
        self.seed = seed
        self.generator = SeedGenerator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        images = color.images_of(data)
        seed = seed if seed is not None else self.generator
        shape = (ops.shape(images)[0],)
        lower, upper = self.factor
        size = color.draw_uniform(shape, lower / 2, upper / 2, seed)
        sign = ops.where(color.draw_uniform(shape, 0.0, 1.0, seed) < 0.5, -1.0, 1.0)
        return {"factor": size * sign}

    def transform_images(self, images, transformation=None, training=True):
        images = ops.cast(images, self.compute_dtype)
        if not training or transformation is None:
            return images
        color.require_rgb(type(self).__name__, images, self.data_format)
        shift = ops.reshape(
            ops.cast(transformation["factor"], images.dtype), (-1, 1, 1, 1)
        )

        def rotate_hue(hue, saturation, value):
            return hue + shift - ops.floor(hue + shift), saturation, value

        return color.edit_hsv(images, self.value_range, self.data_format, rotate_hue)

    def get_config(self):
        return {
            **super().get_config(),
            "factor": self.factor,
            "value_range": self.value_range,
            "seed": self.seed,
        }
