"""Bounding box conversions and geometry: formats, clipping, crop, pad and
affine transforms (`keras.utils.bounding_boxes`).

Everything works on the last axis of `boxes` (any leading shape: one image's
`(num_boxes, 4)` or a batch's `(batch, num_boxes, 4)`), with `keras_core.ops`
so it runs on every backend and symbolically.
"""

import math

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.preprocessing.image.bounding_boxes.formats import (
    check_format,
)
from keras_core._src.layers.preprocessing.image.bounding_boxes.formats import (
    is_relative,
)

__all__ = ["affine_transform", "clip_to_image_size", "convert_format", "crop", "pad"]


def _columns(boxes):
    return [boxes[..., i] for i in range(4)]


def _to_xyxy(boxes, source, height, width):
    a, b, c, d = _columns(boxes)
    base = source[4:] if is_relative(source) else source
    if base == "xyxy":
        x1, y1, x2, y2 = a, b, c, d
    elif base == "yxyx":
        y1, x1, y2, x2 = a, b, c, d
    elif base == "xywh":
        x1, y1, x2, y2 = a, b, a + c, b + d
    elif base == "center_xywh":
        x1, y1, x2, y2 = a - c / 2, b - d / 2, a + c / 2, b + d / 2
    else:  # center_yxhw
        x1, y1, x2, y2 = b - d / 2, a - c / 2, b + d / 2, a + c / 2
    if is_relative(source):
        x1, x2 = x1 * width, x2 * width
        y1, y2 = y1 * height, y2 * height
    return x1, y1, x2, y2


def _from_xyxy(x1, y1, x2, y2, target, height, width):
    if is_relative(target):
        x1, x2 = x1 / width, x2 / width
        y1, y2 = y1 / height, y2 / height
    base = target[4:] if is_relative(target) else target
    if base == "xyxy":
        columns = [x1, y1, x2, y2]
    elif base == "yxyx":
        columns = [y1, x1, y2, x2]
    elif base == "xywh":
        columns = [x1, y1, x2 - x1, y2 - y1]
    elif base == "center_xywh":
        columns = [(x1 + x2) / 2, (y1 + y2) / 2, x2 - x1, y2 - y1]
    else:  # center_yxhw
        columns = [(y1 + y2) / 2, (x1 + x2) / 2, y2 - y1, x2 - x1]
    return ops.stack(columns, axis=-1)


def _size_as(value, dtype):
    if isinstance(value, (int, float)):
        return float(value)
    return ops.cast(value, dtype)


@keras_public("keras.utils.bounding_boxes")
def convert_format(boxes, source, target, height=None, width=None, dtype="float32"):
    """Converts bounding boxes between formats.

    Formats: `"xyxy"`, `"yxyx"`, `"xywh"`, `"center_xywh"`, `"center_yxhw"`
    (pixels) and `"rel_xyxy"`, `"rel_yxyx"`, `"rel_xywh"`,
    `"rel_center_xywh"` (fractions of the image width and height).

    Args:
        boxes: A tensor of shape `(..., 4)`, or a dict with a `"boxes"`
            entry (returned as a dict with the converted boxes).
        source: The format of `boxes`.
        target: The format to convert to.
        height: The image height; needed between relative and absolute
            formats.
        width: The image width; needed between relative and absolute
            formats.
        dtype: The dtype of the result.

    Returns:
        The converted boxes (or dict).

    Example:

    >>> boxes = numpy.array([[2.0, 1.0, 6.0, 3.0]])
    >>> convert_format(boxes, "xyxy", "xywh").tolist()
    [[2.0, 1.0, 4.0, 2.0]]
    """
    if isinstance(boxes, dict):
        converted = dict(boxes)
        converted["boxes"] = convert_format(
            boxes["boxes"], source, target, height, width, dtype
        )
        return converted
    source = check_format(source, "convert_format()")
    target = check_format(target, "convert_format()")
    boxes = ops.cast(boxes, dtype)
    if source == target:
        return boxes
    if is_relative(source) != is_relative(target) and (height is None or width is None):
        raise ValueError(
            "convert_format() needs the image `height` and `width` to convert "
            f"between relative and absolute formats. Received: source={source!r}, "
            f"target={target!r}, height={height}, width={width}"
        )
    if is_relative(source) and is_relative(target):
        # Both relative: the size cancels out.
        height = width = 1.0
    height = _size_as(height, dtype) if height is not None else None
    width = _size_as(width, dtype) if width is not None else None
    x1, y1, x2, y2 = _to_xyxy(boxes, source, height, width)
    return _from_xyxy(x1, y1, x2, y2, target, height, width)


@keras_public("keras.utils.bounding_boxes")
def clip_to_image_size(
    bounding_boxes, height=None, width=None, bounding_box_format="xyxy"
):
    """Clips boxes to the image and marks boxes left with no area.

    Boxes are clipped to `[0, width] x [0, height]` (to `[0, 1]` for
    relative formats); the label of a box whose clipped area is zero
    becomes -1.

    Args:
        bounding_boxes: A dict with `"boxes"` `(..., num_boxes, 4)` and
            `"labels"` `(..., num_boxes)`.
        height: The image height (not needed for relative formats).
        width: The image width (not needed for relative formats).
        bounding_box_format: The format of the boxes.

    Returns:
        A dict with the clipped `"boxes"` and updated `"labels"`.

    Example:

    >>> boxes = {"boxes": numpy.array([[18.0, 8.0, 25.0, 12.0]]),
    ...          "labels": numpy.array([1])}
    >>> clipped = clip_to_image_size(boxes, height=10, width=20)
    >>> numpy.asarray(clipped["boxes"]).tolist()
    [[18.0, 8.0, 20.0, 10.0]]
    """
    bounding_box_format = check_format(bounding_box_format, "clip_to_image_size()")
    if not isinstance(bounding_boxes, dict) or "boxes" not in bounding_boxes:
        raise ValueError(
            "clip_to_image_size() expects a dict with 'boxes' and 'labels'. "
            f"Received: {type(bounding_boxes).__name__}"
        )
    relative = is_relative(bounding_box_format)
    if not relative and (height is None or width is None):
        raise ValueError(
            "clip_to_image_size() needs `height` and `width` for the absolute "
            f"format {bounding_box_format!r}. Received: height={height}, "
            f"width={width}"
        )
    if relative:
        height = width = 1.0
    boxes = ops.cast(bounding_boxes["boxes"], "float32")
    height, width = _size_as(height, "float32"), _size_as(width, "float32")
    x1, y1, x2, y2 = _to_xyxy(
        boxes, bounding_box_format[4:] if relative else bounding_box_format, 1.0, 1.0
    )
    x1, x2 = ops.clip(x1, 0.0, width), ops.clip(x2, 0.0, width)
    y1, y2 = ops.clip(y1, 0.0, height), ops.clip(y2, 0.0, height)
    area = (x2 - x1) * (y2 - y1)
    base = bounding_box_format[4:] if relative else bounding_box_format
    result = dict(bounding_boxes)
    result["boxes"] = _from_xyxy(x1, y1, x2, y2, base, 1.0, 1.0)
    if "labels" in bounding_boxes:
        labels = ops.convert_to_tensor(bounding_boxes["labels"])
        result["labels"] = ops.where(area > 0, labels, ops.cast(-1, labels.dtype))
    return result


def _offsets(value, boxes):
    """A crop/pad offset as a number, or per image `(batch,)` -> `(batch, 1)`."""
    if isinstance(value, (int, float)):
        return float(value)
    value = ops.cast(value, "float32")
    while len(value.shape) and len(value.shape) < len(boxes.shape) - 1:
        value = ops.expand_dims(value, -1)
    return value


def _absolute_format(bounding_box_format, caller):
    bounding_box_format = check_format(bounding_box_format, caller)
    if is_relative(bounding_box_format):
        raise ValueError(
            f"{caller} works on absolute (pixel) box formats; convert "
            f"relative boxes with convert_format() first. Received: "
            f"bounding_box_format={bounding_box_format!r}"
        )
    return bounding_box_format


@keras_public("keras.utils.bounding_boxes")
def crop(boxes, top, left, height, width, bounding_box_format="xyxy"):
    """Moves boxes into the frame of a crop window and clips them to it.

    Args:
        boxes: A tensor `(..., num_boxes, 4)`.
        top: The crop's first row (a number, or one per image).
        left: The crop's first column (a number, or one per image).
        height: The crop height.
        width: The crop width.
        bounding_box_format: An absolute format of the boxes.

    Returns:
        The boxes in the crop's pixel coordinates, clipped to it.

    Example:

    >>> crop(numpy.array([[2.0, 1.0, 6.0, 3.0]]), 1, 2, 5, 6).tolist()
    [[0.0, 0.0, 4.0, 2.0]]
    """
    bounding_box_format = _absolute_format(bounding_box_format, "crop()")
    boxes = ops.cast(boxes, "float32")
    top, left = _offsets(top, boxes), _offsets(left, boxes)
    height, width = _size_as(height, "float32"), _size_as(width, "float32")
    x1, y1, x2, y2 = _to_xyxy(boxes, bounding_box_format, None, None)
    x1, x2 = ops.clip(x1 - left, 0.0, width), ops.clip(x2 - left, 0.0, width)
    y1, y2 = ops.clip(y1 - top, 0.0, height), ops.clip(y2 - top, 0.0, height)
    return _from_xyxy(x1, y1, x2, y2, bounding_box_format, None, None)


@keras_public("keras.utils.bounding_boxes")
def pad(boxes, top, left, height=None, width=None, bounding_box_format="xyxy"):
    """Moves boxes by the padding added above and left of the image.

    Args:
        boxes: A tensor `(..., num_boxes, 4)`.
        top: Rows added above (a number, or one per image).
        left: Columns added on the left (a number, or one per image).
        height: The padded height (unused by absolute formats; accepted for
            API compatibility).
        width: The padded width (likewise).
        bounding_box_format: An absolute format of the boxes.

    Returns:
        The shifted boxes.

    Example:

    >>> pad(numpy.array([[2.0, 1.0, 6.0, 3.0]]), 1, 2).tolist()
    [[4.0, 2.0, 8.0, 4.0]]
    """
    del height, width
    bounding_box_format = _absolute_format(bounding_box_format, "pad()")
    boxes = ops.cast(boxes, "float32")
    top, left = _offsets(top, boxes), _offsets(left, boxes)
    x1, y1, x2, y2 = _to_xyxy(boxes, bounding_box_format, None, None)
    return _from_xyxy(
        x1 + left, y1 + top, x2 + left, y2 + top, bounding_box_format, None, None
    )


def _per_image(value, boxes):
    """A transform parameter broadcast against one box coordinate column."""
    value = ops.cast(value, "float32")
    while len(value.shape) < len(boxes.shape) - 1:
        value = ops.expand_dims(value, -1)
    return value


@keras_public("keras.utils.bounding_boxes")
def affine_transform(
    boxes,
    angle,
    translate_x,
    translate_y,
    scale,
    shear_x,
    shear_y,
    height,
    width,
    center_x=None,
    center_y=None,
    bounding_box_format="xyxy",
):
    """Applies an affine transform to boxes: the box enclosing the moved corners.

    A point `p` moves to `c + M (p - c + t)`: `t` is the translation
    `(translate_x * (width - 1), translate_y * (height - 1))`, `c` the center
    `(center_x * (width - 1), center_y * (height - 1))` and `M` the rotation
    by `angle` degrees (counter-clockwise as displayed) combined with the
    shears `tan(shear_x)` along x and `tan(shear_y)` along y (degrees),
    times `scale`. The result is not clipped to the image.

    Args:
        boxes: A tensor `(batch, num_boxes, 4)` (one parameter per image)
            or `(num_boxes, 4)` (scalar parameters).
        angle: Rotation in degrees.
        translate_x: Horizontal shift, a fraction of `width - 1`.
        translate_y: Vertical shift, a fraction of `height - 1`.
        scale: Scale factor about the center.
        shear_x: Shear angle along x, in degrees.
        shear_y: Shear angle along y, in degrees.
        height: The image height.
        width: The image width.
        center_x: The center's x, a fraction of `width - 1` (default 0.5).
        center_y: The center's y, a fraction of `height - 1` (default 0.5).
        bounding_box_format: The format of the boxes.

    Returns:
        The transformed boxes, in `bounding_box_format`.

    Example:

    >>> boxes = numpy.array([[2.0, 1.0, 6.0, 3.0]])
    >>> affine_transform(boxes, 90.0, 0.0, 0.0, 1.0, 0.0, 0.0, 10, 20).tolist()
    [[6.0, 8.0, 8.0, 12.0]]
    """
    bounding_box_format = check_format(bounding_box_format, "affine_transform()")
    boxes = ops.cast(boxes, "float32")
    height, width = _size_as(height, "float32"), _size_as(width, "float32")
    x1, y1, x2, y2 = _to_xyxy(boxes, bounding_box_format, height, width)
    center_x = 0.5 if center_x is None else center_x
    center_y = 0.5 if center_y is None else center_y
    cx = _per_image(center_x, boxes) * (width - 1)
    cy = _per_image(center_y, boxes) * (height - 1)
    theta = _per_image(angle, boxes) * (math.pi / 180.0)
    cos, sin = ops.cos(theta), ops.sin(theta)
    kx = ops.tan(_per_image(shear_x, boxes) * (math.pi / 180.0))
    ky = ops.tan(_per_image(shear_y, boxes) * (math.pi / 180.0))
    s = _per_image(scale, boxes)
    m10, m11 = -sin + ky * cos, cos + ky * sin
    m00, m01 = cos - kx * m10, sin + kx * m11
    tx = _per_image(translate_x, boxes) * (width - 1)
    ty = _per_image(translate_y, boxes) * (height - 1)
    xs, ys = [], []
    for x, y in ((x1, y1), (x2, y1), (x1, y2), (x2, y2)):
        dx, dy = x - cx + tx, y - cy + ty
        xs.append(cx + s * (m00 * dx + m01 * dy))
        ys.append(cy + s * (m10 * dx + m11 * dy))
    x1 = ops.min(ops.stack(xs, axis=-1), axis=-1)
    x2 = ops.max(ops.stack(xs, axis=-1), axis=-1)
    y1 = ops.min(ops.stack(ys, axis=-1), axis=-1)
    y2 = ops.max(ops.stack(ys, axis=-1), axis=-1)
    return _from_xyxy(x1, y1, x2, y2, bounding_box_format, height, width)
