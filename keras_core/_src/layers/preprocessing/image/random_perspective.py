"""`RandomPerspective`: random perspective distortions of images."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.preprocessing.image import _geometry
from keras_core._src.layers.preprocessing.image.base_image_layer import (
    BaseImagePreprocessingLayer,
)
from keras_core._src.random import random_ops as random
from keras_core._src.random.seed_generator import SeedGenerator

__all__ = ["RandomPerspective"]

# Directions in which each corner (top-left, top-right, bottom-left,
# bottom-right) moves inward, as (x, y).
_INWARD = ((1.0, 1.0), (-1.0, 1.0), (1.0, -1.0), (-1.0, -1.0))


def _homography(start, end):
    """The projective maps sending `start` to `end` points, `(batch, 3, 3)`.

    Solves the 8 linear equations of four point pairs per image (the map's
    bottom-right entry fixed to 1).
    """
    rows, targets = [], []
    zeros = ops.zeros_like(start[:, 0, 0])
    ones = ops.ones_like(zeros)
    for i in range(4):
        x, y = start[:, i, 0], start[:, i, 1]
        u, v = end[:, i, 0], end[:, i, 1]
        rows.append(ops.stack([x, y, ones, zeros, zeros, zeros, -u * x, -u * y], -1))
        rows.append(ops.stack([zeros, zeros, zeros, x, y, ones, -v * x, -v * y], -1))
        targets += [u, v]
    solution = ops.linalg.solve(
        ops.stack(rows, axis=1), ops.expand_dims(ops.stack(targets, -1), -1)
    )[..., 0]
    return ops.reshape(ops.concatenate([solution, ones[:, None]], -1), (-1, 3, 3))


@keras_public("keras.layers")
class RandomPerspective(BaseImagePreprocessingLayer):
    """Distorts images by moving their corners inward by random amounts.

    Each image is transformed with probability `p`, itself drawn per image
    from the `factor` range; each corner then moves inward by up to
    `scale / 2` of the width and height. Empty space is filled with
    `fill_value`. At inference (`training=False`) the layer returns its
    input (as floats). Bounding boxes become the boxes enclosing their
    moved corners; segmentation masks follow their images.

    Args:
        factor: The probability range: a number `f` for `[0, f]` or a pair
            `(lower, upper)` within `[0, 1]`.
        scale: How far corners may move, a number in `[0, 1]`.
        interpolation: `"bilinear"` or `"nearest"`.
        fill_value: The value outside the input.
        seed: An int seeding the random draws.
        data_format: `"channels_last"` or `"channels_first"`.
        **kwargs: Base layer arguments (`name`, `dtype`,
            `bounding_box_format`, ...).

    Example:

    >>> layer = keras_core.layers.RandomPerspective(scale=0.3, seed=1)
    >>> layer(numpy.ones((2, 8, 8, 3))).shape
    (2, 8, 8, 3)
    """

    _USE_BASE_FACTOR = False

    def __init__(
        self,
        factor=1.0,
        scale=1.0,
        interpolation="bilinear",
        fill_value=0.0,
        seed=None,
        data_format=None,
        **kwargs,
    ):
        super().__init__(data_format=data_format, **kwargs)
        name = type(self).__name__
        self.factor = _geometry.parse_range(
            name, "factor", factor, 0.0, 1.0, symmetric=False
        )
        valid = isinstance(scale, (int, float)) and not isinstance(scale, bool)
        if not valid or not 0 <= scale <= 1:
            raise ValueError(
                f"Layer {name}: the `scale` argument should be a number in the "
                f"range [0, 1]. Received: scale={scale!r}"
            )
        self.scale = scale
        self.interpolation = _geometry.check_choice(
            name, "interpolation", interpolation, _geometry.INTERPOLATIONS
        )
        self.fill_value = fill_value
        self.seed = seed
        self.generator = SeedGenerator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        images = data["images"] if isinstance(data, dict) else data
        height, width = _geometry.image_size(images, self.data_format)
        batch = _geometry.batch_size(images)
        seed = self.generator if seed is None else seed
        probability = random.uniform((batch,), *self.factor, seed=seed)
        applied = random.uniform((batch,), seed=seed) < probability
        amounts = random.uniform((batch, 4, 2), 0.0, self.scale / 2, seed=seed)
        size = ops.cast(ops.stack([width - 1, height - 1]), "float32")
        start = (
            ops.convert_to_tensor(
                [[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0]], "float32"
            )
            * size
        )
        start = ops.broadcast_to(start, (batch, 4, 2))
        moves = amounts * ops.convert_to_tensor(_INWARD, "float32") * size
        moves = ops.where(applied[:, None, None], moves, 0.0)
        return {"start": start, "end": start + moves, "size": (height, width)}

    def _warp(self, images, transformation, interpolation):
        return ops.image.perspective_transform(
            images,
            transformation["start"],
            transformation["end"],
            interpolation=interpolation,
            fill_value=self.fill_value,
            data_format=self.data_format,
        )

    def transform_images(self, images, transformation, training=True):
        images = ops.cast(images, self.compute_dtype)
        if not training or transformation is None:
            return images
        return self._warp(images, transformation, self.interpolation)

    def transform_segmentation_masks(
        self, segmentation_masks, transformation, training=True
    ):
        if not training or transformation is None:
            return segmentation_masks
        return self._warp(segmentation_masks, transformation, "nearest")

    def transform_bounding_boxes(self, bounding_boxes, transformation, training=True):
        if not training or transformation is None:
            return bounding_boxes
        height, width = transformation["size"]
        matrix = _homography(transformation["start"], transformation["end"])
        entries = [[matrix[:, r, c][:, None] for c in range(3)] for r in range(3)]

        def move_points(xs, ys):
            denominator = entries[2][0] * xs + entries[2][1] * ys + entries[2][2]
            new_xs = entries[0][0] * xs + entries[0][1] * ys + entries[0][2]
            new_ys = entries[1][0] * xs + entries[1][1] * ys + entries[1][2]
            return new_xs / denominator, new_ys / denominator

        return _geometry.transform_boxes(
            bounding_boxes, self.bounding_box_format, height, width, move_points
        )

    def get_config(self):
        return {
            **super().get_config(),
            "factor": self.factor,
            "scale": self.scale,
            "interpolation": self.interpolation,
            "fill_value": self.fill_value,
            "seed": self.seed,
        }
