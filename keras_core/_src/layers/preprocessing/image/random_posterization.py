"""`RandomPosterization`: keeps only a random number of bits per channel."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.preprocessing.image import _color_utils as color
from keras_core._src.layers.preprocessing.image.base_image_layer import (
    BaseImagePreprocessingLayer,
)
from keras_core._src.layers.preprocessing.image.base_image_layer import parse_factor
from keras_core._src.random.seed_generator import SeedGenerator

__all__ = ["RandomPosterization"]


@keras_public("keras.layers")
class RandomPosterization(BaseImagePreprocessingLayer):
    """Randomly reduces the number of bits per colour channel while training.

    Pixel values are mapped from `value_range` to the 8-bit range
    `[0, 255]` and truncated to integers; for each image a number of bits
    `b` is drawn (the integer part of a uniform draw in `[lower, upper]`) and
    the lowest `8 - b` bits are cleared (the `"shift_factor"` of the
    transformation); the result is mapped back to `value_range`. At
    inference the layer returns its input (cast to the layer's compute
    dtype).

    Args:
        factor: A number or a pair `(lower, upper)` of numbers in `[1, 8]`,
            the number of bits kept. A single number `f` means `(1, f)`.
        value_range: The `(low, high)` range of the pixel values.
        data_format: `"channels_last"` or `"channels_first"`; defaults to
            `keras_core.config.image_data_format()`.
        seed: An int seeding the random draws.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.RandomPosterization((2, 4), seed=1)
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
        self.factor = parse_factor(name, factor, (1, 8))
        self.value_range = sorted(color.parse_value_range(name, value_range))
        self.seed = seed
        self.generator = SeedGenerator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        images = color.images_of(data)
        lower, upper = self.factor
        bits = ops.floor(
            color.draw_uniform(
                (ops.shape(images)[0],),
                lower,
                upper,
                seed if seed is not None else self.generator,
            )
        )
        return {"shift_factor": ops.cast(8 - bits, "uint8")}

    def transform_images(self, images, transformation=None, training=True):
        images = ops.cast(images, self.compute_dtype)
        if not training or transformation is None:
            return images
        shift = ops.cast(transformation["shift_factor"], images.dtype)
        step = ops.reshape(ops.power(2.0, shift), (-1, 1, 1, 1))
        levels = ops.clip(color.to_unit_range(images, self.value_range, 255.0), 0, 255)
        # floor(floor(v) / 2**s) == floor(v / 2**s) for v >= 0: truncating to
        # an integer and clearing the low bits is one floor.
        posterized = ops.floor(levels / step) * step
        return color.from_unit_range(posterized, self.value_range, 255.0)

    def get_config(self):
        return {
            **super().get_config(),
            "factor": self.factor,
            "value_range": self.value_range,
            "seed": self.seed,
        }
