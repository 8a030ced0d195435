"""keras_core.layers.CutMix."""

import numpy as np
import pytest
from layers.preprocessing.image.image_checks import check_config_round_trip
from layers.preprocessing.image.image_checks import to_numpy

import keras_core
from keras_core import layers

# Image i is the constant 10 * (i + 1), so each output pixel names its source.
BATCH = 6
IMAGES = np.broadcast_to(
    10.0 * np.arange(1, BATCH + 1, dtype="float32").reshape(-1, 1, 1, 1),
    (BATCH, 32, 32, 2),
).copy()
LABELS = np.eye(BATCH, dtype="float32")


def test_pasted_area_matches_the_label_weights():
    layer = layers.CutMix(factor=(1.0, 1.0), seed=3)
    out = layer({"images": IMAGES, "labels": LABELS}, training=True)
    images, labels = to_numpy(out["images"]), to_numpy(out["labels"])
    np.testing.assert_allclose(labels.sum(1), 1.0, atol=1e-6)
    mixed = 0
    for index in range(BATCH):
        own = IMAGES[index, 0, 0, 0]
        values = np.unique(images[index])
        assert len(values) <= 2 and set(values) <= set(IMAGES[:, 0, 0, 0])
        partner = [v for v in values if v != own]
        if not partner:
            continue
        mixed += 1
        partner_index = int(partner[0] / 10) - 1
        pasted = np.mean(images[index] == partner[0])
        # lam * own label + (1 - lam) * partner label, lam = 1 - area share
        # (up to one pixel row and column of a 32 x 32 image).
        assert abs(labels[index, partner_index] - pasted) < 0.07
        assert abs(labels[index, index] - (1 - pasted)) < 0.07
        assert np.all(images[index, ..., 0] == images[index, ..., 1])
    assert mixed >= 2


def test_transform_matches_numpy():
    rng = np.random.default_rng(0)
    images = rng.uniform(0, 255, IMAGES.shape).astype("float32")
    masks = rng.uniform(size=IMAGES.shape[:3]) < 0.4
    permutation = np.array([2, 0, 3, 1, 5, 4], "int32")
    weights = np.array([0.1, 0.5, 0.7, 1.0, 0.2, 0.3], "float32")
    transformation = {
        "permutation_order": permutation,
        "batch_masks": masks,
        "mix_weight": weights,
    }
    layer = layers.CutMix()
    out = to_numpy(layer.transform_images(images, transformation))
    expected = np.where(masks[..., None], images[permutation], images)
    np.testing.assert_array_equal(out, expected)
    labels = to_numpy(layer.transform_labels(LABELS, transformation))
    expected = weights[:, None] * LABELS + (1 - weights[:, None]) * LABELS[permutation]
    np.testing.assert_allclose(labels, expected, atol=1e-6)
    segmentation = images[..., :1]
    out = to_numpy(layer.transform_segmentation_masks(segmentation, transformation))
    expected = np.where(masks[..., None], segmentation[permutation], segmentation)
    np.testing.assert_array_equal(out, expected)
    layer = layers.CutMix(data_format="channels_first")
    out = layer.transform_images(np.moveaxis(images, -1, 1), transformation)
    np.testing.assert_array_equal(
        np.moveaxis(to_numpy(out), 1, -1),
        np.where(masks[..., None], images[permutation], images),
    )


def test_random_draws():
    layer = layers.CutMix(factor=(1.0, 1.0), seed=5)
    draws = [layer.get_random_transformation(IMAGES) for _ in range(150)]
    weights = np.concatenate([to_numpy(draw["mix_weight"]) for draw in draws])
    # Beta(1, 1) is uniform: variance 1 / 12.
    assert abs(weights.mean() - 0.5) < 0.03 and abs(weights.var() - 1 / 12) < 0.01
    for draw in draws[:20]:
        permutation = to_numpy(draw["permutation_order"])
        np.testing.assert_array_equal(np.sort(permutation), np.arange(BATCH))
    assert layer.get_random_transformation(IMAGES, training=False) is None


def test_seeded_inference_identity_and_model():
    layer = layers.CutMix(seed=7)
    first = to_numpy(layer(IMAGES, training=True))
    again = layers.CutMix(seed=7)
    np.testing.assert_array_equal(to_numpy(again(IMAGES, training=True)), first)
    data = {"images": IMAGES.astype("uint8"), "labels": LABELS}
    out = layer(data, training=False)
    assert to_numpy(out["images"]).dtype == np.float32
    np.testing.assert_array_equal(to_numpy(out["images"]), IMAGES)
    np.testing.assert_array_equal(to_numpy(out["labels"]), LABELS)
    inputs = keras_core.Input((32, 32, 2))
    outputs = layer(inputs)
    assert tuple(outputs.shape) == (None, 32, 32, 2) and outputs.dtype == "float32"
    model = keras_core.Model(inputs, outputs)
    np.testing.assert_array_equal(model.predict(IMAGES, verbose=0), IMAGES)
    symbolic = layer(
        {
            "images": keras_core.Input((32, 32, 2)),
            "labels": keras_core.Input((BATCH,)),
            "segmentation_masks": keras_core.Input((32, 32, 1)),
        }
    )
    assert tuple(symbolic["segmentation_masks"].shape) == (None, 32, 32, 1)
    assert tuple(symbolic["labels"].shape) == (None, BATCH)


def test_config_and_errors():
    layer = layers.CutMix(factor=(0.2, 0.4), seed=1)
    config = layer.get_config()
    assert list(config)[3:] == ["data_format", "factor", "seed"]
    assert layers.CutMix(0.5).get_config()["factor"] == (0, 0.5)
    check_config_round_trip(layer)
    with pytest.raises(ValueError, match="factor"):
        layers.CutMix(factor=2.0)
    boxes = {"boxes": np.zeros((BATCH, 1, 4)), "labels": np.zeros((BATCH, 1))}
    with pytest.raises(ValueError, match="bounding boxes"):
        layers.CutMix(bounding_box_format="xyxy")(
            {"images": IMAGES, "bounding_boxes": boxes}, training=True
        )
