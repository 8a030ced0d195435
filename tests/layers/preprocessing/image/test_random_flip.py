"""keras_core.layers.RandomFlip."""

import numpy as np
import pytest
from layers.preprocessing.image.image_checks import check_config_round_trip
from layers.preprocessing.image.image_checks import check_symbolic_and_model
from layers.preprocessing.image.image_checks import to_numpy

from keras_core import layers

IMAGES = np.arange(6 * 3 * 4 * 2, dtype="float32").reshape(6, 3, 4, 2)


@pytest.mark.parametrize(
    "mode, axes",
    [("horizontal", (2,)), ("vertical", (1,)), ("horizontal_and_vertical", (1, 2))],
)
def test_each_image_flipped_or_kept(mode, axes):
    layer = layers.RandomFlip(mode, seed=2)
    out = to_numpy(layer(IMAGES, training=True))
    flipped = np.flip(IMAGES, axis=axes)
    is_flipped = [np.array_equal(o, f) for o, f in zip(out, flipped, strict=True)]
    is_kept = [np.array_equal(o, i) for o, i in zip(out, IMAGES, strict=True)]
    assert all(a or b for a, b in zip(is_flipped, is_kept, strict=True))
    assert 0 < sum(is_flipped) < len(IMAGES)
    again = to_numpy(layers.RandomFlip(mode, seed=2)(IMAGES, training=True))
    np.testing.assert_array_equal(again, out)
    np.testing.assert_array_equal(to_numpy(layer(IMAGES, training=False)), IMAGES)


def test_boxes_masks_and_channels_first():
    layer = layers.RandomFlip(
        "horizontal", seed=2, bounding_box_format="xyxy", data_format="channels_first"
    )
    images = np.moveaxis(IMAGES, -1, 1)  # (6, 2, 3, 4): width 4, height 3
    boxes = np.tile(np.array([[[0.0, 1.0, 1.0, 3.0]]], "float32"), (6, 1, 1))
    out = layer(
        {
            "images": images,
            "segmentation_masks": images[:, :1],
            "bounding_boxes": {"boxes": boxes, "labels": np.ones((6, 1), "int32")},
        },
        training=True,
    )
    out_images = to_numpy(out["images"])
    flipped = np.array(
        [
            np.array_equal(o, np.flip(i, axis=-1))
            for o, i in zip(out_images, images, strict=True)
        ]
    )
    np.testing.assert_array_equal(
        to_numpy(out["segmentation_masks"]), out_images[:, :1]
    )
    expected = np.where(flipped[:, None, None], [[3.0, 1.0, 4.0, 3.0]], boxes)
    np.testing.assert_allclose(to_numpy(out["bounding_boxes"]["boxes"]), expected)


def test_contract_and_errors():
    layer = layers.RandomFlip("vertical", seed=1)
    clone = check_config_round_trip(layer)
    assert clone.get_config()["mode"] == "vertical"
    check_symbolic_and_model(layer, IMAGES, IMAGES.shape[1:], IMAGES)
    with pytest.raises(ValueError, match=r"RandomFlip.*mode"):
        layers.RandomFlip("diagonal")
