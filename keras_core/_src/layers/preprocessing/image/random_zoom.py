"""`RandomZoom`: zooms images in or out by random amounts."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.preprocessing.image import _geometry
from keras_core._src.layers.preprocessing.image._affine_layer import AffineAugmentation
from keras_core._src.layers.preprocessing.image._affine_layer import about_center
from keras_core._src.random import random_ops as random

__all__ = ["RandomZoom"]


def _zoom_range(name, argument, value):
    pair = _geometry.parse_range(name, argument, value, -float("inf"), 1.0)
    if pair[0] <= -1.0:
        raise ValueError(
            f"Layer {name}: the `height_factor` and `width_factor` arguments "
            "should be a number (or a list of two numbers) in the range "
            f"(-1.0, 1.0]. Received: {argument}={value!r}"
        )
    return pair


@keras_public("keras.layers")
class RandomZoom(AffineAugmentation):
    """Zooms each image in or out about its center during training.

    A zoom factor `z` shows the image `1 + z` times smaller: positive values
    zoom out (empty space filled according to `fill_mode`), negative values
    zoom in. At inference (`training=False`) the layer returns its input (as
    floats). Bounding boxes and segmentation masks follow their images.

    Args:
        height_factor: Vertical zoom range: a number `f` for `[-f, f]` or a
            pair `(lower, upper)` within `(-1, 1]`.
        width_factor: Horizontal zoom range, likewise; None (the default)
            zooms both axes by the same drawn amount.
        fill_mode: Outside the input: `"reflect"`, `"wrap"`, `"constant"`
            (`fill_value`) or `"nearest"`.
        interpolation: `"bilinear"` or `"nearest"`.
        seed: An int seeding the random draws.
        fill_value: The value outside the input with `"constant"`.
        data_format: `"channels_last"` or `"channels_first"`.
        **kwargs: Base layer arguments (`name`, `dtype`,
            `bounding_box_format`, ...).

    Example:

    >>> layer = keras_core.layers.RandomZoom(0.2, seed=1)
    >>> layer(numpy.ones((2, 8, 8, 3))).shape
    (2, 8, 8, 3)
    """

    def __init__(
        self,
        height_factor,
        width_factor=None,
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
        self._height_range = _zoom_range(name, "height_factor", height_factor)
        self._width_range = (
            None
            if width_factor is None
            else _zoom_range(name, "width_factor", width_factor)
        )

    def _draw(self, batch, height, width, seed):
        zoom_y = random.uniform((batch,), *self._height_range, seed=seed)
        if self._width_range is None:
            zoom_x = zoom_y
        else:
            zoom_x = random.uniform((batch,), *self._width_range, seed=seed)
        return {"zoom_x": zoom_x, "zoom_y": zoom_y}

    def _forward(self, params, height, width):
        zeros = ops.zeros_like(params["zoom_x"])
        matrix = [
            [1.0 / (1.0 + params["zoom_x"]), zeros],
            [zeros, 1.0 / (1.0 + params["zoom_y"])],
        ]
        return about_center(matrix, height, width)

    def get_config(self):
        return {
            **super().get_config(),
            "height_factor": self.height_factor,
            "width_factor": self.width_factor,
        }
