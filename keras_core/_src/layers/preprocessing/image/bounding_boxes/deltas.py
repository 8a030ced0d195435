"""Box regression targets: boxes encoded as deltas from anchor boxes."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.preprocessing.image.bounding_boxes.converters import (
    convert_format,
)
from keras_core._src.layers.preprocessing.image.bounding_boxes.iou import as_xyxy

__all__ = ["decode_deltas_to_boxes", "encode_box_to_deltas"]

_ENCODINGS = ("center_xywh", "center_yxhw")


def _check_encoding(encoding, argument, caller):
    if encoding not in _ENCODINGS:
        raise ValueError(
            f"{caller}: `{argument}` should be one of 'center_xywh' or "
            f"'center_yxhw'. Received: {argument}={encoding!r}"
        )


def _variance(variance, caller):
    if variance is None:
        return None
    variance = ops.cast(ops.convert_to_tensor(variance), "float32")
    if tuple(variance.shape) != (4,):
        raise ValueError(
            f"{caller}: `variance` must have 4 entries, one per delta. "
            f"Received: variance with shape {tuple(variance.shape)}"
        )
    return variance


def _centers(xyxy):
    """`(x_center, y_center, width, height)` columns of xyxy boxes."""
    x1, y1, x2, y2 = [xyxy[..., i] for i in range(4)]
    return (x1 + x2) / 2, (y1 + y2) / 2, x2 - x1, y2 - y1


@keras_public("keras.utils.bounding_boxes")
def encode_box_to_deltas(
    anchors,
    boxes,
    anchor_format,
    box_format,
    encoding_format="center_yxhw",
    variance=None,
    image_shape=None,
):
    """Encodes boxes as offsets from anchors (the targets box regressors learn).

    With `encoding_format="center_yxhw"` the deltas are
    `((y - y_a) / h_a, (x - x_a) / w_a, log(h / h_a), log(w / w_a))` of the
    box and anchor centers and sizes (`"center_xywh"` swaps the order),
    each divided by its `variance` entry.

    Args:
        anchors: Anchor boxes `(..., 4)`.
        boxes: Boxes `(..., 4)`, broadcastable against `anchors`.
        anchor_format: The format of `anchors`.
        box_format: The format of `boxes`.
        encoding_format: `"center_yxhw"` or `"center_xywh"`.
        variance: Four scale factors for the deltas, or None.
        image_shape: `(height, width, ...)`, needed for relative formats.

    Returns:
        The deltas, shape `(..., 4)`.

    Example:

    >>> anchors = numpy.array([[0.0, 0.0, 10.0, 10.0]])
    >>> boxes = numpy.array([[1.0, 2.0, 11.0, 12.0]])
    >>> numpy.round(encode_box_to_deltas(anchors, boxes, "xyxy", "xyxy"), 2)
    array([[0.2, 0.1, 0. , 0. ]], dtype=float32)
    """
    caller = "encode_box_to_deltas()"
    _check_encoding(encoding_format, "encoding_format", caller)
    variance = _variance(variance, caller)
    ax, ay, aw, ah = _centers(as_xyxy(anchors, anchor_format, image_shape, caller))
    bx, by, bw, bh = _centers(as_xyxy(boxes, box_format, image_shape, caller))
    dx, dy = (bx - ax) / aw, (by - ay) / ah
    dw, dh = ops.log(bw / aw), ops.log(bh / ah)
    if encoding_format == "center_xywh":
        deltas = ops.stack([dx, dy, dw, dh], axis=-1)
    else:
        deltas = ops.stack([dy, dx, dh, dw], axis=-1)
    return deltas if variance is None else deltas / variance


@keras_public("keras.utils.bounding_boxes")
def decode_deltas_to_boxes(
    anchors,
    boxes_delta,
    anchor_format,
    box_format,
    encoded_format="center_yxhw",
    variance=None,
    image_shape=None,
):
    """Decodes deltas from `encode_box_to_deltas` back into boxes.

    Args:
        anchors: Anchor boxes `(..., 4)`, or a dict of them (for example
            one entry per feature level).
        boxes_delta: Deltas `(..., 4)`, or a dict with the same keys.
        anchor_format: The format of `anchors`.
        box_format: The format of the returned boxes.
        encoded_format: `"center_yxhw"` or `"center_xywh"`, as encoded.
        variance: The four scale factors used when encoding, or None.
        image_shape: `(height, width, ...)`, needed for relative formats.

    Returns:
        The boxes in `box_format` (a dict when the inputs are dicts).

    Example:

    >>> anchors = numpy.array([[0.0, 0.0, 10.0, 10.0]])
    >>> deltas = numpy.array([[0.2, 0.1, 0.0, 0.0]])
    >>> numpy.round(decode_deltas_to_boxes(anchors, deltas, "xyxy", "xyxy"), 2)
    array([[ 1.,  2., 11., 12.]], dtype=float32)
    """
    if isinstance(anchors, dict):
        return {
            key: decode_deltas_to_boxes(
                anchors[key],
                boxes_delta[key],
                anchor_format,
                box_format,
                encoded_format,
                variance,
                image_shape,
            )
            for key in anchors
        }
    caller = "decode_deltas_to_boxes()"
    _check_encoding(encoded_format, "encoded_format", caller)
    variance = _variance(variance, caller)
    deltas = ops.cast(boxes_delta, "float32")
    if variance is not None:
        deltas = deltas * variance
    ax, ay, aw, ah = _centers(as_xyxy(anchors, anchor_format, image_shape, caller))
    if encoded_format == "center_xywh":
        dx, dy, dw, dh = [deltas[..., i] for i in range(4)]
    else:
        dy, dx, dh, dw = [deltas[..., i] for i in range(4)]
    cx, cy = ax + dx * aw, ay + dy * ah
    w, h = aw * ops.exp(dw), ah * ops.exp(dh)
    xyxy = ops.stack([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], axis=-1)
    height = width = None
    if image_shape is not None:
        height, width = image_shape[0], image_shape[1]
    return convert_format(xyxy, "xyxy", box_format, height, width)
