"""Shared pieces of the colour augmentation layers.

Argument parsing follows the Keras convention for these layers: a number
`f` stands for the range `(-f, f)` with its lower end raised to the lowest
allowed value (so `RandomContrast(0.5)` draws from `(0, 0.5)`), and a pair
is sorted. The image helpers work on a batch in either channel layout and
leave the dtype to the caller (layers cast to their compute dtype first).
"""

from keras_core import ops
from keras_core._src.layers.preprocessing.image.base_image_layer import is_number
from keras_core._src.random import random_ops as random

__all__ = []


def parse_value_range(layer_name, value_range):
    """Checks that `value_range` is a pair of two different numbers."""
    valid = (
        isinstance(value_range, (tuple, list))
        and len(value_range) == 2
        and all(is_number(v) for v in value_range)
        and value_range[0] != value_range[1]
    )
    if not valid:
        raise ValueError(
            f"Layer {layer_name}: the `value_range` argument should be a list "
            "of two different numbers, the lowest and highest pixel values, "
            f"such as (0, 255) or (0, 1). Received: value_range={value_range!r}"
        )
    return value_range


def images_of(data):
    return data["images"] if isinstance(data, dict) else data


def draw_uniform(shape, lower, upper, seed):
    return random.uniform(shape, minval=lower, maxval=upper, seed=seed)


def per_image_shape(images):
    """`(batch, 1, 1, 1)`, so a draw broadcasts over each image."""
    return (ops.shape(images)[0], 1, 1, 1)


def channel_axis(data_format):
    return -1 if data_format == "channels_last" else -3


def spatial_axes(data_format):
    return (-3, -2) if data_format == "channels_last" else (-2, -1)


def clip_to_range(images, value_range):
    low, high = sorted(value_range)
    return ops.clip(images, low, high)


def to_unit_range(images, value_range, scale=1.0):
    """Maps pixel values from `value_range` linearly onto `[0, scale]`."""
    low, high = sorted(value_range)
    if (low, high) == (0, scale):
        return images
    return (images - low) * (scale / (high - low))


def from_unit_range(images, value_range, scale=1.0):
    """The inverse of `to_unit_range`."""
    low, high = sorted(value_range)
    if (low, high) == (0, scale):
        return images
    return images * ((high - low) / scale) + low


def grayscale(images, data_format):
    """The luma of RGB images (one channel); a one-channel image is its own."""
    axis = channel_axis(data_format)
    if images.shape[axis] == 1:
        return images
    return ops.image.rgb_to_grayscale(images, data_format=data_format)


def edit_hsv(images, value_range, data_format, edit):
    """Applies `edit(hue, saturation, value)` in HSV space to RGB images.

    Images go to `[0, 1]`, through HSV and back; the result is clipped to
    `value_range` because HSV edits of in-range colours stay in range but
    rounding can step just outside it.
    """
    axis = channel_axis(data_format)
    hsv = ops.image.rgb_to_hsv(
        to_unit_range(images, value_range), data_format=data_format
    )
    hue, saturation, value = ops.split(hsv, 3, axis=axis)
    hsv = ops.concatenate(edit(hue, saturation, value), axis=axis)
    rgb = ops.image.hsv_to_rgb(hsv, data_format=data_format)
    return clip_to_range(from_unit_range(rgb, value_range), value_range)


def require_rgb(layer_name, images, data_format):
    channels = images.shape[channel_axis(data_format)]
    if channels is not None and channels != 3:
        raise ValueError(
            f"Layer {layer_name} expects RGB images with 3 channels on axis "
            f"{channel_axis(data_format)} ({data_format}), but received "
            f"images of shape {tuple(images.shape)}. Convert the images to "
            "RGB or check `data_format`."
        )
