"""`RandomGrayscale`: turns a random subset of the images gray."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.preprocessing.image import _color_utils as color
from keras_core._src.layers.preprocessing.image.base_image_layer import (
    BaseImagePreprocessingLayer,
)
from keras_core._src.random.seed_generator import SeedGenerator

__all__ = ["RandomGrayscale"]


@keras_public("keras.layers")
class RandomGrayscale(BaseImagePreprocessingLayer):
    """Converts each image to grayscale with probability `factor` in training.

    A converted image keeps its number of channels: its luma
    `0.2989 R + 0.587 G + 0.114 B` is repeated in each of the 3 channels.
    One-channel images are already gray and pass through. The random
    transformation is a boolean tensor of shape `(batch, 1, 1, 1)`, True
    where an image is converted. At inference the layer returns its input
    (cast to the layer's compute dtype).

    Args:
        factor: The probability, in `[0, 1]`, that an image is converted.
        data_format: `"channels_last"` or `"channels_first"`; defaults to
            `keras_core.config.image_data_format()`.
        seed: An int seeding the random draws.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.RandomGrayscale(1.0)
    >>> images = numpy.random.uniform(0, 255, (2, 8, 8, 3))
    >>> outputs = numpy.asarray(layer(images, training=True))
    >>> bool(numpy.allclose(outputs[..., 0], outputs[..., 2]))
    True
    """

    _USE_BASE_FACTOR = False

    def __init__(self, factor=0.5, data_format=None, seed=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        if not color.is_number(factor) or not 0 <= factor <= 1:
            raise ValueError(
                f"Layer {type(self).__name__}: `factor` is the probability of "
                "converting an image and should be a number between 0 and 1. "
                f"Received: factor={factor!r}"
            )
        self.factor = factor
        self.seed = seed
        self.generator = SeedGenerator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        images = color.images_of(data)
        draws = color.draw_uniform(
            color.per_image_shape(images),
            0.0,
            1.0,
            seed if seed is not None else self.generator,
        )
        return draws < self.factor

    def transform_images(self, images, transformation, training=True):
        images = ops.cast(images, self.compute_dtype)
        if not training or transformation is None:
            return images
        channels = images.shape[color.channel_axis(self.data_format)]
        if channels not in (1, 3, None):
            raise ValueError(
                f"Layer {type(self).__name__} expects RGB (3 channels) or "
                "grayscale (1 channel) images, but received images of shape "
                f"{tuple(images.shape)} ({self.data_format}). Check "
                "`data_format` or convert the images."
            )
        gray = color.grayscale(images, self.data_format)
        return ops.where(transformation, gray, images)

    def get_config(self):
        # Keras leaves `seed` out of this layer's config.
        return {**super().get_config(), "factor": self.factor}
