"""`Solarization`: brightens, then inverts the pixels above a threshold."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.preprocessing.image import _color_utils as color
from keras_core._src.layers.preprocessing.image.base_image_layer import (
    BaseImagePreprocessingLayer,
)
from keras_core._src.layers.preprocessing.image.base_image_layer import parse_factor
from keras_core._src.random.seed_generator import SeedGenerator

__all__ = ["Solarization"]


@keras_public("keras.layers")
class Solarization(BaseImagePreprocessingLayer):
    """Randomly solarizes images while training.

    Pixel values are mapped from `value_range` to `[0, 255]`. Per image, an
    addition `a` and a threshold `t` are drawn uniformly in `addition_factor`
    and `threshold_factor` (fractions of 255); the image becomes
    `y = clip(x + a, 0, 255)`, then `y` where `y < t` and `255 - y`
    elsewhere, mapped back to `value_range`. With the default factors
    (both 0) every pixel is inverted. At inference the layer returns its
    input (cast to the layer's compute dtype).

    Args:
        addition_factor: A number or a pair `(lower, upper)` of numbers in
            `[0, 1]`: the range of the brightness added before solarizing.
            A single number `f` means `(0, f)`.
        threshold_factor: A number or a pair of numbers in `[0, 1]`: the
            range of the threshold above which pixels are inverted.
        value_range: The `(low, high)` range of the pixel values.
        seed: An int seeding the random draws.
        **kwargs: Base layer arguments (`name`, `dtype`, `data_format`, ...).

    Example:

    >>> layer = keras_core.layers.Solarization(threshold_factor=(0.5, 0.5))
    >>> images = numpy.array([[[[10.0, 100.0, 200.0]]]])
    >>> numpy.asarray(layer(images, training=True)).tolist()
    [[[[10.0, 100.0, 55.0]]]]
    """

    _USE_BASE_FACTOR = False

    def __init__(
        self,
        addition_factor=0.0,
        threshold_factor=0.0,
        value_range=(0, 255),
        seed=None,
        **kwargs,
    ):
        super().__init__(**kwargs)
        name = type(self).__name__
        self.addition_factor = parse_factor(
            name, addition_factor, (0, 1), "addition_factor"
        )
        self.threshold_factor = parse_factor(
            name, threshold_factor, (0, 1), "threshold_factor"
        )
        self.value_range = sorted(color.parse_value_range(name, value_range))
        self.seed = seed
        self.generator = SeedGenerator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        images = color.images_of(data)
        seed = seed if seed is not None else self.generator
        shape = color.per_image_shape(images)
        additions = color.draw_uniform(shape, *self.addition_factor, seed)
        thresholds = color.draw_uniform(shape, *self.threshold_factor, seed)
        return {"additions": additions * 255.0, "thresholds": thresholds * 255.0}

    def transform_images(self, images, transformation, training=True):
        images = ops.cast(images, self.compute_dtype)
        if not training or transformation is None:
            return images
        additions = ops.cast(transformation["additions"], images.dtype)
        thresholds = ops.cast(transformation["thresholds"], images.dtype)
        levels = color.to_unit_range(images, self.value_range, 255.0)
        levels = ops.clip(levels + additions, 0, 255)
        solarized = ops.where(levels < thresholds, levels, 255.0 - levels)
        return color.from_unit_range(solarized, self.value_range, 255.0)

    def get_config(self):
        return {
            **super().get_config(),
            "value_range": self.value_range,
            "addition_factor": self.addition_factor,
            "threshold_factor": self.threshold_factor,
            "seed": self.seed,
        }
