"""`RandomTranslation`: shifts images by random offsets."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.preprocessing.image import _geometry
from keras_core._src.layers.preprocessing.image._affine_layer import AffineAugmentation
from keras_core._src.random import random_ops as random

__all__ = ["RandomTranslation"]


@keras_public("keras.layers")
class RandomTranslation(AffineAugmentation):
    """Shifts each image by a random offset during training.

    Offsets are fractions of the image size: `height_factor=0.2` on a
    10-pixel-high image shifts by up to 2 pixels down or up. Empty space is
    filled according to `fill_mode`. At inference (`training=False`) the
    layer returns its input (as floats). Bounding boxes and segmentation
    masks move with their images.

    Args:
        height_factor: Vertical shift range as a fraction of the height: a
            number `f` for `[-f, f]` or a pair `(lower, upper)` within
            `[-1, 1]`; positive values shift down.
        width_factor: Horizontal shift range as a fraction of the width;
            positive values shift right.
        fill_mode: Outside the input: `"reflect"`, `"wrap"`, `"constant"`
            (`fill_value`) or `"nearest"`.
        interpolation: `"bilinear"` or `"nearest"`.
        seed: An int seeding the random draws.
        fill_value: The value outside the input with `"constant"`.
        data_format: `"channels_last"` or `"channels_first"`.
        **kwargs: Base layer arguments (`name`, `dtype`,
            `bounding_box_format`, ...).

    Example:

    >>> layer = keras_core.layers.RandomTranslation(0.1, 0.2, seed=1)
    >>> layer(numpy.ones((2, 8, 8, 3))).shape
    (2, 8, 8, 3)
    """

    def __init__(
        self,
        height_factor,
        width_factor,
        fill_mode="reflect",
        interpolation="bilinear",
        seed=None,
        fill_value=0.0,
        data_format=None,
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
        self.height_factor = height_factor
        self.width_factor = width_factor
        name = type(self).__name__
        self._height_range = _geometry.parse_range(
            name, "height_factor", height_factor, -1.0, 1.0
        )
        self._width_range = _geometry.parse_range(
            name, "width_factor", width_factor, -1.0, 1.0
        )

    def _draw(self, batch, height, width, seed):
        dy = random.uniform((batch,), *self._height_range, seed=seed)
        dx = random.uniform((batch,), *self._width_range, seed=seed)
        return {"dy": dy, "dx": dx}

    def _forward(self, params, height, width):
        ones = ops.ones_like(params["dx"])
        zeros = ops.zeros_like(params["dx"])
        offset = [params["dx"] * width, params["dy"] * height]
        return [[ones, zeros], [zeros, ones]], offset

    def get_config(self):
        return {
            **super().get_config(),
            "height_factor": self.height_factor,
            "width_factor": self.width_factor,
        }
