"""keras_core.layers.RandAugment."""

import numpy as np
import pytest
from layers.preprocessing.image.image_checks import check_config_round_trip
from layers.preprocessing.image.image_checks import to_numpy
from layers.preprocessing.image.test_auto_contrast import auto_contrast_reference
from layers.preprocessing.image.test_equalization import equalize_reference

import keras_core
from keras_core import layers

IMAGES = np.random.default_rng(0).integers(0, 256, (2, 6, 6, 3)).astype("float32")
NAMES = [
    "random_shear",
    "random_translation",
    "random_rotation",
    "random_brightness",
    "random_color_degeneration",
    "random_contrast",
    "random_sharpness",
    "solarization",
    "random_posterization",
    "auto_contrast",
    "equalization",
]


def _with_indices(layer, data, indices):
    transformation = layer.get_random_transformation(data)
    transformation["layer_idxes"] = np.array(indices, "int32")
    return transformation


def test_chosen_augmentations_run_in_order():
    layer = layers.RandAugment(num_ops=2, seed=1)
    transformation = _with_indices(layer, IMAGES, [10, 9])  # equalize, stretch
    out = to_numpy(layer.transform_images(IMAGES, transformation))
    expected = auto_contrast_reference(equalize_reference(IMAGES))
    np.testing.assert_allclose(out, expected, atol=1e-3)
    # Random augmentations run with their drawn parameters, one after the
    # other; segmentation masks and boxes follow the geometric ones only.
    transformation = _with_indices(layer, IMAGES, [3, 1])
    brightness = transformation["transforms"]["random_brightness"]
    shift = transformation["transforms"]["random_translation"]
    expected = layer.random_translation.transform_images(
        layer.random_brightness.transform_images(IMAGES, brightness), shift
    )
    out = layer.transform_images(IMAGES, transformation)
    np.testing.assert_allclose(to_numpy(out), to_numpy(expected), atol=1e-4)
    masks = np.random.default_rng(1).integers(0, 3, (2, 6, 6, 1)).astype("float32")
    out = layer.transform_segmentation_masks(masks, transformation)
    expected = layer.random_translation.transform_segmentation_masks(masks, shift)
    np.testing.assert_array_equal(to_numpy(out), to_numpy(expected))
    assert np.abs(to_numpy(out) - masks).max() > 0


def test_boxes_move_with_geometric_augmentations():
    layer = layers.RandAugment(num_ops=2, seed=2, bounding_box_format="xyxy")
    boxes = {
        "boxes": np.array([[[1, 1, 3, 4]], [[0, 2, 5, 5]]], "float32"),
        "labels": np.ones((2, 1), "float32"),
    }
    data = {"images": IMAGES, "bounding_boxes": boxes}
    transformation = _with_indices(layer, data, [1, 7])  # translate, solarize
    out = layer.transform_bounding_boxes(boxes, transformation)
    shift = transformation["transforms"]["random_translation"]
    expected = layer.random_translation.transform_bounding_boxes(boxes, shift)
    np.testing.assert_allclose(
        to_numpy(out["boxes"]), to_numpy(expected["boxes"]), atol=1e-5
    )
    out = layer(data, training=True)
    assert tuple(out["bounding_boxes"]["boxes"].shape) == (2, 1, 4)


def test_draws_and_sub_layer_settings():
    layer = layers.RandAugment(num_ops=300, seed=3)
    indices = to_numpy(layer.get_random_transformation(IMAGES)["layer_idxes"])
    counts = np.bincount(indices, minlength=len(NAMES))
    assert len(counts) == len(NAMES) and counts.min() > 10  # with replacement
    layer = layers.RandAugment(factor=0.8, value_range=(0, 1), interpolation="nearest")
    assert layer.random_posterization.get_config()["factor"] == (1, 6)
    assert layers.RandAugment(factor=0.1).random_posterization.factor == (1, 1)
    assert layer.random_rotation.interpolation == "nearest"
    assert layer.random_shear.fill_mode == "reflect"
    assert layer.random_contrast.get_config()["factor"] == (0, 0.8)
    assert list(layer.solarization.value_range) == [0, 1]


def test_seeded_inference_identity_and_model():
    layer = layers.RandAugment(seed=4)
    first = to_numpy(layer(IMAGES, training=True))
    again = layers.RandAugment(seed=4)
    np.testing.assert_array_equal(to_numpy(again(IMAGES, training=True)), first)
    out = layer(IMAGES.astype("uint8"), training=False)
    assert to_numpy(out).dtype == np.float32
    np.testing.assert_array_equal(to_numpy(out), IMAGES)
    inputs = keras_core.Input((6, 6, 3))
    outputs = layer(inputs)
    assert tuple(outputs.shape) == (None, 6, 6, 3) and outputs.dtype == "float32"
    model = keras_core.Model(inputs, outputs)
    np.testing.assert_array_equal(model.predict(IMAGES, verbose=0), IMAGES)


def test_saved_model_round_trip(tmp_path):
    inputs = keras_core.Input((6, 6, 3))
    layer = layers.RandAugment(value_range=(0, 1), num_ops=3, factor=0.3, seed=9)
    model = keras_core.Model(inputs, layer(inputs))
    model.save(tmp_path / "model.keras")
    restored = keras_core.saving.load_model(tmp_path / "model.keras")
    restored_layer = restored.layers[-1]
    assert isinstance(restored_layer, layers.RandAugment)
    assert restored_layer.get_config() == layer.get_config()
    assert restored_layer.random_posterization.factor == (1, 2)


@pytest.mark.skipif(
    keras_core.config.backend() == "numpy", reason="the numpy backend cannot train"
)
def test_trains_in_a_compiled_step():
    # Under jit / tf.function the augmentation index is a traced tensor.
    inputs = keras_core.Input((4, 4, 3))
    augmented = layers.RandAugment(value_range=(0, 1), num_ops=1, seed=5)(inputs)
    outputs = layers.Dense(1)(layers.Flatten()(augmented))
    model = keras_core.Model(inputs, outputs)
    model.compile("sgd", "mse")
    images = IMAGES[:, :4, :4] / 255
    history = model.fit(images, np.ones((2, 1)), epochs=1, verbose=0)
    assert np.isfinite(history.history["loss"][0])


def test_config_and_errors():
    layer = layers.RandAugment(value_range=(0, 1), num_ops=3, factor=0.3, seed=2)
    config = layer.get_config()
    assert list(config)[3:] == [
        "data_format",
        "value_range",
        "num_ops",
        "factor",
        "interpolation",
        "seed",
    ]
    assert config["factor"] == (0, 0.3) and config["value_range"] == (0, 1)
    check_config_round_trip(layer)
    with pytest.raises(ValueError, match="num_ops"):
        layers.RandAugment(num_ops=-1)
    with pytest.raises(ValueError, match="interpolation"):
        layers.RandAugment(interpolation="bicubic")
    with pytest.raises(ValueError, match="factor"):
        layers.RandAugment(factor=1.5)
    with pytest.raises(ValueError, match="value_range"):
        layers.RandAugment(value_range=(0,))
