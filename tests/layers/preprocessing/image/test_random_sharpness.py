"""keras_core.layers.RandomSharpness."""

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops

IMAGES = np.random.default_rng(0).uniform(0, 255, (3, 4, 5, 3)).astype("float32")


def _np(x):
    return ops.convert_to_numpy(x)


def _smooth(images):
    """3x3 filter (1/13, centre 5/13) with zero padding, channels last."""
    padded = np.pad(images, ((0, 0), (1, 1), (1, 1), (0, 0)))
    height, width = images.shape[1:3]
    total = 4 * images
    for dy in range(3):
        for dx in range(3):
            total = total + padded[:, dy : dy + height, dx : dx + width]
    return total / 13


@pytest.mark.parametrize(
    "value_range,data_format",
    [((0, 255), "channels_last"), ((-1, 1), "channels_first")],
)
def test_transform_matches_numpy(value_range, data_format):
    low, high = value_range
    images = IMAGES / 255 * (high - low) + low
    factor = np.array([0.0, 0.5, 1.0], "float32")
    amount = (2 * factor - 1).reshape(3, 1, 1, 1)
    expected = np.clip(images + amount * (images - _smooth(images)), low, high)
    layer = layers.RandomSharpness(
        0.5, value_range=value_range, data_format=data_format
    )
    if data_format == "channels_first":
        images = np.moveaxis(images, -1, 1)
    out = _np(layer.transform_images(images, {"factor": factor}))
    if data_format == "channels_first":
        out = np.moveaxis(out, 1, -1)
    np.testing.assert_allclose(out, expected, atol=1e-4 * (high - low))
    # factor 0.5 keeps the image.
    np.testing.assert_allclose(out[1], expected[1], atol=1e-5 * (high - low))


def test_random_draws_per_image_in_range():
    layer = layers.RandomSharpness((0.2, 0.4), seed=3)
    draws = _np(layer.get_random_transformation(np.zeros((1000, 1, 1, 3)))["factor"])
    assert draws.shape == (1000,)
    assert 0.2 <= draws.min() < 0.21 and 0.39 < draws.max() <= 0.4
    assert layers.RandomSharpness(0.5).factor == (0, 0.5)
    assert layer.get_random_transformation(IMAGES, training=False) is None


def test_seeded_draws_and_inference_identity():
    first = _np(layers.RandomSharpness(0.5, seed=4)(IMAGES, training=True))
    layer = layers.RandomSharpness(0.5, seed=4)
    np.testing.assert_array_equal(_np(layer(IMAGES, training=True)), first)
    assert not np.allclose(_np(layer(IMAGES, training=True)), first)
    np.testing.assert_array_equal(_np(layer(IMAGES, training=False)), IMAGES)


def test_symbolic_model_and_dict_inputs():
    layer = layers.RandomSharpness(0.5, seed=1)
    inputs = keras_core.Input((4, 5, 3))
    outputs = layer(inputs)
    assert tuple(outputs.shape) == (None, 4, 5, 3) and outputs.dtype == "float32"
    model = keras_core.Model(inputs, outputs)
    np.testing.assert_array_equal(model.predict(IMAGES, verbose=0), IMAGES)
    out = layer({"images": IMAGES, "labels": np.arange(3)}, training=True)
    np.testing.assert_array_equal(_np(out["labels"]), np.arange(3))


def test_config_round_trip():
    layer = layers.RandomSharpness((0.3, 0.7), value_range=(0, 1), seed=5)
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
    assert config["factor"] == (0.3, 0.7) and config["value_range"] == [0, 1]
    assert layers.RandomSharpness.from_config(config).get_config() == config


@pytest.mark.parametrize("factor", [1.5, -0.1, (0.2, 1.5), "a"])
def test_bad_factor(factor):
    with pytest.raises(ValueError, match=r"RandomSharpness.*factor.*\[0, 1\]"):
        layers.RandomSharpness(factor)
