"""keras_core.layers.RandomHue."""

import colorsys

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops

IMAGES = np.random.default_rng(0).uniform(0, 255, (3, 4, 5, 3)).astype("float32")


def _np(x):
    return ops.convert_to_numpy(x)


def _shift_hue(unit_images, shifts):
    """Hue rotation with the standard library's HSV conversion."""
    out = np.empty_like(unit_images)
    for index, shift in enumerate(shifts):
        for pixel in np.ndindex(unit_images.shape[1:3]):
            hue, saturation, value = colorsys.rgb_to_hsv(*unit_images[index][pixel])
            out[index][pixel] = colorsys.hsv_to_rgb(
                (hue + shift) % 1.0, saturation, value
            )
    return out


@pytest.mark.parametrize(
    "value_range,data_format",
    [((0, 255), "channels_last"), ((-1, 1), "channels_first")],
)
def test_transform_matches_numpy(value_range, data_format):
    low, high = value_range
    shifts = np.array([0.2, -0.3, 0.45], "float32")
    expected = _shift_hue(IMAGES / 255, shifts) * (high - low) + low
    images = IMAGES / 255 * (high - low) + low
    layer = layers.RandomHue(0.5, value_range=value_range, data_format=data_format)
    if data_format == "channels_first":
        images = np.moveaxis(images, -1, 1)
    out = _np(layer.transform_images(images, {"factor": shifts}))
    if data_format == "channels_first":
        out = np.moveaxis(out, 1, -1)
    np.testing.assert_allclose(out, expected, atol=1e-4 * (high - low))


def test_random_draws_have_random_sign_and_half_size():
    layer = layers.RandomHue((0.2, 0.7), seed=3)
    draws = _np(layer.get_random_transformation(np.zeros((1000, 1, 1, 3)))["factor"])
    assert draws.shape == (1000,)
    size = np.abs(draws)
    assert 0.1 <= size.min() < 0.12 and 0.33 < size.max() <= 0.35
    assert 0.4 < (draws > 0).mean() < 0.6
    assert layers.RandomHue(0.5).factor == (0, 0.5)
    assert layer.get_random_transformation(IMAGES, training=False) is None


def test_seeded_draws_and_inference_identity():
    first = _np(layers.RandomHue(0.5, seed=4)(IMAGES, training=True))
    layer = layers.RandomHue(0.5, seed=4)
    np.testing.assert_array_equal(_np(layer(IMAGES, training=True)), first)
    assert not np.allclose(_np(layer(IMAGES, training=True)), first)
    # A hue rotation keeps each pixel's largest and smallest channel values.
    np.testing.assert_allclose(first.max(-1), IMAGES.max(-1), rtol=1e-4)
    np.testing.assert_allclose(first.min(-1), IMAGES.min(-1), rtol=1e-4, atol=1e-2)
    np.testing.assert_array_equal(_np(layer(IMAGES, training=False)), IMAGES)


def test_symbolic_model_and_dict_inputs():
    layer = layers.RandomHue(0.5, seed=1)
    inputs = keras_core.Input((4, 5, 3))
    outputs = layer(inputs)
    assert tuple(outputs.shape) == (None, 4, 5, 3) and outputs.dtype == "float32"
    model = keras_core.Model(inputs, outputs)
    np.testing.assert_array_equal(model.predict(IMAGES, verbose=0), IMAGES)
    out = layer({"images": IMAGES, "labels": np.arange(3)}, training=True)
    np.testing.assert_array_equal(_np(out["labels"]), np.arange(3))


def test_config_round_trip():
    layer = layers.RandomHue(0.2, value_range=(0, 1), seed=5)
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
    assert config["factor"] == (0, 0.2)
    assert layers.RandomHue.from_config(config).get_config() == config


@pytest.mark.parametrize("factor", [1.5, -0.1, (0.2, 1.5), "a"])
def test_bad_factor(factor):
    with pytest.raises(ValueError, match=r"RandomHue.*factor.*\[0, 1\]"):
        layers.RandomHue(factor)


def test_needs_rgb_images():
    with pytest.raises(ValueError, match=r"RandomHue.*3 channels.*\(3, 4, 5, 1\)"):
        layers.RandomHue(0.5)(IMAGES[..., :1], training=True)
