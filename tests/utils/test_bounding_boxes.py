"""keras_core.utils.bounding_boxes: formats, clipping, crop/pad, affine
transforms, IoU and box deltas, against hand-computed values."""

import math

import numpy as np
import pytest

from keras_core import ops
from keras_core.utils import bounding_boxes as bb

# x1, y1, x2, y2 in a 10 (high) x 20 (wide) image.
BOXES = np.array(
    [[[2, 1, 6, 3], [8, 4, 12, 6], [-5, -5, -1, -1], [18, 8, 25, 12]]], "float32"
)


def _np(x):
    return ops.convert_to_numpy(x)


@pytest.mark.parametrize(
    "target, first",
    [
        ("yxyx", [1, 2, 3, 6]),
        ("xywh", [2, 1, 4, 2]),
        ("center_xywh", [4, 2, 4, 2]),
        ("center_yxhw", [2, 4, 2, 4]),
        ("rel_xyxy", [0.1, 0.1, 0.3, 0.3]),
        ("rel_yxyx", [0.1, 0.1, 0.3, 0.3]),
        ("rel_xywh", [0.1, 0.1, 0.2, 0.2]),
        ("rel_center_xywh", [0.2, 0.2, 0.2, 0.2]),
    ],
)
def test_convert_format_both_ways(target, first):
    converted = _np(bb.convert_format(BOXES, "xyxy", target, height=10, width=20))
    np.testing.assert_allclose(converted[0, 0], first, atol=1e-6)
    back = bb.convert_format(converted, target, "xyxy", height=10, width=20)
    np.testing.assert_allclose(_np(back), BOXES, atol=1e-5)


def test_convert_format_dicts_and_errors():
    out = bb.convert_format({"boxes": BOXES, "labels": [1]}, "xyxy", "xywh")
    np.testing.assert_allclose(_np(out["boxes"])[0, 1], [8, 4, 4, 2])
    assert out["labels"] == [1]
    with pytest.raises(ValueError, match="Supported formats"):
        bb.convert_format(BOXES, "xyxy", "xyz")
    with pytest.raises(ValueError, match=r"height.*width"):
        bb.convert_format(BOXES, "xyxy", "rel_xyxy")


def test_clip_crop_pad():
    clipped = bb.clip_to_image_size(
        {"boxes": BOXES, "labels": np.array([[1, 2, 3, 4]])}, height=10, width=20
    )
    np.testing.assert_allclose(
        _np(clipped["boxes"])[0],
        [[2, 1, 6, 3], [8, 4, 12, 6], [0, 0, 0, 0], [18, 8, 20, 10]],
    )
    np.testing.assert_array_equal(_np(clipped["labels"]), [[1, 2, -1, 4]])
    relative = bb.clip_to_image_size(
        {"boxes": BOXES / 20, "labels": np.array([[1, 2, 3, 4]])},
        bounding_box_format="rel_xyxy",
    )
    np.testing.assert_allclose(_np(relative["boxes"])[0, 3], [0.9, 0.4, 1.0, 0.6])
    cropped = _np(bb.crop(BOXES, 1, 2, 5, 6))  # top 1, left 2, 5 x 6 window
    np.testing.assert_allclose(
        cropped[0], [[0, 0, 4, 2], [6, 3, 6, 5], [0, 0, 0, 0], [6, 5, 6, 5]]
    )
    padded = _np(bb.pad(BOXES, 1, 2))
    np.testing.assert_allclose(padded[0, 0], [4, 2, 8, 4])
    with pytest.raises(ValueError, match="absolute"):
        bb.crop(BOXES, 1, 2, 5, 6, bounding_box_format="rel_xyxy")


def test_affine_transform():
    def transform(angle=0.0, tx=0.0, ty=0.0, scale=1.0, sx=0.0, sy=0.0, **kwargs):
        params = [np.array([v], "float32") for v in (angle, tx, ty, scale, sx, sy)]
        return _np(bb.affine_transform(BOXES[:, :2], *params, 10, 20, **kwargs))[0]

    # Translations are fractions of (size - 1); the center is (9.5, 4.5).
    np.testing.assert_allclose(
        transform(tx=0.1, ty=0.2)[0], [3.9, 2.8, 7.9, 4.8], atol=1e-5
    )
    np.testing.assert_allclose(transform(angle=90.0)[0], [6, 8, 8, 12], atol=1e-4)
    np.testing.assert_allclose(
        transform(angle=90.0, center_x=0.0, center_y=0.0)[0], [1, -6, 3, -2], atol=1e-4
    )
    np.testing.assert_allclose(
        transform(scale=2.0)[0], [-5.5, -2.5, 2.5, 1.5], atol=1e-5
    )
    k = math.tan(math.radians(20))  # x += k (y - 4.5)
    np.testing.assert_allclose(
        transform(sx=20.0)[0], [2 - 3.5 * k, 1, 6 - 1.5 * k, 3], atol=1e-4
    )
    single = bb.affine_transform(BOXES[0, :1], 90.0, 0.0, 0.0, 1.0, 0.0, 0.0, 10, 20)
    np.testing.assert_allclose(_np(single), [[6, 8, 8, 12]], atol=1e-4)


def test_iou_and_masking():
    boxes1 = np.array([[0, 0, 4, 4], [1, 1, 3, 5], [10, 10, 12, 12]], "float32")
    boxes2 = np.array([[2, 2, 6, 6], [0, 0, 4, 4], [-1, -1, -1, -1]], "float32")
    # Overlap 2 x 2 of 16 + 16 - 4; the second pair overlaps 2 x 3 of 18.
    expected = [[4 / 28, 1, 0], [4 / 28, 6 / 18, 0], [0, 0, 0]]
    np.testing.assert_allclose(
        _np(bb.compute_iou(boxes1, boxes2, "xyxy")), expected, atol=1e-6
    )
    masked = _np(bb.compute_iou(boxes1, boxes2, "xyxy", use_masking=True, mask_val=-3))
    np.testing.assert_allclose(masked[:, 2], -3)
    batched = bb.compute_iou(
        boxes1[None] / 20, boxes2[None] / 20, "rel_xyxy", image_shape=(20, 20, 1)
    )
    np.testing.assert_allclose(
        _np(batched)[0, :2, :2], np.array(expected)[:2, :2], atol=1e-6
    )
    with pytest.raises(ValueError, match="image_shape"):
        bb.compute_iou(boxes1, boxes2, "rel_xyxy")


def test_ciou():
    boxes1 = np.array([[0, 0, 4, 4], [1, 1, 3, 5]], "float32")
    boxes2 = np.array([[10, 10, 12, 12], [0, 0, 4, 4]], "float32")
    # Pair 1: no overlap; centers 9 apart in x and y; enclosing 12 x 12.
    first = -(81 + 81) / (12**2 + 12**2)
    # Pair 2: IoU 1/3, centers 1 apart, enclosing 4 x 5, aspect term v.
    v = 4 / math.pi**2 * (math.atan(1.0) - math.atan(0.5)) ** 2
    second = 1 / 3 - 1 / 41 - v * v / (1 - 1 / 3 + v)
    np.testing.assert_allclose(
        _np(bb.compute_ciou(boxes1, boxes2, "xyxy")), [first, second], atol=1e-5
    )
    with pytest.raises(ValueError, match="same shape"):
        bb.compute_ciou(boxes1, boxes2[:1], "xyxy")


def test_box_deltas_round_trip():
    anchors = np.array([[0, 0, 10, 10], [5, 5, 15, 25]], "float32")
    boxes = np.array([[1, 2, 11, 14], [4, 6, 18, 20]], "float32")
    deltas = _np(bb.encode_box_to_deltas(anchors, boxes, "xyxy", "xyxy"))
    # Centers (6, 8) vs (5, 5), sizes 10 x 12 vs 10 x 10: (dy, dx, dh, dw).
    np.testing.assert_allclose(deltas[0], [0.3, 0.1, math.log(1.2), 0.0], atol=1e-6)
    variance = [0.1, 0.1, 0.2, 0.2]
    encoded = bb.encode_box_to_deltas(
        anchors, boxes, "xyxy", "xyxy", encoding_format="center_xywh", variance=variance
    )
    np.testing.assert_allclose(
        _np(encoded)[0], [1.0, 3.0, 0.0, math.log(1.2) / 0.2], atol=1e-5
    )
    decoded = bb.decode_deltas_to_boxes(
        {"level": anchors}, {"level": encoded}, "xyxy", "xywh", "center_xywh", variance
    )
    np.testing.assert_allclose(_np(decoded["level"])[1], [4, 6, 14, 14], atol=1e-4)
    with pytest.raises(ValueError, match="variance"):
        bb.encode_box_to_deltas(anchors, boxes, "xyxy", "xyxy", variance=[1, 2])
    with pytest.raises(ValueError, match="encoding_format"):
        bb.encode_box_to_deltas(anchors, boxes, "xyxy", "xyxy", encoding_format="xyxy")
