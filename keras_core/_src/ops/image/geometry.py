"""Padding and cropping images to a size (`pad_images`, `crop_images`).

Each side's amount comes from exactly two of (near side, far side, target
size) per axis, the third being derived, as in Keras.
"""

from keras_core._src.ops.image._common import data_format_of
from keras_core._src.ops.image._common import from_working_layout
from keras_core._src.ops.image._common import static_dims
from keras_core._src.ops.image._common import to_working_layout
from keras_core.ops import numpy as knp

__all__ = ["crop_images", "pad_images"]


def _resolve(names, values, size, op_name):
    """The (near, far) amounts of one axis from exactly two of three values.

    `names`/`values`: (near side, far side, target size); `size`: the input
    size along the axis.
    """
    if list(values).count(None) != 1:
        received = ", ".join(f"{n}={v}" for n, v in zip(names, values, strict=True))
        raise ValueError(
            f"`{op_name}`: must specify exactly two of {', '.join(names)}. "
            f"Received: {received}"
        )
    near, far, target = values
    # Padding adds to the size, cropping removes from it.
    sign = -1 if op_name == "crop_images" else 1
    if target is None:
        target = size + sign * (near + far)
    elif near is None:
        near = sign * (target - size) - far
    else:
        far = sign * (target - size) - near
    for name, value in zip(names, (near, far, target), strict=True):
        if value < 0:
            raise ValueError(
                f"`{op_name}`: {name} must be >= 0. Received: {name}={value}"
            )
    return int(near), int(far), int(target)


def pad_images(
    images,
    top_padding=None,
    left_padding=None,
    bottom_padding=None,
    right_padding=None,
    target_height=None,
    target_width=None,
    data_format=None,
):
    """Pads images with zeros to a size.

    Per axis give exactly two of: the near side's padding, the far side's
    padding, the target size.

    Args:
        images: Images of shape `(height, width, channels)` or
            `(batch, height, width, channels)` (channels first with
            `data_format="channels_first"`).
        top_padding: Rows added above.
        left_padding: Columns added on the left.
        bottom_padding: Rows added below.
        right_padding: Columns added on the right.
        target_height: The output height.
        target_width: The output width.
        data_format: `"channels_last"` or `"channels_first"`; the configured
            `image_data_format()` by default.

    Returns:
        The padded images, in the input's dtype and layout.

    Example:

    >>> images = np.ones((2, 4, 4, 3))
    >>> keras_core.ops.image.pad_images(images, 1, 1, 1, 1).shape
    (2, 6, 6, 3)
    """
    data_format = data_format_of(data_format, "pad_images")
    images, state = to_working_layout(images, data_format, "pad_images")
    height, width = static_dims(images, (1, 2), "pad_images")
    top, bottom, _ = _resolve(
        ("top_padding", "bottom_padding", "target_height"),
        (top_padding, bottom_padding, target_height),
        height,
        "pad_images",
    )
    left, right, _ = _resolve(
        ("left_padding", "right_padding", "target_width"),
        (left_padding, right_padding, target_width),
        width,
        "pad_images",
    )
    padded = knp.pad(images, [(0, 0), (top, bottom), (left, right), (0, 0)])
    return from_working_layout(padded, state)


def crop_images(
    images,
    top_cropping=None,
    left_cropping=None,
    bottom_cropping=None,
    right_cropping=None,
    target_height=None,
    target_width=None,
    data_format=None,
):
    """Crops images to a size.

    Per axis give exactly two of: the near side's cropping, the far side's
    cropping, the target size.

    Args:
        images: Images of shape `(height, width, channels)` or
            `(batch, height, width, channels)` (channels first with
            `data_format="channels_first"`).
        top_cropping: Rows removed from the top.
        left_cropping: Columns removed from the left.
        bottom_cropping: Rows removed from the bottom.
        right_cropping: Columns removed from the right.
        target_height: The output height.
        target_width: The output width.
        data_format: `"channels_last"` or `"channels_first"`; the configured
            `image_data_format()` by default.

    Returns:
        The cropped images, in the input's dtype and layout.

    Example:

    >>> images = np.ones((2, 6, 6, 3))
    >>> keras_core.ops.image.crop_images(images, 1, 1, 2, 2).shape
    (2, 3, 3, 3)
    """
    data_format = data_format_of(data_format, "crop_images")
    images, state = to_working_layout(images, data_format, "crop_images")
    height, width = static_dims(images, (1, 2), "crop_images")
    top, _, out_height = _resolve(
        ("top_cropping", "bottom_cropping", "target_height"),
        (top_cropping, bottom_cropping, target_height),
        height,
        "crop_images",
    )
    left, _, out_width = _resolve(
        ("left_cropping", "right_cropping", "target_width"),
        (left_cropping, right_cropping, target_width),
        width,
        "crop_images",
    )
    cropped = knp.get_item(
        images,
        (
            slice(None),
            slice(top, top + out_height),
            slice(left, left + out_width),
            slice(None),
        ),
    )
    return from_working_layout(cropped, state)
