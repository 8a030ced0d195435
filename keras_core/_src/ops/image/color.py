"""Color space conversions: grayscale, RGB <-> HSV.

HSV values are all in [0, 1] (hue as a fraction of a full turn), as in
TensorFlow and Keras.
"""

from keras_core._src.ops.image._common import data_format_of
from keras_core._src.ops.image._common import dtype_of
from keras_core._src.ops.image._common import from_working_layout
from keras_core._src.ops.image._common import require_float
from keras_core._src.ops.image._common import restore_dtype
from keras_core._src.ops.image._common import to_float
from keras_core._src.ops.image._common import to_working_layout
from keras_core.ops import numpy as knp

__all__ = ["hsv_to_rgb", "rgb_to_grayscale", "rgb_to_hsv"]

# ITU-R 601 luma weights, as Keras uses.
_LUMA = (0.2989, 0.5870, 0.1140)


def _channels(images, op_name):
    channels = images.shape[-1]
    if channels is not None and channels != 3:
        raise ValueError(
            f"`{op_name}`: expected 3 channels (RGB or HSV). Received input "
            f"with shape: {tuple(images.shape)}"
        )
    return [knp.get_item(images, (Ellipsis, i)) for i in range(3)]


def rgb_to_grayscale(images, data_format=None):
    """Converts RGB images to grayscale (one channel).

    Args:
        images: RGB images of shape `(height, width, 3)` or
            `(batch, height, width, 3)` (channels first with
            `data_format="channels_first"`).
        data_format: `"channels_last"` or `"channels_first"`; the configured
            `image_data_format()` by default.

    Returns:
        The luma `0.2989 R + 0.587 G + 0.114 B`, with one channel, in the
        input's dtype and layout.

    Example:

    >>> images = np.ones((2, 4, 4, 3))
    >>> keras_core.ops.image.rgb_to_grayscale(images).shape
    (2, 4, 4, 1)
    """
    data_format = data_format_of(data_format, "rgb_to_grayscale")
    images, state = to_working_layout(images, data_format, "rgb_to_grayscale")
    dtype = dtype_of(images)
    red, green, blue = _channels(to_float(images), "rgb_to_grayscale")
    gray = red * _LUMA[0] + green * _LUMA[1] + blue * _LUMA[2]
    gray = restore_dtype(knp.expand_dims(gray, -1), dtype, round_ints=False)
    return from_working_layout(gray, state)


def rgb_to_hsv(images, data_format=None):
    """Converts RGB images (values in [0, 1]) to HSV.

    Args:
        images: Float RGB images of shape `(height, width, 3)` or
            `(batch, height, width, 3)` (channels first with
            `data_format="channels_first"`).
        data_format: `"channels_last"` or `"channels_first"`; the configured
            `image_data_format()` by default.

    Returns:
        Hue, saturation and value in [0, 1], in the input's dtype and layout.

    Example:

    >>> images = np.array([[[1.0, 0.0, 0.0]]])
    >>> keras_core.ops.image.rgb_to_hsv(images)  # hue 0, saturated
    array([[[0., 1., 1.]]], dtype=float32)
    """
    data_format = data_format_of(data_format, "rgb_to_hsv")
    images, state = to_working_layout(images, data_format, "rgb_to_hsv")
    require_float(images, "rgb_to_hsv")
    red, green, blue = _channels(images, "rgb_to_hsv")
    value = knp.maximum(knp.maximum(red, green), blue)
    spread = value - knp.minimum(knp.minimum(red, green), blue)
    # Divisions by zero are kept out of both branches of each `where`, so
    # gray pixels get finite values and finite gradients.
    has_value = value > 0
    saturation = knp.where(has_value, spread / knp.where(has_value, value, 1), 0)
    colored = spread > 0
    scale = 1.0 / (6.0 * knp.where(colored, spread, 1))
    hue = knp.where(
        red == value,
        (green - blue) * scale,
        knp.where(
            green == value,
            (blue - red) * scale + 2.0 / 6.0,
            (red - green) * scale + 4.0 / 6.0,
        ),
    )
    hue = knp.where(colored, hue, 0)
    hue = knp.where(hue < 0, hue + 1, hue)
    hsv = knp.stack([hue, saturation, value], axis=-1)
    return from_working_layout(restore_dtype(hsv, dtype_of(images)), state)


def hsv_to_rgb(images, data_format=None):
    """Converts HSV images (values in [0, 1]) to RGB.

    Args:
        images: Float HSV images of shape `(height, width, 3)` or
            `(batch, height, width, 3)` (channels first with
            `data_format="channels_first"`).
        data_format: `"channels_last"` or `"channels_first"`; the configured
            `image_data_format()` by default.

    Returns:
        RGB values in [0, 1], in the input's dtype and layout.

    Example:

    >>> images = np.array([[[0.0, 1.0, 1.0]]])
    >>> keras_core.ops.image.hsv_to_rgb(images)  # pure red
    array([[[1., 0., 0.]]], dtype=float32)
    """
    data_format = data_format_of(data_format, "hsv_to_rgb")
    images, state = to_working_layout(images, data_format, "hsv_to_rgb")
    require_float(images, "hsv_to_rgb")
    hue, saturation, value = _channels(images, "hsv_to_rgb")
    # Each channel is a piecewise-linear function of the hue sextant.
    sextant = hue * 6.0
    red = knp.clip(knp.abs(sextant - 3.0) - 1.0, 0.0, 1.0)
    green = knp.clip(2.0 - knp.abs(sextant - 2.0), 0.0, 1.0)
    blue = knp.clip(2.0 - knp.abs(sextant - 4.0), 0.0, 1.0)
    gray = 1.0 - saturation
    rgb = knp.stack(
        [value * (gray + saturation * c) for c in (red, green, blue)], axis=-1
    )
    return from_working_layout(restore_dtype(rgb, dtype_of(images)), state)
