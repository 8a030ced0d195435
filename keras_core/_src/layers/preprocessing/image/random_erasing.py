"""`RandomErasing`: overwrites a random rectangle of random images."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.preprocessing.image import _color_utils as color
from keras_core._src.layers.preprocessing.image.base_image_layer import (
    BaseImagePreprocessingLayer,
)
from keras_core._src.layers.preprocessing.image.base_image_layer import parse_factor
from keras_core._src.random import random_ops as random
from keras_core._src.random.seed_generator import SeedGenerator

__all__ = ["RandomErasing"]


def random_boxes(batch, height, width, height_fractions, width_fractions, seed):
    """Per image, a rectangle `height_fractions * height` rows tall and
    `width_fractions * width` columns wide at a uniform random place
    inside the image, as a `(batch, height, width)` boolean mask.

    The corner is a float; pixel `y` is inside when
    `top <= y < top + box_height` (likewise for columns).
    """
    rows = ops.arange(height, dtype="float32")[None, :]
    cols = ops.arange(width, dtype="float32")[None, :]
    height = ops.cast(height, "float32")
    width = ops.cast(width, "float32")
    box_height = height * height_fractions
    box_width = width * width_fractions
    top = random.uniform((batch,), seed=seed) * (height - box_height)
    left = random.uniform((batch,), seed=seed) * (width - box_width)
    in_rows = (rows >= top[:, None]) & (rows < (top + box_height)[:, None])
    in_cols = (cols >= left[:, None]) & (cols < (left + box_width)[:, None])
    return in_rows[:, :, None] & in_cols[:, None, :]


def with_channel_axis(masks, data_format):
    """`(batch, height, width)` masks made to broadcast against images."""
    return ops.expand_dims(masks, -1 if data_format == "channels_last" else 1)


@keras_public("keras.layers")
class RandomErasing(BaseImagePreprocessingLayer):
    """Erases a random rectangle in random images of the batch while training.

    Each image is erased with probability `p`, drawn per image uniformly in
    `factor`. The rectangle covers a fraction `sqrt(s_h)` of the height and
    `sqrt(s_w)` of the width, with `s_h` and `s_w` drawn independently in
    `scale`, at a uniform random position inside the image. Erased pixels
    take `fill_value` (clipped to `value_range`), or, when it is None,
    independent noise `clip(z * high, low, high)` per pixel and channel
    with `z` standard normal. At inference (`training=False`) the layer
    returns its input as floats.

    Args:
        factor: A number `f` (meaning `(0, f)`) or a pair in `[0, 1]`: the
            range of the probability of erasing an image.
        scale: A number `s` (meaning `(0, s)`) or a pair in `[0, 1]`: the
            range of the squared height and width fractions of the
            rectangle.
        fill_value: A number for the erased pixels, or None for noise.
        value_range: The `(low, high)` range of the pixel values.
        seed: An int seeding the random draws.
        data_format: `"channels_last"` or `"channels_first"`; defaults to
            `keras_core.config.image_data_format()`.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.RandomErasing(fill_value=0.0, seed=1)
    >>> layer(numpy.full((2, 8, 8, 3), 9.0), training=True).shape
    (2, 8, 8, 3)
    """

    _USE_BASE_FACTOR = False

    def __init__(
        self,
        factor=1.0,
        scale=(0.02, 0.33),
        fill_value=None,
        value_range=(0, 255),
        seed=None,
        data_format=None,
        **kwargs,
    ):
        super().__init__(data_format=data_format, **kwargs)
        name = type(self).__name__
        self.factor = parse_factor(name, factor, (0, 1))
        self.scale = parse_factor(name, scale, (0, 1), "scale")
        if fill_value is not None and not color.is_number(fill_value):
            raise ValueError(
                f"Layer {name}: `fill_value` must be a number, or None to "
                f"fill with random noise. Received: fill_value={fill_value!r}"
            )
        self.fill_value = fill_value
        self.value_range = tuple(color.parse_value_range(name, value_range))
        self.seed = seed
        self.generator = SeedGenerator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        images = color.images_of(data)
        seed = seed if seed is not None else self.generator
        shape = ops.shape(images)
        batch = shape[0]
        row_axis, col_axis = color.spatial_axes(self.data_format)
        height, width = shape[row_axis], shape[col_axis]
        probability = random.uniform((batch,), *self.factor, seed=seed)
        apply = random.uniform((batch,), seed=seed) < probability
        height_fractions = ops.sqrt(random.uniform((batch,), *self.scale, seed=seed))
        width_fractions = ops.sqrt(random.uniform((batch,), *self.scale, seed=seed))
        masks = random_boxes(
            batch, height, width, height_fractions, width_fractions, seed
        )
        low, high = sorted(self.value_range)
        if self.fill_value is None:
            noise = random.normal(shape, seed=seed) * high
            fill = ops.clip(noise, low, high)
        else:
            fill = ops.clip(
                ops.convert_to_tensor(self.fill_value, "float32"), low, high
            )
        return {
            "apply_erasing": apply,
            "batch_masks": with_channel_axis(masks, self.data_format),
            "fill_value": fill,
        }

    def transform_images(self, images, transformation, training=True):
        images = ops.cast(images, self.compute_dtype)
        if not training or transformation is None:
            return images
        apply = ops.reshape(transformation["apply_erasing"], (-1, 1, 1, 1))
        erase = ops.logical_and(transformation["batch_masks"], apply)
        fill = ops.cast(transformation["fill_value"], images.dtype)
        return ops.where(erase, fill, images)

    def get_config(self):
        return {
            **super().get_config(),
            "factor": self.factor,
            "scale": self.scale,
            "fill_value": self.fill_value,
            "value_range": self.value_range,
            "seed": self.seed,
        }
