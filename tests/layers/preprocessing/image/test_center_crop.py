"""keras_core.layers.CenterCrop."""

import numpy as np
import pytest
from layers.preprocessing.image.image_checks import IMAGES
from layers.preprocessing.image.image_checks import MASKS
from layers.preprocessing.image.image_checks import check_config_round_trip
from layers.preprocessing.image.image_checks import check_symbolic_and_model
from layers.preprocessing.image.image_checks import detection_data
from layers.preprocessing.image.image_checks import to_numpy

from keras_core import layers


def test_crop_is_a_centered_slice():
    # top = (10 - 5) // 2 = 2, left = (20 - 7) // 2 = 6
    out = to_numpy(layers.CenterCrop(5, 7)(IMAGES))
    np.testing.assert_array_equal(out, IMAGES[:, 2:7, 6:13])
    out = layers.CenterCrop(5, 7)(IMAGES.astype("uint8"))
    assert to_numpy(out).dtype == np.float32
    layer = layers.CenterCrop(5, 7, data_format="channels_first")
    out = to_numpy(layer(np.moveaxis(IMAGES, -1, 1)))
    np.testing.assert_array_equal(out, np.moveaxis(IMAGES[:, 2:7, 6:13], -1, 1))


def test_small_images_are_cropped_to_ratio_and_resized():
    # 10 x 20 -> 20 x 20: the centered 10 x 10 window, doubled (nearest
    # would repeat; bilinear keeps a constant image constant).
    out = to_numpy(layers.CenterCrop(20, 20)(np.full((2, 10, 20, 1), 4.0)))
    np.testing.assert_allclose(out, 4.0, atol=1e-5)
    layer = layers.CenterCrop(20, 20, bounding_box_format="xyxy")
    out = layer(detection_data())
    # x -> (x - 5) * 2, y -> y * 2, clipped.
    np.testing.assert_allclose(
        to_numpy(out["bounding_boxes"]["boxes"])[0],
        [[0.0, 2.0, 2.0, 6.0], [6.0, 8.0, 14.0, 12.0]],
        atol=1e-4,
    )
    masks = to_numpy(out["segmentation_masks"])
    np.testing.assert_array_equal(masks, MASKS[:, :, 5:15].repeat(2, 1).repeat(2, 2))


def test_boxes_and_masks_cropped():
    out = layers.CenterCrop(6, 10, bounding_box_format="xyxy")(detection_data())
    # top 2, left 5; the first box is clipped at the window's corner.
    np.testing.assert_allclose(
        to_numpy(out["bounding_boxes"]["boxes"])[0],
        [[0.0, 0.0, 1.0, 1.0], [3.0, 2.0, 7.0, 4.0]],
    )
    np.testing.assert_array_equal(
        to_numpy(out["segmentation_masks"]), MASKS[:, 2:8, 5:15]
    )


def test_contract_and_errors():
    layer = layers.CenterCrop(5, 7)
    assert check_config_round_trip(layer).get_config()["width"] == 7
    check_symbolic_and_model(layer, IMAGES, (5, 7, 1), IMAGES[:, 2:7, 6:13])
    with pytest.raises(ValueError, match=r"CenterCrop.*width"):
        layers.CenterCrop(3, -1)
