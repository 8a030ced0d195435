"""Box overlap measures: pairwise IoU and the complete IoU (CIoU) loss term."""

import math

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.config import epsilon
from keras_core._src.layers.preprocessing.image.bounding_boxes.converters import (
    convert_format,
)
from keras_core._src.layers.preprocessing.image.bounding_boxes.formats import (
    check_format,
)
from keras_core._src.layers.preprocessing.image.bounding_boxes.formats import (
    is_relative,
)

__all__ = ["compute_ciou", "compute_iou"]


def as_xyxy(boxes, bounding_box_format, image_shape, caller):
    """`boxes` in absolute xyxy; relative formats need `image_shape`."""
    bounding_box_format = check_format(bounding_box_format, caller)
    height = width = None
    if is_relative(bounding_box_format):
        if image_shape is None:
            raise ValueError(
                f"{caller}: relative box formats (such as 'rel_xyxy') need "
                "`image_shape` (height, width[, channels]). Received: "
                f"bounding_box_format={bounding_box_format!r}, image_shape=None"
            )
        height, width = image_shape[0], image_shape[1]
    return convert_format(boxes, bounding_box_format, "xyxy", height, width)


@keras_public("keras.utils.bounding_boxes")
def compute_iou(
    boxes1,
    boxes2,
    bounding_box_format,
    use_masking=False,
    mask_val=-1,
    image_shape=None,
):
    """Intersection over union of every box of `boxes1` with every box of `boxes2`.

    Args:
        boxes1: A tensor `(..., n, 4)`.
        boxes2: A tensor `(..., m, 4)` (the same leading axes).
        bounding_box_format: The format of both.
        use_masking: Whether padding boxes (all coordinates negative) get
            `mask_val` instead of an IoU.
        mask_val: The value for pairs with a padding box.
        image_shape: `(height, width, ...)`, needed for relative formats.

    Returns:
        The IoUs, shape `(..., n, m)`.

    Example:

    >>> a = numpy.array([[0.0, 0.0, 4.0, 4.0]])
    >>> b = numpy.array([[2.0, 2.0, 6.0, 6.0]])
    >>> round(float(compute_iou(a, b, "xyxy")[0, 0]), 4)
    0.1429
    """
    caller = "compute_iou()"
    boxes1 = as_xyxy(boxes1, bounding_box_format, image_shape, caller)
    boxes2 = as_xyxy(boxes2, bounding_box_format, image_shape, caller)
    a = ops.expand_dims(boxes1, -2)
    b = ops.expand_dims(boxes2, -3)
    inter_w = ops.maximum(
        ops.minimum(a[..., 2], b[..., 2]) - ops.maximum(a[..., 0], b[..., 0]), 0.0
    )
    inter_h = ops.maximum(
        ops.minimum(a[..., 3], b[..., 3]) - ops.maximum(a[..., 1], b[..., 1]), 0.0
    )
    intersection = inter_w * inter_h
    area_a = (a[..., 2] - a[..., 0]) * (a[..., 3] - a[..., 1])
    area_b = (b[..., 2] - b[..., 0]) * (b[..., 3] - b[..., 1])
    union = area_a + area_b - intersection
    iou = ops.divide(intersection, ops.maximum(union, epsilon()))
    if not use_masking:
        return iou
    padding_a = ops.expand_dims(ops.all(boxes1 < 0, axis=-1), -1)
    padding_b = ops.expand_dims(ops.all(boxes2 < 0, axis=-1), -2)
    return ops.where(
        ops.logical_or(padding_a, padding_b), ops.cast(mask_val, iou.dtype), iou
    )


@keras_public("keras.utils.bounding_boxes")
def compute_ciou(boxes1, boxes2, bounding_box_format, image_shape=None):
    """Complete IoU of matching boxes (Zheng et al., 2020).

    `IoU - d^2 / c^2 - alpha * v`: `d` is the distance between the box
    centers, `c` the diagonal of the smallest box enclosing both, `v`
    measures the aspect ratio mismatch and `alpha = v / (1 - IoU + v)`.

    Args:
        boxes1: A tensor `(..., 4)`.
        boxes2: A tensor of the same shape.
        bounding_box_format: The format of both.
        image_shape: `(height, width, ...)`, needed for relative formats.

    Returns:
        The CIoU of each pair, shape `(...)`.

    Example:

    >>> a = numpy.array([[0.0, 0.0, 4.0, 4.0]])
    >>> b = numpy.array([[10.0, 10.0, 12.0, 12.0]])
    >>> round(float(compute_ciou(a, b, "xyxy")[0]), 4)
    -0.5625
    """
    caller = "compute_ciou()"
    a = as_xyxy(boxes1, bounding_box_format, image_shape, caller)
    b = as_xyxy(boxes2, bounding_box_format, image_shape, caller)
    if tuple(a.shape) != tuple(b.shape):
        raise ValueError(
            f"{caller} compares boxes pairwise, so `boxes1` and `boxes2` need "
            f"the same shape. Received: {tuple(a.shape)} and {tuple(b.shape)}"
        )
    eps = epsilon()
    w1, h1 = a[..., 2] - a[..., 0], a[..., 3] - a[..., 1]
    w2, h2 = b[..., 2] - b[..., 0], b[..., 3] - b[..., 1]
    inter_w = ops.maximum(
        ops.minimum(a[..., 2], b[..., 2]) - ops.maximum(a[..., 0], b[..., 0]), 0.0
    )
    inter_h = ops.maximum(
        ops.minimum(a[..., 3], b[..., 3]) - ops.maximum(a[..., 1], b[..., 1]), 0.0
    )
    intersection = inter_w * inter_h
    iou = intersection / (w1 * h1 + w2 * h2 - intersection + eps)
    enclosing_w = ops.maximum(a[..., 2], b[..., 2]) - ops.minimum(a[..., 0], b[..., 0])
    enclosing_h = ops.maximum(a[..., 3], b[..., 3]) - ops.minimum(a[..., 1], b[..., 1])
    diagonal = enclosing_w**2 + enclosing_h**2 + eps
    center_distance = ((a[..., 0] + a[..., 2]) - (b[..., 0] + b[..., 2])) ** 2 / 4 + (
        (a[..., 1] + a[..., 3]) - (b[..., 1] + b[..., 3])
    ) ** 2 / 4
    v = (4 / math.pi**2) * (
        ops.arctan(w2 / (h2 + eps)) - ops.arctan(w1 / (h1 + eps))
    ) ** 2
    alpha = v / (v - iou + (1 + eps))
    return iou - (center_distance / diagonal + alpha * v)
