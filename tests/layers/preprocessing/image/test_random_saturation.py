"""keras_core.layers.RandomSaturation."""

import colorsys

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops

IMAGES = np.random.default_rng(0).uniform(0, 255, (3, 4, 5, 3)).astype("float32")


def _np(x):
    return ops.convert_to_numpy(x)


def _scale_saturation(unit_images, scales):
    """Saturation scaling with the standard library's HSV conversion."""
    out = np.empty_like(unit_images)
    for index, scale in enumerate(scales):
        for pixel in np.ndindex(unit_images.shape[1:3]):
            hue, saturation, value = colorsys.rgb_to_hsv(*unit_images[index][pixel])
            saturation = min(max(saturation * scale, 0.0), 1.0)
            out[index][pixel] = colorsys.hsv_to_rgb(hue, saturation, value)
    return out


@pytest.mark.parametrize(
    "value_range,data_format",
    [((0, 255), "channels_last"), ((-1, 1), "channels_first")],
)
def test_transform_matches_numpy(value_range, data_format):
    low, high = value_range
    scales = np.array([0.25, 3.0, -0.3], "float32")
    expected = _scale_saturation(IMAGES / 255, scales) * (high - low) + low
    images = IMAGES / 255 * (high - low) + low
    layer = layers.RandomSaturation(
        0.5, value_range=value_range, data_format=data_format
    )
    if data_format == "channels_first":
        images = np.moveaxis(images, -1, 1)
    out = _np(layer.transform_images(images, {"factor": scales}))
    if data_format == "channels_first":
        out = np.moveaxis(out, 1, -1)
    np.testing.assert_allclose(out, expected, atol=1e-4 * (high - low))
    # A negative scale leaves no colour: the channels agree.
    np.testing.assert_allclose(out[2, ..., 0], out[2, ..., 1], atol=1e-4 * high)


def test_random_draws_map_u_to_u_over_one_minus_u():
    layer = layers.RandomSaturation((0.2, 0.7), seed=3)
    draws = _np(layer.get_random_transformation(np.zeros((1000, 1, 1, 3)))["factor"])
    assert draws.shape == (1000,)
    # u in [0.2, 0.7] gives u / (1 - u) in [0.25, 7 / 3].
    assert 0.25 <= draws.min() < 0.27 and 2.2 < draws.max() <= 7 / 3 + 1e-4
    assert layers.RandomSaturation(0.5).factor == (-0.5, 0.5)
    assert layer.get_random_transformation(IMAGES, training=False) is None


def test_seeded_draws_and_inference_identity():
    first = _np(layers.RandomSaturation(0.5, seed=4)(IMAGES, training=True))
    layer = layers.RandomSaturation(0.5, seed=4)
    np.testing.assert_array_equal(_np(layer(IMAGES, training=True)), first)
    assert not np.allclose(_np(layer(IMAGES, training=True)), first)
    assert first.min() >= 0 and first.max() <= 255
    np.testing.assert_array_equal(_np(layer(IMAGES, training=False)), IMAGES)


def test_symbolic_model_and_dict_inputs():
    layer = layers.RandomSaturation(0.5, seed=1)
    assert layer(keras_core.Input((4, 5, 3), dtype="uint8")).dtype == "float32"
    inputs = keras_core.Input((4, 5, 3))
    outputs = layer(inputs)
    assert tuple(outputs.shape) == (None, 4, 5, 3)
    model = keras_core.Model(inputs, outputs)
    np.testing.assert_array_equal(model.predict(IMAGES, verbose=0), IMAGES)
    out = layer(IMAGES.astype("uint8"), training=True)
    assert keras_core.backend.standardize_dtype(out.dtype) == "float32"


def test_config_round_trip():
    layer = layers.RandomSaturation((0.3, 0.7), value_range=(0, 1), seed=5)
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
    assert layers.RandomSaturation.from_config(config).get_config() == config


@pytest.mark.parametrize("factor", [1.5, (0.1, 0.2, 0.3), (-2, 0.5), "a"])
def test_bad_factor(factor):
    with pytest.raises(ValueError, match=r"RandomSaturation.*factor.*\[-1, 1\]"):
        layers.RandomSaturation(factor)
