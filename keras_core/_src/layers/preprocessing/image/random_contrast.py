"""`RandomContrast`: scales each image's contrast by a random factor."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.preprocessing.image import _color_utils as color
from keras_core._src.layers.preprocessing.image.base_image_layer import (
    BaseImagePreprocessingLayer,
)
from keras_core._src.layers.preprocessing.image.base_image_layer import parse_factor
from keras_core._src.random.seed_generator import SeedGenerator

__all__ = ["RandomContrast"]


@keras_public("keras.layers")
class RandomContrast(BaseImagePreprocessingLayer):
    """Randomly adjusts the contrast of each image while training.

    Each channel of each image is moved away from (or towards) its mean
    over the image: `(x - mean) * contrast_factor + mean`, clipped to
    `value_range`. `contrast_factor` is drawn per image, uniformly in
    `[1 - lower, 1 + upper]`. At inference the layer returns its input
    (cast to the layer's compute dtype).

    Args:
        factor: A number or a pair `(lower, upper)` of numbers in `[0, 1]`.
            A single number `f` means `(0, f)`: the contrast is only raised,
            by up to `f`.
        value_range: The `(low, high)` range of the pixel values; results
            are clipped to it.
        seed: An int seeding the random draws.
        **kwargs: Base layer arguments (`name`, `dtype`, `data_format`, ...).

    Example:

    >>> layer = keras_core.layers.RandomContrast(0.2, seed=1)
    >>> images = numpy.random.uniform(0, 255, (2, 8, 8, 3))
    >>> tuple(layer(images, training=True).shape)
    (2, 8, 8, 3)
    """

    _USE_BASE_FACTOR = False

    def __init__(self, factor, value_range=(0, 255), seed=None, **kwargs):
        super().__init__(**kwargs)
        name = type(self).__name__
        self.factor = parse_factor(name, factor, (0, 1))
        self.value_range = color.parse_value_range(name, value_range)
        self.seed = seed
        self.generator = SeedGenerator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        images = color.images_of(data)
        lower, upper = self.factor
        contrast_factor = color.draw_uniform(
            color.per_image_shape(images),
            1.0 - lower,
            1.0 + upper,
            seed if seed is not None else self.generator,
        )
        return {"contrast_factor": contrast_factor}

    def transform_images(self, images, transformation, training=True):
        images = ops.cast(images, self.compute_dtype)
        if not training or transformation is None:
            return images
        return _adjust_contrast(
            images,
            ops.cast(transformation["contrast_factor"], images.dtype),
            self.value_range,
            self.data_format,
        )

    def get_config(self):
        return {
            **super().get_config(),
            "factor": self.factor,
            "value_range": self.value_range,
            "seed": self.seed,
        }


def _adjust_contrast(images, contrast_factor, value_range, data_format):
    mean = ops.mean(images, axis=color.spatial_axes(data_format), keepdims=True)
    adjusted = (images - mean) * contrast_factor + mean
    return color.clip_to_range(adjusted, value_range)
