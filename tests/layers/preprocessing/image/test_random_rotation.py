"""keras_core.layers.RandomRotation."""

import math
import os

import numpy as np
import pytest
from layers.preprocessing.image.image_checks import IMAGES
from layers.preprocessing.image.image_checks import MASKS
from layers.preprocessing.image.image_checks import check_config_round_trip
from layers.preprocessing.image.image_checks import check_symbolic_and_model
from layers.preprocessing.image.image_checks import detection_data
from layers.preprocessing.image.image_checks import to_numpy
from layers.preprocessing.image.image_checks import warp

import keras_core
from keras_core import layers

SQUARE = (slice(None), slice(None), slice(5, 15))  # centered in 10 x 20


@pytest.mark.parametrize("turns, k", [(0.25, 1), (-0.25, -1)])
def test_quarter_turns_match_rot90(turns, k):
    layer = layers.RandomRotation((turns, turns), interpolation="nearest", seed=1)
    out = to_numpy(layer(IMAGES, training=True))
    expected = np.rot90(IMAGES[SQUARE], k, axes=(1, 2))
    np.testing.assert_allclose(out[SQUARE], expected, atol=1e-5)


def test_half_turn_and_any_angle_match_numpy():
    layer = layers.RandomRotation((0.5, 0.5), seed=1)
    out = to_numpy(layer(IMAGES, training=True))
    np.testing.assert_allclose(out, IMAGES[:, ::-1, ::-1], atol=1e-4)
    layer = layers.RandomRotation((0.5, 0.5), data_format="channels_first", seed=1)
    out = to_numpy(layer(np.moveaxis(IMAGES, -1, 1), training=True))
    np.testing.assert_allclose(
        out, np.moveaxis(IMAGES[:, ::-1, ::-1], -1, 1), atol=1e-4
    )
    layer = layers.RandomRotation(
        (0.1, 0.1), fill_mode="constant", fill_value=2.0, seed=1
    )
    out = to_numpy(layer(IMAGES, training=True))
    angle = 0.1 * 2 * math.pi
    cos, sin = math.cos(angle), math.sin(angle)

    def inverse(xs, ys):  # counter-clockwise as displayed (y points down)
        dx, dy = xs - 9.5, ys - 4.5
        return 9.5 + cos * dx - sin * dy, 4.5 + sin * dx + cos * dy

    for image, result in zip(IMAGES, out, strict=True):
        np.testing.assert_allclose(result, warp(image, inverse, 1, 2.0), atol=1e-4)


def test_seeded_and_inference_identity():
    first = to_numpy(layers.RandomRotation(0.2, seed=3)(IMAGES, training=True))
    again = to_numpy(layers.RandomRotation(0.2, seed=3)(IMAGES, training=True))
    np.testing.assert_array_equal(first, again)
    assert not np.allclose(first[0], IMAGES[0])
    layer = layers.RandomRotation(0.2, seed=3)
    np.testing.assert_array_equal(to_numpy(layer(IMAGES, training=False)), IMAGES)


def test_boxes_and_masks_rotate():
    layer = layers.RandomRotation((0.25, 0.25), bounding_box_format="xyxy", seed=1)
    boxes = np.array([[[2.0, 1.0, 6.0, 3.0], [2.0, 1.0, 3.0, 3.0]]] * 2, "float32")
    out = layer(detection_data(boxes), training=True)
    # About the center (9.5, 4.5): (x, y) -> (9.5 + y - 4.5, 4.5 - x + 9.5):
    # x 2..6, y 1..3 -> x 6..8, y 8..12, clipped to the height 10; the
    # second box lands below the image and loses its label.
    result = to_numpy(out["bounding_boxes"]["boxes"])
    np.testing.assert_allclose(result[:, 0], [[6.0, 8.0, 8.0, 10.0]] * 2, atol=1e-4)
    labels = to_numpy(out["bounding_boxes"]["labels"])
    np.testing.assert_array_equal(labels, [[1, -1], [1, -1]])
    masks = to_numpy(out["segmentation_masks"])
    np.testing.assert_array_equal(masks[SQUARE], np.rot90(MASKS[SQUARE], 1, (1, 2)))


def test_contract_save_load_and_errors(tmp_path):
    layer = layers.RandomRotation(0.3, fill_mode="constant", seed=2)
    assert check_config_round_trip(layer).factor == (-0.3, 0.3)
    check_symbolic_and_model(layer, IMAGES, IMAGES.shape[1:], IMAGES)
    inputs = keras_core.Input(IMAGES.shape[1:])
    model = keras_core.Model(inputs, layer(inputs))
    path = os.path.join(tmp_path, "rotation.keras")
    model.save(path)
    restored = keras_core.saving.load_model(path)
    assert restored.layers[-1].get_config() == layer.get_config()
    np.testing.assert_array_equal(restored.predict(IMAGES, verbose=0), IMAGES)
    for bad in (dict(factor=1.5), dict(factor=0.1, fill_mode="mirror")):
        with pytest.raises(ValueError, match="RandomRotation"):
            layers.RandomRotation(**bad)
    with pytest.raises(ValueError, match="interpolation"):
        layers.RandomRotation(0.1, interpolation="bicubic")


def test_in_a_tf_data_pipeline():
    tf = pytest.importorskip("tensorflow")
    layer = layers.RandomRotation(
        (0.5, 0.5), interpolation="nearest", bounding_box_format="xyxy", seed=1
    )
    boxes = np.array([[[2.0, 1.0, 6.0, 3.0], [8.0, 4.0, 12.0, 6.0]]] * 4, "float32")
    data = {
        "images": np.concatenate([IMAGES, IMAGES[::-1]]),
        "bounding_boxes": {"boxes": boxes, "labels": np.ones((4, 2), "int32")},
    }
    dataset = tf.data.Dataset.from_tensor_slices(data).batch(2).map(layer)
    batches = list(dataset.as_numpy_iterator())
    images = np.concatenate([batch["images"] for batch in batches])
    np.testing.assert_allclose(images, data["images"][:, ::-1, ::-1], atol=1e-5)
    # Half a turn about (9.5, 4.5): x -> 19 - x, y -> 9 - y.
    result = np.concatenate([batch["bounding_boxes"]["boxes"] for batch in batches])
    np.testing.assert_allclose(result[:, 0], [[13.0, 6.0, 17.0, 8.0]] * 4, atol=1e-4)
