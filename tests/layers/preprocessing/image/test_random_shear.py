"""keras_core.layers.RandomShear."""

import numpy as np
import pytest
from layers.preprocessing.image.image_checks import IMAGES
from layers.preprocessing.image.image_checks import check_config_round_trip
from layers.preprocessing.image.image_checks import check_symbolic_and_model
from layers.preprocessing.image.image_checks import detection_data
from layers.preprocessing.image.image_checks import to_numpy
from layers.preprocessing.image.image_checks import warp

from keras_core import layers


def _sheared_either_way(layer, inverse):
    """Each output image matches the NumPy shear by +s or -s."""
    out = to_numpy(layer(IMAGES, training=True))
    for image, result in zip(IMAGES, out, strict=True):
        candidates = [warp(image, inverse(s)) for s in (1.0, -1.0)]
        assert any(np.allclose(result, c, atol=1e-4) for c in candidates)


def test_shears_match_numpy_reference():
    # Output (x, y) reads the input at (x - s y, y), the top row fixed.
    layer = layers.RandomShear((0.2, 0.2), fill_mode="constant", seed=4)
    _sheared_either_way(layer, lambda s: lambda xs, ys: (xs - 0.2 * s * ys, ys))
    layer = layers.RandomShear(0.0, (0.3, 0.3), fill_mode="constant", seed=4)
    _sheared_either_way(layer, lambda s: lambda xs, ys: (xs, ys - 0.3 * s * xs))


def test_both_signs_drawn_and_boxes_enclose_sheared_corners():
    layer = layers.RandomShear((0.2, 0.2), bounding_box_format="xyxy", seed=1)
    seen = set()
    for _ in range(6):
        out = layer(detection_data(), training=True)
        # Forward map x -> x + s y: the rows 1..3 of box 0 move by s..3s.
        for box in to_numpy(out["bounding_boxes"]["boxes"])[:, 0]:
            if np.allclose(box, [2.2, 1, 6.6, 3], atol=1e-4):
                seen.add(1)
            else:
                np.testing.assert_allclose(box, [1.4, 1, 5.8, 3], atol=1e-4)
                seen.add(-1)
    assert seen == {1, -1}


def test_seed_inference_contract_and_errors():
    layer = layers.RandomShear(0.3, 0.1, seed=3)
    first = to_numpy(layer(IMAGES, training=True))
    again = to_numpy(layers.RandomShear(0.3, 0.1, seed=3)(IMAGES, training=True))
    np.testing.assert_array_equal(first, again)
    np.testing.assert_array_equal(to_numpy(layer(IMAGES, training=False)), IMAGES)
    config = check_config_round_trip(layer).get_config()
    assert config["x_factor"] == 0.3 and config["fill_mode"] == "reflect"
    check_symbolic_and_model(layer, IMAGES, IMAGES.shape[1:], IMAGES)
    for bad in (-0.5, 1.5, (0.2, -0.1)):
        with pytest.raises(ValueError, match=r"RandomShear.*x_factor"):
            layers.RandomShear(bad)
