"""keras_core.layers.RandomZoom."""

import numpy as np
import pytest
from layers.preprocessing.image.image_checks import IMAGES
from layers.preprocessing.image.image_checks import check_config_round_trip
from layers.preprocessing.image.image_checks import check_symbolic_and_model
from layers.preprocessing.image.image_checks import detection_data
from layers.preprocessing.image.image_checks import to_numpy
from layers.preprocessing.image.image_checks import warp

from keras_core import layers


def _zoomed(zoom_x, zoom_y):
    """Output (x, y) reads center + (p - center) * (1 + zoom)."""
    return lambda xs, ys: (9.5 + (xs - 9.5) * zoom_x, 4.5 + (ys - 4.5) * zoom_y)


def test_zoom_matches_numpy_reference():
    layer = layers.RandomZoom(
        (0.7, 0.7), fill_mode="constant", interpolation="nearest", seed=1
    )
    out = to_numpy(layer(IMAGES, training=True))
    for image, result in zip(IMAGES, out, strict=True):
        np.testing.assert_allclose(result, warp(image, _zoomed(1.7, 1.7), 0), atol=1e-5)
    layer = layers.RandomZoom((-0.4, -0.4), (0.2, 0.2), fill_mode="constant", seed=1)
    out = to_numpy(layer(IMAGES, training=True))
    for image, result in zip(IMAGES, out, strict=True):
        np.testing.assert_allclose(result, warp(image, _zoomed(1.2, 0.6)), atol=1e-4)


def test_boxes_follow_and_inference_identity():
    layer = layers.RandomZoom((-0.5, -0.5), (0.25, 0.25), bounding_box_format="xyxy")
    out = layer(detection_data(), training=True)
    # x -> 9.5 + (x - 9.5) / 1.25, y -> 4.5 + (y - 4.5) / 0.5, clipped.
    np.testing.assert_allclose(
        to_numpy(out["bounding_boxes"]["boxes"])[0],
        [[3.5, 0.0, 6.7, 1.5], [8.3, 3.5, 11.5, 7.5]],
        atol=1e-4,
    )
    layer = layers.RandomZoom(0.3, seed=2)
    first = to_numpy(layer(IMAGES, training=True))
    np.testing.assert_array_equal(
        first, to_numpy(layers.RandomZoom(0.3, seed=2)(IMAGES, training=True))
    )
    np.testing.assert_array_equal(to_numpy(layer(IMAGES, training=False)), IMAGES)


def test_contract_and_errors():
    layer = layers.RandomZoom((0.3, -0.2), fill_mode="nearest", seed=1)
    assert check_config_round_trip(layer).get_config()["height_factor"] == (0.3, -0.2)
    check_symbolic_and_model(layer, IMAGES, IMAGES.shape[1:], IMAGES)
    for bad in (1.5, -1.0, (-1.5, 0.2)):
        with pytest.raises(ValueError, match=r"RandomZoom.*factor"):
            layers.RandomZoom(bad)
