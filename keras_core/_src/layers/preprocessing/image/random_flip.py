"""`RandomFlip`: flips images left-right and/or upside down at random."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.preprocessing.image import _geometry
from keras_core._src.layers.preprocessing.image.base_image_layer import (
    BaseImagePreprocessingLayer,
)
from keras_core._src.random import random_ops as random
from keras_core._src.random.seed_generator import SeedGenerator

__all__ = ["RandomFlip"]

HORIZONTAL = "horizontal"
VERTICAL = "vertical"
HORIZONTAL_AND_VERTICAL = "horizontal_and_vertical"


@keras_public("keras.layers")
class RandomFlip(BaseImagePreprocessingLayer):
    """Flips each image with probability 0.5 during training.

    With `"horizontal_and_vertical"` one draw per image decides whether it is
    flipped along both axes. At inference (`training=False`) the layer
    returns its input (as floats). Bounding boxes and segmentation masks
    are flipped with their images.

    Args:
        mode: `"horizontal"` (left-right), `"vertical"` (upside down) or
            `"horizontal_and_vertical"`.
        seed: An int seeding the random draws.
        data_format: `"channels_last"` or `"channels_first"`.
        **kwargs: Base layer arguments (`name`, `dtype`,
            `bounding_box_format`, ...).

    Example:

    >>> layer = keras_core.layers.RandomFlip("horizontal", seed=1)
    >>> layer(numpy.ones((2, 4, 4, 3))).shape
    (2, 4, 4, 3)
    """

    _USE_BASE_FACTOR = False

    def __init__(
        self, mode=HORIZONTAL_AND_VERTICAL, seed=None, data_format=None, **kwargs
    ):
        super().__init__(data_format=data_format, **kwargs)
        _geometry.check_choice(
            "RandomFlip",
            "mode",
            mode,
            (HORIZONTAL, VERTICAL, HORIZONTAL_AND_VERTICAL),
        )
        self.mode = mode
        self.seed = seed
        self.generator = SeedGenerator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        images = data["images"] if isinstance(data, dict) else data
        seed = self.generator if seed is None else seed
        draws = random.uniform((_geometry.batch_size(images),), seed=seed)
        return {
            "flips": draws < 0.5,
            "size": _geometry.image_size(images, self.data_format),
        }

    def _flip(self, images, transformation):
        flips = transformation["flips"]
        row_axis, col_axis = _geometry.spatial_axes(self.data_format)
        axes = []
        if self.mode in (HORIZONTAL, HORIZONTAL_AND_VERTICAL):
            axes.append(col_axis)
        if self.mode in (VERTICAL, HORIZONTAL_AND_VERTICAL):
            axes.append(row_axis)
        flipped = ops.flip(images, axis=axes[0])
        for axis in axes[1:]:
            flipped = ops.flip(flipped, axis=axis)
        condition = ops.reshape(flips, (-1,) + (1,) * (len(images.shape) - 1))
        return ops.where(condition, flipped, images)

    def transform_images(self, images, transformation, training=True):
        images = ops.cast(images, self.compute_dtype)
        if not training or transformation is None:
            return images
        return self._flip(images, transformation)

    def transform_segmentation_masks(
        self, segmentation_masks, transformation, training=True
    ):
        if not training or transformation is None:
            return segmentation_masks
        return self._flip(segmentation_masks, transformation)

    def transform_bounding_boxes(self, bounding_boxes, transformation, training=True):
        if not training or transformation is None:
            return bounding_boxes
        height, width = transformation["size"]
        flips = _geometry.per_image(transformation["flips"])
        horizontal = self.mode in (HORIZONTAL, HORIZONTAL_AND_VERTICAL)
        vertical = self.mode in (VERTICAL, HORIZONTAL_AND_VERTICAL)

        def move_points(xs, ys):
            if horizontal:
                xs = ops.where(flips, width - xs, xs)
            if vertical:
                ys = ops.where(flips, height - ys, ys)
            return xs, ys

        return _geometry.transform_boxes(
            bounding_boxes, self.bounding_box_format, height, width, move_points
        )

    def get_config(self):
        return {**super().get_config(), "seed": self.seed, "mode": self.mode}
