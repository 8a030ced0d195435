"""`RandomSharpness`: sharpens or blurs each image by a random amount."""

import numpy as np

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.preprocessing.image import _color_utils as color
from keras_core._src.layers.preprocessing.image.base_image_layer import (
    BaseImagePreprocessingLayer,
)
from keras_core._src.layers.preprocessing.image.base_image_layer import parse_factor
from keras_core._src.random.seed_generator import SeedGenerator

__all__ = ["RandomSharpness"]

# The smoothing filter sharpening is measured against: each pixel weighs 5
# against 1 for each of its 8 neighbours.
_SMOOTHING_KERNEL = np.array([[1, 1, 1], [1, 5, 1], [1, 1, 1]], "float32") / 13


@keras_public("keras.layers")
class RandomSharpness(BaseImagePreprocessingLayer):
    """Randomly sharpens (or blurs) each image while training.

    `blurred` is the image smoothed by a 3x3 filter (weights 1/13, centre
    5/13; zero padding at the borders). For `f` drawn per image uniformly
    in `[lower, upper]`, the output is
    `x + (2 f - 1) * (x - blurred)`, clipped to `value_range`: `f = 0.5`
    keeps the image, `f = 1` sharpens it fully and `f = 0` gives the
    blurred image. At inference the layer returns its input (cast to the
    layer's compute dtype).

    Args:
        factor: A number or a pair `(lower, upper)` of numbers in `[0, 1]`.
            A single number `f` means `(0, f)`.
        value_range: The `(low, high)` range of the pixel values.
        data_format: `"channels_last"` or `"channels_first"`; defaults to
            `keras_core.config.image_data_format()`.
        seed: An int seeding the random draws.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.RandomSharpness((0.5, 1.0), seed=1)
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
        self.value_range = sorted(color.parse_value_range(name, value_range))
        self.seed = seed
        self.generator = SeedGenerator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        images = color.images_of(data)
        lower, upper = self.factor
        factor = color.draw_uniform(
            (ops.shape(images)[0],),
            lower,
            upper,
            seed if seed is not None else self.generator,
        )
        return {"factor": factor}

    def transform_images(self, images, transformation=None, training=True):
        images = ops.cast(images, self.compute_dtype)
        if not training or transformation is None:
            return images
        factor = ops.reshape(
            ops.cast(transformation["factor"], images.dtype), (-1, 1, 1, 1)
        )
        blurred = _smooth(images, self.data_format)
        sharpened = images + (2.0 * factor - 1.0) * (images - blurred)
        return color.clip_to_range(sharpened, self.value_range)

    def get_config(self):
        return {
            **super().get_config(),
            "factor": self.factor,
            "value_range": self.value_range,
            "seed": self.seed,
        }


def _smooth(images, data_format):
    channels = images.shape[color.channel_axis(data_format)]
    kernel = np.tile(_SMOOTHING_KERNEL[:, :, None, None], (1, 1, channels, 1))
    return ops.depthwise_conv(
        images,
        ops.convert_to_tensor(kernel, dtype=images.dtype),
        padding="same",
        data_format=data_format,
    )
