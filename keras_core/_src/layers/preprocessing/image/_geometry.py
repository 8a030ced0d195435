"""Shared pieces of the geometric image layers: argument checks, the size
of an image batch, resampling through a transform, and moving boxes with
the same transform."""

from keras_core import ops
from keras_core._src.layers.preprocessing.image.bounding_boxes.converters import (
    clip_to_image_size,
)
from keras_core._src.layers.preprocessing.image.bounding_boxes.converters import (
    convert_format,
)

INTERPOLATIONS = ("nearest", "bilinear")
FILL_MODES = ("reflect", "wrap", "constant", "nearest")


def check_choice(layer_name, argument, value, choices):
    if value not in choices:
        raise ValueError(
            f"Layer {layer_name}: unknown `{argument}` {value!r}. Expected one "
            f"of {choices}. Received: {argument}={value!r}"
        )
    return value


def _is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def parse_range(layer_name, argument, value, low, high, symmetric=True):
    """`value` (a number or a pair) as a sorted pair inside `[low, high]`.

    A single number `f` means `(-f, f)` when `symmetric`, else `(0, f)`.
    """
    message = (
        f"Layer {layer_name}: the `{argument}` argument should be a number "
        f"(or a list of two numbers) in the range [{low}, {high}]. "
        f"Received: {argument}={value!r}"
    )
    if isinstance(value, (tuple, list)):
        if len(value) != 2 or not all(_is_number(v) for v in value):
            raise ValueError(message)
        pair = sorted(float(v) for v in value)
    elif _is_number(value):
        magnitude = float(value)
        pair = [-abs(magnitude), abs(magnitude)] if symmetric else [0.0, magnitude]
    else:
        raise ValueError(message)
    if min(pair) < low or max(pair) > high:
        raise ValueError(message)
    return tuple(pair)


def spatial_axes(data_format):
    """The (height, width) axes of a batch in `data_format`."""
    return (1, 2) if data_format == "channels_last" else (2, 3)


def image_size(images, data_format):
    """(height, width) of a batch: ints when static, else scalar tensors."""
    shape = ops.shape(images)
    row_axis, col_axis = spatial_axes(data_format)
    return shape[row_axis], shape[col_axis]


def batch_size(images):
    return ops.shape(images)[0]


def resample(images, transform, interpolation, fill_mode, fill_value, data_format):
    """`images` resampled through per-image affine coefficients `(batch, 8)`."""
    return ops.image.affine_transform(
        images,
        transform,
        interpolation=interpolation,
        fill_mode=fill_mode,
        fill_value=fill_value,
        data_format=data_format,
    )


def affine_coefficients(matrix, offset):
    """The 8 affine_transform coefficients of `p_in = matrix @ p_out + offset`.

    `matrix` is `[[m00, m01], [m10, m11]]` and `offset` `[o0, o1]`, entries
    of shape `(batch,)`.
    """
    zeros = ops.zeros_like(matrix[0][0])
    return ops.stack(
        [
            matrix[0][0],
            matrix[0][1],
            offset[0],
            matrix[1][0],
            matrix[1][1],
            offset[1],
            zeros,
            zeros,
        ],
        axis=-1,
    )


def transform_boxes(
    bounding_boxes, bounding_box_format, height, width, move_points, clip=True
):
    """Moves boxes by a point map: the box enclosing the four moved corners.

    Args:
        bounding_boxes: `{"boxes": (batch, n, 4), "labels": (batch, n)}`.
        bounding_box_format: The boxes' format.
        height: The image height before the transform.
        width: The image width before the transform.
        move_points: `(xs, ys) -> (xs, ys)` on tensors `(batch, n)`; returns
            pixel coordinates in the output image.
        clip: Whether to clip to the output image (given as `clip`'s
            `(height, width)` when a tuple) and drop empty boxes.

    Returns:
        The moved boxes, in `bounding_box_format`.
    """
    boxes = convert_format(
        bounding_boxes["boxes"], bounding_box_format, "xyxy", height, width
    )
    x1, y1, x2, y2 = [boxes[..., i] for i in range(4)]
    xs, ys = [], []
    for x, y in ((x1, y1), (x2, y1), (x1, y2), (x2, y2)):
        moved_x, moved_y = move_points(x, y)
        xs.append(moved_x)
        ys.append(moved_y)
    xs, ys = ops.stack(xs, axis=-1), ops.stack(ys, axis=-1)
    moved = ops.stack(
        [ops.min(xs, -1), ops.min(ys, -1), ops.max(xs, -1), ops.max(ys, -1)], axis=-1
    )
    out_height, out_width = clip if isinstance(clip, tuple) else (height, width)
    result = dict(bounding_boxes)
    result["boxes"] = moved
    if clip:
        result = clip_to_image_size(result, out_height, out_width, "xyxy")
    result["boxes"] = convert_format(
        result["boxes"], "xyxy", bounding_box_format, out_height, out_width
    )
    return result


def per_image(value):
    """`(batch,)` -> `(batch, 1)`, to broadcast against `(batch, n)` boxes."""
    return ops.expand_dims(value, -1)
