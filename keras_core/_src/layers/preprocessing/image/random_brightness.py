"""`RandomBrightness`: adds a random offset to every pixel of each image."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.preprocessing.image import _color_utils as color
from keras_core._src.layers.preprocessing.image.base_image_layer import (
    BaseImagePreprocessingLayer,
)
from keras_core._src.layers.preprocessing.image.base_image_layer import parse_factor
from keras_core._src.random.seed_generator import SeedGenerator

__all__ = ["RandomBrightness"]


@keras_public("keras.layers")
class RandomBrightness(BaseImagePreprocessingLayer):
    """Randomly brightens or darkens each image while training.

    One offset per image, drawn uniformly in `[lower, upper]` times the width
    of `value_range`, is added to every pixel and channel; the result is
    clipped to `value_range`. At inference the layer returns its input (cast
    to the layer's compute dtype).

    Args:
        factor: A number or a pair `(lower, upper)` of numbers in `[-1, 1]`,
            as fractions of the value range. A single number `f` means
            `(-f, f)`: `0.2` changes the brightness by up to 20% either way.
        value_range: The `(low, high)` range of the pixel values; results
            are clipped to it.
        seed: An int seeding the random draws.
        **kwargs: Base layer arguments (`name`, `dtype`, `data_format`, ...).

    Example:

    >>> layer = keras_core.layers.RandomBrightness(0.2, seed=1)
    >>> images = numpy.random.uniform(0, 255, (2, 8, 8, 3))
    >>> tuple(layer(images, training=True).shape)
    (2, 8, 8, 3)
    """

    _USE_BASE_FACTOR = False

    def __init__(self, factor, value_range=(0, 255), seed=None, **kwargs):
        super().__init__(**kwargs)
        name = type(self).__name__
        self.factor = parse_factor(name, factor, (-1, 1))
        self.value_range = sorted(color.parse_value_range(name, value_range))
        self.seed = seed
        self.generator = SeedGenerator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        images = color.images_of(data)
        low, high = self.value_range
        lower, upper = self.factor
        fraction = color.draw_uniform(
            color.per_image_shape(images),
            lower,
            upper,
            seed if seed is not None else self.generator,
        )
        return {"rgb_delta": fraction * (high - low)}

    def transform_images(self, images, transformation, training=True):
        images = ops.cast(images, self.compute_dtype)
        if not training or transformation is None:
            return images
        delta = ops.cast(transformation["rgb_delta"], images.dtype)
        return color.clip_to_range(images + delta, self.value_range)

    def get_config(self):
        return {
            **super().get_config(),
            "factor": self.factor,
            "value_range": self.value_range,
            "seed": self.seed,
        }
