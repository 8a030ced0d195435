"""`RandomRotation`: rotates images by random angles."""

import math

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.preprocessing.image._affine_layer import AffineAugmentation
from keras_core._src.layers.preprocessing.image._affine_layer import about_center
from keras_core._src.random import random_ops as random

__all__ = ["RandomRotation"]


@keras_public("keras.layers")
class RandomRotation(AffineAugmentation):
    """Rotates each image by a random angle about its center during training.

    Positive angles turn the picture counter-clockwise as displayed. Empty
    space is filled according to `fill_mode`. At inference
    (`training=False`) the layer returns its input (as floats). Bounding
    boxes become the boxes enclosing their rotated corners (clipped to the
    image); segmentation masks rotate with nearest-neighbour sampling.

    Args:
        factor: The angle range as fractions of a full turn: a number `f`
            for `[-f, f]` or a pair `(lower, upper)`, within `[-1, 1]`.
            `0.25` allows up to 90 degrees either way.
        fill_mode: Outside the input: `"reflect"` (`d c b a | a b c d`),
            `"wrap"`, `"constant"` (`fill_value`) or `"nearest"`.
        interpolation: `"bilinear"` or `"nearest"`.
        seed: An int seeding the random draws.
        fill_value: The value outside the input with `"constant"`.
        data_format: `"channels_last"` or `"channels_first"`.
        **kwargs: Base layer arguments (`name`, `dtype`,
            `bounding_box_format`, ...).

    Example:

    >>> layer = keras_core.layers.RandomRotation(0.1, seed=1)
    >>> layer(numpy.ones((2, 8, 8, 3))).shape
    (2, 8, 8, 3)
    """

    _USE_BASE_FACTOR = True

    def __init__(
        self,
        factor,
        fill_mode="reflect",
        interpolation="bilinear",
        seed=None,
        fill_value=0.0,
        data_format=None,
        **kwargs,
    ):
        super().__init__(
            factor=factor,
            fill_mode=fill_mode,
            interpolation=interpolation,
            seed=seed,
            fill_value=fill_value,
            data_format=data_format,
            **kwargs,
        )

    def _draw(self, batch, height, width, seed):
        lower, upper = self.factor
        turns = random.uniform((batch,), lower, upper, seed=seed)
        return {"angle": turns * (2.0 * math.pi)}

    def _forward(self, params, height, width):
        cos, sin = ops.cos(params["angle"]), ops.sin(params["angle"])
        return about_center([[cos, sin], [-sin, cos]], height, width)

    def get_config(self):
        return {**super().get_config(), "factor": self.factor}
