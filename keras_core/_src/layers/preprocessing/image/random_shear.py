"""`RandomShear`: shears images by random amounts."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.preprocessing.image import _geometry
from keras_core._src.layers.preprocessing.image._affine_layer import AffineAugmentation
from keras_core._src.random import random_ops as random

__all__ = ["RandomShear"]


@keras_public("keras.layers")
class RandomShear(AffineAugmentation):
    """Shears each image along x and/or y by a random amount during training.

    A shear `s` along x moves row `y` sideways by `s * y` pixels (the top
    row stays); the direction (sign) is drawn at random per image, as is
    the amount within the factor range. Empty space is filled according to
    `fill_mode`. At inference (`training=False`) the layer returns its input
    (as floats). Bounding boxes become the boxes enclosing their sheared
    corners; segmentation masks follow their images.

    Args:
        x_factor: Shear range along x: a number `f` for amounts in
            `[0, f]`, or a pair `(lower, upper)` within `[0, 1]`.
        y_factor: Shear range along y, likewise.
        interpolation: `"bilinear"` or `"nearest"`.
        fill_mode: Outside the input: `"reflect"`, `"wrap"`, `"constant"`
            (`fill_value`) or `"nearest"`.
        fill_value: The value outside the input with `"constant"`.
        data_format: `"channels_last"` or `"channels_first"`.
        seed: An int seeding the random draws.
        **kwargs: Base layer arguments (`name`, `dtype`,
            `bounding_box_format`, ...).

    Example:

    >>> layer = keras_core.layers.RandomShear(x_factor=0.2, seed=1)
    >>> layer(numpy.ones((2, 8, 8, 3))).shape
    (2, 8, 8, 3)
    """

    def __init__(
        self,
        x_factor=0.0,
        y_factor=0.0,
        interpolation="bilinear",
        fill_mode="reflect",
        fill_value=0.0,
        data_format=None,
        seed=None,
        **kwargs,
    ):
        super().__init__(
            fill_mode=fill_mode,
            interpolation=interpolation,
            seed=seed,
            fill_value=fill_value,
            data_format=data_format,
            **kwargs,
        )
        self.x_factor = x_factor
        self.y_factor = y_factor
        name = type(self).__name__
        self._x_range = _geometry.parse_range(
            name, "x_factor", x_factor, 0.0, 1.0, symmetric=False
        )
        self._y_range = _geometry.parse_range(
            name, "y_factor", y_factor, 0.0, 1.0, symmetric=False
        )

    def _signed_draw(self, batch, value_range, seed):
        amount = random.uniform((batch,), *value_range, seed=seed)
        sign = ops.where(random.uniform((batch,), seed=seed) < 0.5, -1.0, 1.0)
        return amount * sign

    def _draw(self, batch, height, width, seed):
        return {
            "shear_x": self._signed_draw(batch, self._x_range, seed),
            "shear_y": self._signed_draw(batch, self._y_range, seed),
        }

    def _forward(self, params, height, width):
        # Each output pixel reads the input at (x - sx * y, y - sy * x), with
        # the origin at the top-left pixel; the forward map is its inverse.
        shear_x, shear_y = params["shear_x"], params["shear_y"]
        determinant = 1.0 - shear_x * shear_y
        zeros = ops.zeros_like(shear_x)
        matrix = [
            [1.0 / determinant, shear_x / determinant],
            [shear_y / determinant, 1.0 / determinant],
        ]
        return matrix, [zeros, zeros]

    def get_config(self):
        return {
            **super().get_config(),
            "x_factor": self.x_factor,
            "y_factor": self.y_factor,
        }
