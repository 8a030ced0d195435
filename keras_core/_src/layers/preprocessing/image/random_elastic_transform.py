"""`RandomElasticTransform`: random elastic deformations of images."""

import math

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.preprocessing.image import _geometry
from keras_core._src.layers.preprocessing.image.base_image_layer import (
    BaseImagePreprocessingLayer,
)
from keras_core._src.random import random_ops as random
from keras_core._src.random.seed_generator import SeedGenerator

__all__ = ["RandomElasticTransform"]

# At scale 1 the displacement field is smooth over about a twentieth of the
# image size and moves pixels by about a thirty-fourth of it (typical).
_SMOOTHNESS = 1 / 20
_MAGNITUDE = 1 / 34


@keras_public("keras.layers")
class RandomElasticTransform(BaseImagePreprocessingLayer):
    """Deforms images with random smooth displacement fields.

    Each image is deformed with probability `p`, itself drawn per image
    from the `factor` range. The displacement field is Gaussian-smoothed
    noise (Simard et al., 2003) whose smoothness follows the upper bound of
    `scale` and whose strength follows the per-image draw of `scale`, both
    relative to the image size. Results are clipped to `value_range`. At
    inference (`training=False`) the layer returns its input (as floats).
    Segmentation masks follow their images; bounding boxes are not
    supported (as in Keras).

    Args:
        factor: The probability range: a number `f` for `[0, f]` or a pair
            `(lower, upper)` within `[0, 1]`.
        scale: The strength range: a number `s` for `[0, s]` or a pair
            within `[0, 1]`.
        interpolation: `"bilinear"` or `"nearest"`.
        fill_mode: Outside the input: `"reflect"`, `"wrap"`, `"constant"`
            (`fill_value`) or `"nearest"`.
        fill_value: The value outside the input with `"constant"`.
        value_range: The `(low, high)` range of the input values.
        seed: An int seeding the random draws.
        data_format: `"channels_last"` or `"channels_first"`.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.RandomElasticTransform(seed=1)
    >>> layer(numpy.ones((2, 8, 8, 3))).shape
    (2, 8, 8, 3)
    """

    _USE_BASE_FACTOR = False

    def __init__(
        self,
        factor=1.0,
        scale=1.0,
        interpolation="bilinear",
        fill_mode="reflect",
        fill_value=0.0,
        value_range=(0, 255),
        seed=None,
        data_format=None,
        **kwargs,
    ):
        super().__init__(data_format=data_format, **kwargs)
        name = type(self).__name__
        self.factor = _geometry.parse_range(
            name, "factor", factor, 0.0, 1.0, symmetric=False
        )
        self.scale = _geometry.parse_range(
            name, "scale", scale, 0.0, 1.0, symmetric=False
        )
        self.interpolation = _geometry.check_choice(
            name, "interpolation", interpolation, _geometry.INTERPOLATIONS
        )
        self.fill_mode = _geometry.check_choice(
            name, "fill_mode", fill_mode, _geometry.FILL_MODES
        )
        self.fill_value = fill_value
        self._unwrap_value_range(value_range)
        self.value_range = value_range
        self.seed = seed
        self.generator = SeedGenerator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        if not training or self.scale[1] == 0:
            return None
        images = data["images"] if isinstance(data, dict) else data
        height, width = _geometry.image_size(images, self.data_format)
        batch = _geometry.batch_size(images)
        seed = self.generator if seed is None else seed
        probability = random.uniform((batch,), *self.factor, seed=seed)
        applied = random.uniform((batch,), seed=seed) < probability
        strength = random.uniform((batch,), *self.scale, seed=seed)
        size = min(height, width)
        sigma = max(self.scale[1] * size * _SMOOTHNESS, 0.1)
        kernel = 2 * math.ceil(3 * sigma) + 1
        noise = random.normal((batch, height, width, 2), seed=seed)
        fields = ops.image.gaussian_blur(
            noise, (kernel, kernel), (sigma, sigma), data_format="channels_last"
        )
        # A unit Gaussian kernel shrinks unit noise to a standard deviation
        # of 1 / (2 sqrt(pi) sigma); undo that, then scale per image.
        gain = strength * size * _MAGNITUDE * 2 * math.sqrt(math.pi) * sigma
        gain = ops.where(applied, gain, 0.0)
        return {"fields": fields * gain[:, None, None, None]}

    def _deform(self, images, transformation, order):
        fields = ops.convert_to_tensor(transformation["fields"], "float32")
        channels_last = self.data_format == "channels_last"
        if not channels_last:
            images = ops.transpose(images, (0, 2, 3, 1))
        batch, height, width, channels = images.shape
        grid = ops.meshgrid(
            ops.arange(batch, dtype="float32"),
            ops.arange(height, dtype="float32"),
            ops.arange(width, dtype="float32"),
            ops.arange(channels, dtype="float32"),
            indexing="ij",
        )
        rows = grid[1] + fields[..., 0:1]
        cols = grid[2] + fields[..., 1:2]
        coordinates = ops.stack([grid[0], rows, cols, grid[3]], axis=0)
        result = ops.image.map_coordinates(
            images, coordinates, order, self.fill_mode, self.fill_value
        )
        return result if channels_last else ops.transpose(result, (0, 3, 1, 2))

    def transform_images(self, images, transformation, training=True):
        images = ops.cast(images, self.compute_dtype)
        if not training or transformation is None:
            return images
        order = 1 if self.interpolation == "bilinear" else 0
        low, high = self._unwrap_value_range(self.value_range)
        return ops.clip(self._deform(images, transformation, order), low, high)

    def transform_segmentation_masks(
        self, segmentation_masks, transformation, training=True
    ):
        if not training or transformation is None:
            return segmentation_masks
        return self._deform(segmentation_masks, transformation, 0)

    def transform_bounding_boxes(self, bounding_boxes, transformation, training=True):
        raise NotImplementedError(
            "Layer RandomElasticTransform does not transform bounding boxes "
            "(neither does Keras): a deformed box has no exact enclosing box "
            "without the mask. Drop 'bounding_boxes' from the input or use an "
            "affine augmentation layer for detection data."
        )

    def get_config(self):
        return {
            **super().get_config(),
            "factor": self.factor,
            "scale": self.scale,
            "interpolation": self.interpolation,
            "fill_mode": self.fill_mode,
            "fill_value": self.fill_value,
            "value_range": self.value_range,
            "seed": self.seed,
        }
