"""`RandomColorDegeneration`: blends each image with its grayscale version."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.preprocessing.image import _color_utils as color
from keras_core._src.layers.preprocessing.image.base_image_layer import (
    BaseImagePreprocessingLayer,
)
from keras_core._src.layers.preprocessing.image.base_image_layer import parse_factor
from keras_core._src.random.seed_generator import SeedGenerator

__all__ = ["RandomColorDegeneration"]


@keras_public("keras.layers")
class RandomColorDegeneration(BaseImagePreprocessingLayer):
    """Randomly drains (or boosts) the colour of each image while training.

    Each image becomes `x + f * (gray - x)`, clipped to `value_range`, where
    `gray` is the image's luma and `f` is drawn per image uniformly in
    `[lower, upper]`: `f = 0` keeps the image, `f = 1` makes it grayscale
    and a negative `f` pushes the colours away from gray. At inference the
    layer returns its input (cast to the layer's compute dtype).

    Args:
        factor: A number or a pair `(lower, upper)` of numbers in `[-1, 1]`.
            A single number `f` means `(-f, f)`.
        value_range: The `(low, high)` range of the pixel values; results
            are clipped to it.
        data_format: `"channels_last"` or `"channels_first"`; defaults to
            `keras_core.config.image_data_format()`.
        seed: An int seeding the random draws.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.RandomColorDegeneration(0.5, seed=1)
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
        factor = color.draw_uniform(
            color.per_image_shape(images),
            lower,
            upper,
            seed if seed is not None else self.generator,
        )
        return {"factor": factor}

    def transform_images(self, images, transformation=None, training=True):
        images = ops.cast(images, self.compute_dtype)
        if not training or transformation is None:
            return images
        factor = ops.cast(transformation["factor"], images.dtype)
        gray = color.grayscale(images, self.data_format)
        return color.clip_to_range(images + factor * (gray - images), self.value_range)

    def get_config(self):
        return {
            **super().get_config(),
            "factor": self.factor,
            "value_range": self.value_range,
            "seed": self.seed,
        }
