"""keras_core.layers.AutoContrast."""

import numpy as np
import pytest
from layers.preprocessing.image.image_checks import check_config_round_trip
from layers.preprocessing.image.image_checks import to_numpy

import keras_core
from keras_core import layers


def auto_contrast_reference(images, value_range=(0, 255)):
    """Per image and channel, min -> low and max -> high (channels last)."""
    low, high = value_range
    images = np.asarray(images, "float64")
    lowest = images.min(axis=(1, 2), keepdims=True)
    highest = images.max(axis=(1, 2), keepdims=True)
    spread = highest - lowest
    stretched = (images - lowest) / np.where(spread > 0, spread, 1) * (high - low)
    return np.where(spread > 0, stretched + low, images)


IMAGES = np.random.default_rng(0).uniform(50, 100, (2, 6, 6, 3)).astype("float32")
IMAGES[1, ..., 1] = 7.0
# Hand-computed: 50..150 stretches to 0..255.
IMAGES[0, ..., 2] = np.linspace(50, 150, 36).reshape(6, 6)


def test_matches_numpy_and_keeps_constant_channels():
    out = to_numpy(layers.AutoContrast()(IMAGES))
    np.testing.assert_allclose(out, auto_contrast_reference(IMAGES), atol=1e-4)
    np.testing.assert_array_equal(out[1, ..., 1], 7.0)
    expected = np.linspace(0, 255, 36).reshape(6, 6)
    np.testing.assert_allclose(out[0, ..., 2], expected, atol=1e-4)


def test_value_range_and_layout():
    layer = layers.AutoContrast(value_range=(-1, 1))
    expected = auto_contrast_reference(IMAGES / 100, (-1, 1))
    np.testing.assert_allclose(to_numpy(layer(IMAGES / 100)), expected, atol=1e-5)
    layer = layers.AutoContrast(value_range=(-1, 1), data_format="channels_first")
    out = to_numpy(layer(np.moveaxis(IMAGES / 100, -1, 1)))
    np.testing.assert_allclose(np.moveaxis(out, 1, -1), expected, atol=1e-5)


def test_applies_at_inference_in_a_model():
    layer = layers.AutoContrast()
    inputs = keras_core.Input((6, 6, 3))
    outputs = layer(inputs)
    assert tuple(outputs.shape) == (None, 6, 6, 3) and outputs.dtype == "float32"
    model = keras_core.Model(inputs, outputs)
    predicted = model.predict(IMAGES.astype("uint8"), verbose=0)
    expected = auto_contrast_reference(IMAGES.astype("uint8"))
    np.testing.assert_allclose(predicted, expected, atol=1e-4)
    out = layer(IMAGES.astype("uint8"), training=False)
    assert to_numpy(out).dtype == np.float32


def test_config_and_errors():
    layer = layers.AutoContrast(value_range=(0, 1))
    config = layer.get_config()
    assert list(config)[3:] == ["data_format", "value_range"]
    assert config["value_range"] == [0, 1]
    check_config_round_trip(layer)
    with pytest.raises(ValueError, match="value_range"):
        layers.AutoContrast(value_range=3)
    with pytest.raises(ValueError, match="value_range"):
        layers.AutoContrast(value_range=(1, 1))
