"""`RandomColorJitter`: random brightness, contrast, saturation and hue."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.preprocessing.image import _color_utils as color
from keras_core._src.layers.preprocessing.image.base_image_layer import (
    BaseImagePreprocessingLayer,
)
from keras_core._src.layers.preprocessing.image.random_brightness import (
    RandomBrightness,
)
from keras_core._src.layers.preprocessing.image.random_contrast import RandomContrast
from keras_core._src.layers.preprocessing.image.random_hue import RandomHue
from keras_core._src.layers.preprocessing.image.random_saturation import (
    RandomSaturation,
)

__all__ = ["RandomColorJitter"]


@keras_public("keras.layers")
class RandomColorJitter(BaseImagePreprocessingLayer):
    """Randomly jitters brightness, contrast, saturation and hue in training.

    Runs, in this order, `RandomBrightness`, `RandomContrast`,
    `RandomSaturation` and `RandomHue` with the given factors, skipping
    those whose factor is None. Each sub-layer is seeded with `seed`, so a
    jitter with one factor draws exactly as that layer alone would. At
    inference the layer returns its input (cast to the layer's compute
    dtype).

    Args:
        value_range: The `(low, high)` range of the pixel values.
        brightness_factor: The `factor` of `RandomBrightness`, or None.
        contrast_factor: The `factor` of `RandomContrast`, or None.
        saturation_factor: The `factor` of `RandomSaturation`, or None.
        hue_factor: The `factor` of `RandomHue`, or None.
        seed: An int seeding the random draws.
        data_format: `"channels_last"` or `"channels_first"`; defaults to
            `keras_core.config.image_data_format()`.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.RandomColorJitter(
    ...     brightness_factor=0.2, hue_factor=0.1, seed=1
    ... )
    >>> images = numpy.random.uniform(0, 255, (2, 8, 8, 3))
    >>> tuple(layer(images, training=True).shape)
    (2, 8, 8, 3)
    """

    _USE_BASE_FACTOR = False

    def __init__(
        self,
        value_range=(0, 255),
        brightness_factor=None,
        contrast_factor=None,
        saturation_factor=None,
        hue_factor=None,
        seed=None,
        data_format=None,
        **kwargs,
    ):
        super().__init__(data_format=data_format, **kwargs)
        self.value_range = color.parse_value_range(type(self).__name__, value_range)
        self.brightness_factor = brightness_factor
        self.contrast_factor = contrast_factor
        self.saturation_factor = saturation_factor
        self.hue_factor = hue_factor
        self.seed = seed
        shared = {
            "value_range": value_range,
            "seed": seed,
            "data_format": self.data_format,
            "dtype": self.dtype_policy,
        }
        self.random_brightness = None
        self.random_contrast = None
        self.random_saturation = None
        self.random_hue = None
        if brightness_factor is not None:
            self.random_brightness = RandomBrightness(brightness_factor, **shared)
        if contrast_factor is not None:
            self.random_contrast = RandomContrast(contrast_factor, **shared)
        if saturation_factor is not None:
            self.random_saturation = RandomSaturation(saturation_factor, **shared)
        if hue_factor is not None:
            self.random_hue = RandomHue(hue_factor, **shared)

    def _steps(self):
        steps = (
            self.random_brightness,
            self.random_contrast,
            self.random_saturation,
            self.random_hue,
        )
        return [step for step in steps if step is not None]

    def transform_images(self, images, transformation, training=True):
        images = ops.cast(images, self.compute_dtype)
        if not training:
            return images
        for step in self._steps():
            step_transformation = step.get_random_transformation(images, training=True)
            images = step.transform_images(images, step_transformation, training=True)
        return images

    def get_config(self):
        return {
            **super().get_config(),
            "value_range": self.value_range,
            "brightness_factor": self.brightness_factor,
            "contrast_factor": self.contrast_factor,
            "saturation_factor": self.saturation_factor,
            "hue_factor": self.hue_factor,
            "seed": self.seed,
        }
