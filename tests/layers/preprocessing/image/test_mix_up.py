"""keras_core.layers.MixUp."""

import numpy as np
import pytest
from layers.preprocessing.image.image_checks import check_config_round_trip
from layers.preprocessing.image.image_checks import to_numpy

import keras_core
from keras_core import layers

BATCH = 6
IMAGES = np.random.default_rng(0).uniform(0, 255, (BATCH, 32, 32, 2)).astype("float32")
LABELS = np.eye(BATCH, dtype="float32")


def test_images_and_labels_blend_with_the_same_weight():
    layer = layers.MixUp(alpha=1.0, seed=3)
    masks = np.random.default_rng(1).integers(0, 3, (BATCH, 32, 32, 1))
    data = {"images": IMAGES, "labels": LABELS, "segmentation_masks": masks}
    out = layer(data, training=True)
    images, labels = to_numpy(out["images"]), to_numpy(out["labels"])
    np.testing.assert_allclose(labels.sum(1), 1.0, atol=1e-6)
    mixed = 0
    for index in range(BATCH):
        # The labels name the partner and the weight lam; the image must be
        # lam * own + (1 - lam) * partner.
        lam = labels[index, index]
        others = [j for j in range(BATCH) if j != index and labels[index, j] > 0]
        partner = others[0] if others else index
        mixed += bool(others)
        expected = lam * IMAGES[index] + (1 - lam) * IMAGES[partner]
        np.testing.assert_allclose(images[index], expected, atol=1e-3)
        expected = lam * masks[index] + (1 - lam) * masks[partner]
        np.testing.assert_allclose(
            to_numpy(out["segmentation_masks"])[index], expected, atol=1e-5
        )
    assert mixed >= 2


def test_bounding_boxes_of_both_images_are_kept():
    boxes = np.arange(BATCH * 2 * 4, dtype="float32").reshape(BATCH, 2, 4)
    box_labels = np.arange(BATCH * 2, dtype="float32").reshape(BATCH, 2)
    layer = layers.MixUp(seed=1, bounding_box_format="xyxy")
    transformation = layer.get_random_transformation(IMAGES)
    permutation = to_numpy(transformation["permutation_order"])
    out = layer.transform_bounding_boxes(
        {"boxes": boxes, "labels": box_labels}, transformation
    )
    np.testing.assert_array_equal(
        to_numpy(out["boxes"]), np.concatenate([boxes, boxes[permutation]], 1)
    )
    np.testing.assert_array_equal(
        to_numpy(out["labels"]),
        np.concatenate([box_labels, box_labels[permutation]], 1),
    )
    symbolic = layer(
        {
            "images": keras_core.Input((32, 32, 2)),
            "bounding_boxes": {
                "boxes": keras_core.Input((2, 4)),
                "labels": keras_core.Input((2,)),
            },
        },
        training=True,
    )
    assert tuple(symbolic["bounding_boxes"]["boxes"].shape) == (None, 4, 4)
    assert tuple(symbolic["bounding_boxes"]["labels"].shape) == (None, 4)


@pytest.mark.parametrize("alpha", [0.2, 1.0])
def test_weights_follow_beta(alpha):
    layer = layers.MixUp(alpha=alpha, seed=5)
    draws = [layer.get_random_transformation(IMAGES) for _ in range(150)]
    weights = np.concatenate([to_numpy(draw["mix_weight"]) for draw in draws])
    variance = 1 / (4 * (2 * alpha + 1))
    assert abs(weights.mean() - 0.5) < 0.03
    assert abs(weights.var() - variance) < 0.015
    for draw in draws[:20]:
        permutation = to_numpy(draw["permutation_order"])
        np.testing.assert_array_equal(np.sort(permutation), np.arange(BATCH))


def test_seeded_inference_identity_and_model():
    layer = layers.MixUp(seed=7)
    first = to_numpy(layer(IMAGES, training=True))
    again = layers.MixUp(seed=7)
    np.testing.assert_array_equal(to_numpy(again(IMAGES, training=True)), first)
    out = layer({"images": IMAGES.astype("uint8"), "labels": LABELS}, training=False)
    assert to_numpy(out["images"]).dtype == np.float32
    np.testing.assert_array_equal(to_numpy(out["images"]), IMAGES.astype("uint8"))
    np.testing.assert_array_equal(to_numpy(out["labels"]), LABELS)
    inputs = keras_core.Input((32, 32, 2))
    outputs = layer(inputs)
    assert tuple(outputs.shape) == (None, 32, 32, 2) and outputs.dtype == "float32"
    model = keras_core.Model(inputs, outputs)
    np.testing.assert_array_equal(model.predict(IMAGES, verbose=0), IMAGES)


def test_config_and_errors():
    layer = layers.MixUp(alpha=0.4, seed=1)
    config = layer.get_config()
    assert list(config)[3:] == ["data_format", "alpha", "seed"]
    assert config["alpha"] == 0.4
    check_config_round_trip(layer)
    with pytest.raises(ValueError, match="alpha"):
        layers.MixUp(alpha=0)
    with pytest.raises(ValueError, match="alpha"):
        layers.MixUp(alpha=(0.2, 0.4))
