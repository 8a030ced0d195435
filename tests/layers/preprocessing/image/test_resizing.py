"""keras_core.layers.Resizing."""

import numpy as np
import pytest
from layers.preprocessing.image.image_checks import IMAGES
from layers.preprocessing.image.image_checks import MASKS
from layers.preprocessing.image.image_checks import check_config_round_trip
from layers.preprocessing.image.image_checks import check_symbolic_and_model
from layers.preprocessing.image.image_checks import detection_data
from layers.preprocessing.image.image_checks import to_numpy

import keras_core
from keras_core import layers


def _block_means(images, size):
    """Halving with pixel centers at half-integers averages 2 x 2 blocks."""
    batch, height, width, channels = images.shape
    blocks = images.reshape(batch, height // size, size, width // size, size, channels)
    return blocks.mean(axis=(2, 4))


def test_resize_crop_and_pad_match_numpy():
    out = to_numpy(layers.Resizing(5, 10)(IMAGES))
    np.testing.assert_allclose(out, _block_means(IMAGES, 2), atol=1e-4)
    # The centered 10 x 10 window (columns 5..14), halved.
    out = to_numpy(layers.Resizing(5, 5, crop_to_aspect_ratio=True)(IMAGES))
    np.testing.assert_allclose(out, _block_means(IMAGES[:, :, 5:15], 2), atol=1e-4)
    # Padded to 20 x 20 (5 rows of 3.0 above and below), then quartered.
    layer = layers.Resizing(20, 20, pad_to_aspect_ratio=True, fill_value=3.0)
    expected = np.pad(IMAGES, ((0, 0), (5, 5), (0, 0), (0, 0)), constant_values=3.0)
    np.testing.assert_allclose(to_numpy(layer(IMAGES)), expected, atol=1e-5)
    layer = layers.Resizing(20, 40, interpolation="nearest")
    expected = IMAGES.repeat(2, axis=1).repeat(2, axis=2)
    np.testing.assert_allclose(to_numpy(layer(IMAGES)), expected, atol=1e-5)


def test_integer_dtype_kept_and_channels_first():
    ints = (IMAGES * 20).astype("uint8")
    out = layers.Resizing(20, 40, interpolation="nearest")(ints)
    assert keras_core.backend.standardize_dtype(out.dtype) == "uint8"
    np.testing.assert_array_equal(to_numpy(out), ints.repeat(2, 1).repeat(2, 2))
    layer = layers.Resizing(5, 10, data_format="channels_first")
    out = to_numpy(layer(np.moveaxis(IMAGES, -1, 1)))
    np.testing.assert_allclose(
        out, np.moveaxis(_block_means(IMAGES, 2), -1, 1), atol=1e-4
    )


def test_boxes_and_masks_follow():
    out = layers.Resizing(5, 10, bounding_box_format="xyxy")(detection_data())
    np.testing.assert_allclose(  # halved
        to_numpy(out["bounding_boxes"]["boxes"])[0],
        [[1.0, 0.5, 3.0, 1.5], [4.0, 2.0, 6.0, 3.0]],
        atol=1e-5,
    )
    assert tuple(out["segmentation_masks"].shape) == (2, 5, 10, 1)
    layer = layers.Resizing(5, 5, crop_to_aspect_ratio=True, bounding_box_format="xyxy")
    out = layer(detection_data())
    # Window columns 5..14, then halved: x -> (x - 5) / 2, clipped.
    np.testing.assert_allclose(
        to_numpy(out["bounding_boxes"]["boxes"])[0],
        [[0.0, 0.5, 0.5, 1.5], [1.5, 2.0, 3.5, 3.0]],
        atol=1e-5,
    )
    layer = layers.Resizing(20, 40, interpolation="nearest", bounding_box_format="xyxy")
    masks = to_numpy(layer(detection_data())["segmentation_masks"])
    np.testing.assert_array_equal(masks, MASKS.repeat(2, 1).repeat(2, 2))
    layer = layers.Resizing(
        20, 20, pad_to_aspect_ratio=True, bounding_box_format="xyxy"
    )
    out = layer(detection_data())
    np.testing.assert_allclose(  # 5 rows added above
        to_numpy(out["bounding_boxes"]["boxes"])[0, 0], [2.0, 6.0, 6.0, 8.0], atol=1e-5
    )


def test_contract_and_errors():
    layer = layers.Resizing(5, 10, interpolation="area", antialias=True)
    config = check_config_round_trip(layer).get_config()
    assert config["interpolation"] == "area" and config["antialias"] is True
    check_symbolic_and_model(
        layers.Resizing(5, 10), IMAGES, (5, 10, 1), _block_means(IMAGES, 2)
    )
    with pytest.raises(ValueError, match=r"Resizing.*height"):
        layers.Resizing(0, 3)
    with pytest.raises(ValueError, match=r"Resizing.*interpolation"):
        layers.Resizing(3, 3, interpolation="cubic")
    with pytest.raises(ValueError, match="only one of"):
        layers.Resizing(3, 3, crop_to_aspect_ratio=True, pad_to_aspect_ratio=True)
