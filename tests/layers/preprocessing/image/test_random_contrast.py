"""keras_core.layers.RandomContrast."""

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops

IMAGES = np.random.default_rng(0).uniform(0, 255, (3, 4, 5, 3)).astype("float32")


def _np(x):
    return ops.convert_to_numpy(x)


def _reference(images, contrast_factor, low, high):
    mean = images.mean(axis=(1, 2), keepdims=True)
    return np.clip((images - mean) * contrast_factor + mean, low, high)


@pytest.mark.parametrize(
    "value_range,data_format",
    [((0, 255), "channels_last"), ((-1, 1), "channels_first")],
)
def test_transform_matches_numpy(value_range, data_format):
    low, high = value_range
    images = IMAGES / 255 * (high - low) + low
    contrast_factor = np.array([1.5, 0.5, 0.9], "float32").reshape(3, 1, 1, 1)
    expected = _reference(images, contrast_factor, low, high)
    layer = layers.RandomContrast(0.5, value_range=value_range, data_format=data_format)
    if data_format == "channels_first":
        images = np.moveaxis(images, -1, 1)
    out = _np(layer.transform_images(images, {"contrast_factor": contrast_factor}))
    if data_format == "channels_first":
        out = np.moveaxis(out, 1, -1)
    np.testing.assert_allclose(out, expected, rtol=1e-5, atol=1e-4 * (high - low))
    # The raised contrast pushes some pixels past the range: they are clipped.
    assert out.max() == high and out.min() == low


def test_random_draws_per_image_in_range():
    layer = layers.RandomContrast((0.7, 0.2), seed=3)
    assert layer.factor == (0.2, 0.7)
    draws = _np(
        layer.get_random_transformation(np.zeros((1000, 1, 1, 3)))["contrast_factor"]
    )
    assert draws.shape == (1000, 1, 1, 1)
    assert 0.8 <= draws.min() < 0.85 and 1.65 < draws.max() <= 1.7
    # A single number only raises the contrast: (0, f).
    single = layers.RandomContrast(0.5, seed=3)
    assert single.factor == (0, 0.5)
    draws = _np(
        single.get_random_transformation(np.zeros((1000, 1, 1, 3)))["contrast_factor"]
    )
    assert 1.0 <= draws.min() < 1.05 and 1.45 < draws.max() <= 1.5
    assert layer.get_random_transformation(IMAGES, training=False) is None


def test_seeded_draws_and_inference_identity():
    first = _np(layers.RandomContrast(0.5, seed=4)(IMAGES, training=True))
    layer = layers.RandomContrast(0.5, seed=4)
    np.testing.assert_array_equal(_np(layer(IMAGES, training=True)), first)
    assert not np.allclose(_np(layer(IMAGES, training=True)), first)
    np.testing.assert_array_equal(_np(layer(IMAGES, training=False)), IMAGES)
    # Integer images come back in the compute dtype.
    out = layer(IMAGES.astype("uint8"), training=False)
    assert keras_core.backend.standardize_dtype(out.dtype) == "float32"
    single = layer(IMAGES[0], training=True)
    assert tuple(single.shape) == (4, 5, 3)


def test_symbolic_model_and_dict_inputs():
    layer = layers.RandomContrast(0.5, seed=1)
    assert layer(keras_core.Input((4, 5, 3), dtype="uint8")).dtype == "float32"
    inputs = keras_core.Input((4, 5, 3))
    outputs = layer(inputs)
    assert tuple(outputs.shape) == (None, 4, 5, 3)
    model = keras_core.Model(inputs, outputs)
    np.testing.assert_array_equal(model.predict(IMAGES, verbose=0), IMAGES)
    data = {
        "images": IMAGES,
        "labels": np.arange(3.0),
        "segmentation_masks": np.ones((3, 4, 5, 1), "float32"),
    }
    out = layer(data, training=True)
    assert not np.allclose(_np(out["images"]), IMAGES)
    np.testing.assert_array_equal(_np(out["labels"]), data["labels"])
    np.testing.assert_array_equal(
        _np(out["segmentation_masks"]), data["segmentation_masks"]
    )


def test_config_round_trip_and_saving(tmp_path):
    layer = layers.RandomContrast((0.1, 0.3), value_range=(0, 1), seed=5, name="rc")
    config = layer.get_config()
    assert list(config) == [
        "name",
        "trainable",
        "dtype",
        "data_format",
        "factor",
        "value_range",
        "seed",
    ]
    assert config["factor"] == (0.1, 0.3) and config["value_range"] == (0, 1)
    assert layers.RandomContrast.from_config(config).get_config() == config
    record = keras_core.saving.serialize_keras_object(layer)
    assert record["module"] == "keras.layers"
    model = keras_core.Sequential([keras_core.Input((4, 5, 3)), layer])
    path = str(tmp_path / "contrast.keras")
    model.save(path)
    restored = keras_core.saving.load_model(path)
    restored_config = restored.layers[0].get_config()
    assert tuple(restored_config.pop("value_range")) == (0, 1)
    assert tuple(restored_config.pop("factor")) == (0.1, 0.3)
    assert restored_config == {
        k: v for k, v in config.items() if k not in ("factor", "value_range")
    }
    np.testing.assert_array_equal(restored.predict(IMAGES, verbose=0), IMAGES)


@pytest.mark.parametrize("factor", [1.5, -0.1, (0.1, 0.2, 0.3), (0.2, 1.2), "a", None])
def test_bad_factor(factor):
    with pytest.raises(ValueError, match=r"RandomContrast.*factor.*\[0, 1\]"):
        layers.RandomContrast(factor)


@pytest.mark.parametrize("value_range", [(0,), (0, 1, 2), (1, 1), "ab"])
def test_bad_value_range(value_range):
    with pytest.raises(ValueError, match=r"RandomContrast.*value_range"):
        layers.RandomContrast(0.5, value_range=value_range)
