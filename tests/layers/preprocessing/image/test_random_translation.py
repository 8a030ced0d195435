"""keras_core.layers.RandomTranslation."""

import numpy as np
import pytest
from layers.preprocessing.image.image_checks import IMAGES
from layers.preprocessing.image.image_checks import MASKS
from layers.preprocessing.image.image_checks import check_config_round_trip
from layers.preprocessing.image.image_checks import check_symbolic_and_model
from layers.preprocessing.image.image_checks import detection_data
from layers.preprocessing.image.image_checks import to_numpy
from layers.preprocessing.image.image_checks import warp

from keras_core import layers


def _shifted(images, down, left, fill):
    """np.roll by whole pixels (down, left), `fill` where pixels came in."""
    out = np.roll(images, (down, -left), axis=(1, 2))
    out[:, :down] = fill
    out[:, :, out.shape[2] - left :] = fill
    return out


def test_whole_pixel_shifts_match_roll():
    layer = layers.RandomTranslation(
        (0.1, 0.1), (-0.1, -0.1), fill_mode="constant", fill_value=-1.0, seed=1
    )
    out = to_numpy(layer(IMAGES, training=True))
    np.testing.assert_allclose(out, _shifted(IMAGES, 1, 2, -1.0), atol=1e-5)
    # "reflect" repeats the edge pixel first: d c b a | a b c d.
    layer = layers.RandomTranslation((0.1, 0.1), 0.0, seed=1)
    out = to_numpy(layer(IMAGES, training=True))
    np.testing.assert_allclose(out[:, 0], IMAGES[:, 0], atol=1e-5)
    np.testing.assert_allclose(out[:, 1:], IMAGES[:, :-1], atol=1e-5)


def test_fractional_shift_matches_numpy_bilinear():
    layer = layers.RandomTranslation((0.05, 0.05), (0.075, 0.075), fill_mode="constant")
    out = to_numpy(layer(IMAGES, training=True))
    for image, result in zip(IMAGES, out, strict=True):
        expected = warp(image, lambda xs, ys: (xs - 1.5, ys - 0.5))
        np.testing.assert_allclose(result, expected, atol=1e-4)


def test_boxes_masks_seed_and_inference():
    layer = layers.RandomTranslation(
        (0.5, 0.5), (0.2, 0.2), bounding_box_format="xyxy", seed=3
    )
    out = layer(detection_data(), training=True)
    # 5 pixels down and 4 right; the second box is clipped at the bottom.
    np.testing.assert_allclose(
        to_numpy(out["bounding_boxes"]["boxes"])[0],
        [[6.0, 6.0, 10.0, 8.0], [12.0, 9.0, 16.0, 10.0]],
        atol=1e-4,
    )
    masks = to_numpy(out["segmentation_masks"])
    np.testing.assert_array_equal(masks[:, 5:, 4:], MASKS[:, :5, :16])
    random = layers.RandomTranslation(0.3, 0.3, seed=5)
    first = to_numpy(random(IMAGES, training=True))
    again = to_numpy(layers.RandomTranslation(0.3, 0.3, seed=5)(IMAGES, training=True))
    np.testing.assert_array_equal(first, again)
    np.testing.assert_array_equal(to_numpy(random(IMAGES, training=False)), IMAGES)


def test_contract_and_errors():
    layer = layers.RandomTranslation(0.1, (-0.2, 0.3), fill_mode="wrap", seed=1)
    config = check_config_round_trip(layer).get_config()
    assert config["height_factor"] == 0.1 and config["width_factor"] == (-0.2, 0.3)
    check_symbolic_and_model(layer, IMAGES, IMAGES.shape[1:], IMAGES)
    with pytest.raises(ValueError, match=r"RandomTranslation.*height_factor"):
        layers.RandomTranslation(1.5, 0.1)
    with pytest.raises(ValueError, match="fill_mode"):
        layers.RandomTranslation(0.1, 0.1, fill_mode="edge")
