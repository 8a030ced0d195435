"""keras_core.layers.RandomCrop."""

import numpy as np
import pytest
from layers.preprocessing.image.image_checks import IMAGES
from layers.preprocessing.image.image_checks import MASKS
from layers.preprocessing.image.image_checks import check_config_round_trip
from layers.preprocessing.image.image_checks import check_symbolic_and_model
from layers.preprocessing.image.image_checks import detection_data
from layers.preprocessing.image.image_checks import to_numpy

from keras_core import layers


def _window_of(out, images):
    """The (top, left) where `out` is a window of every image, or None."""
    height, width = out.shape[1:3]
    for top in range(images.shape[1] - height + 1):
        for left in range(images.shape[2] - width + 1):
            if np.array_equal(out, images[:, top : top + height, left : left + width]):
                return top, left
    return None


def test_training_crops_one_window_for_the_batch():
    layer = layers.RandomCrop(4, 6, seed=3)
    positions = set()
    for _ in range(4):
        out = to_numpy(layer(IMAGES, training=True))
        position = _window_of(out, IMAGES)
        assert position is not None
        positions.add(position)
    assert len(positions) > 1
    again = layers.RandomCrop(4, 6, seed=3)
    first = _window_of(to_numpy(again(IMAGES, training=True)), IMAGES)
    assert first == _window_of(
        to_numpy(layers.RandomCrop(4, 6, seed=3)(IMAGES, training=True)), IMAGES
    )


def test_inference_and_small_images_resize_the_ratio_window():
    # Target 5 x 5 from 10 x 20: the centered 10 x 10 window, halved.
    layer = layers.RandomCrop(5, 5, seed=1)
    out = to_numpy(layer(IMAGES, training=False))
    window = IMAGES[:, :, 5:15].reshape(2, 5, 2, 5, 2, 1).mean(axis=(2, 4))
    np.testing.assert_allclose(out, window, atol=1e-4)
    out = layers.RandomCrop(20, 20, seed=1)(np.full((2, 10, 20, 1), 2.0), training=True)
    np.testing.assert_allclose(to_numpy(out), 2.0, atol=1e-5)


def test_boxes_and_masks_follow_the_crop():
    layer = layers.RandomCrop(4, 6, seed=3, bounding_box_format="xyxy")
    boxes = np.array([[[0.0, 0.0, 20.0, 10.0], [0.0, 0.0, 0.5, 0.5]]] * 2, "float32")
    out = layer(detection_data(boxes), training=True)
    top, left = _window_of(to_numpy(out["images"]), IMAGES)
    np.testing.assert_array_equal(
        to_numpy(out["segmentation_masks"]), MASKS[:, top : top + 4, left : left + 6]
    )
    result = to_numpy(out["bounding_boxes"]["boxes"])
    np.testing.assert_allclose(result[:, 0], [[0.0, 0.0, 6.0, 4.0]] * 2)
    labels = to_numpy(out["bounding_boxes"]["labels"])
    assert (labels[:, 1] == -1).all() == (top > 0 or left > 0)


def test_contract_and_errors():
    layer = layers.RandomCrop(5, 5)
    assert isinstance(layer.get_config()["seed"], int)  # recorded, as Keras
    check_config_round_trip(layer)
    window = IMAGES[:, :, 5:15].reshape(2, 5, 2, 5, 2, 1).mean(axis=(2, 4))
    check_symbolic_and_model(layer, IMAGES, (5, 5, 1), window)
    with pytest.raises(ValueError, match=r"RandomCrop.*height"):
        layers.RandomCrop(2.5, 3)
