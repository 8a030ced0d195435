"""`RandomInvert`: inverts the pixel values of a random subset of images."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.preprocessing.image import _color_utils as color
from keras_core._src.layers.preprocessing.image.base_image_layer import (
    BaseImagePreprocessingLayer,
)
from keras_core._src.layers.preprocessing.image.base_image_layer import parse_factor
from keras_core._src.random.seed_generator import SeedGenerator

__all__ = ["RandomInvert"]


@keras_public("keras.layers")
class RandomInvert(BaseImagePreprocessingLayer):
    """Randomly inverts images while training: `x` becomes `high - x`.

    `high` is the upper end of `value_range`, so `(0, 255)` maps 0 to 255
    and 255 to 0; the result is not clipped. For each image a probability
    `p` is drawn uniformly in `[lower, upper]` of `factor` and the image is
    inverted with probability `p`, so the overall probability is
    `(lower + upper) / 2`. At inference the layer returns its input (cast to
    the layer's compute dtype).

    Args:
        factor: A number or a pair `(lower, upper)` of numbers in `[0, 1]`.
            A single number `f` means `(0, f)`.
        value_range: The `(low, high)` range of the pixel values.
        seed: An int seeding the random draws.
        data_format: `"channels_last"` or `"channels_first"`; defaults to
            `keras_core.config.image_data_format()`.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.RandomInvert(value_range=(0, 1), seed=1)
    >>> images = numpy.random.uniform(0, 1, (2, 8, 8, 3))
    >>> tuple(layer(images, training=True).shape)
    (2, 8, 8, 3)
    """

    _USE_BASE_FACTOR = False

    def __init__(
        self, factor=1.0, value_range=(0, 255), seed=None, data_format=None, **kwargs
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
        probability = color.draw_uniform(shape, lower, upper, seed)
        draws = color.draw_uniform(shape, 0.0, 1.0, seed)
        return {"apply_inversion": draws < probability}

    def transform_images(self, images, transformation, training=True):
        images = ops.cast(images, self.compute_dtype)
        if not training or transformation is None:
            return images
        apply = ops.reshape(transformation["apply_inversion"], (-1, 1, 1, 1))
        high = max(self.value_range)
        return ops.where(apply, high - images, images)

    def get_config(self):
        return {
            **super().get_config(),
            "factor": self.factor,
            "value_range": self.value_range,
            "seed": self.seed,
        }
