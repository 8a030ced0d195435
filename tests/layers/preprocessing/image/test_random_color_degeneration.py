"""keras_core.layers.RandomColorDegeneration."""

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops

IMAGES = np.random.default_rng(0).uniform(0, 255, (3, 4, 5, 3)).astype("float32")
LUMA = np.array([0.2989, 0.587, 0.114], "float32")


def _np(x):
    return ops.convert_to_numpy(x)


@pytest.mark.parametrize(
    "value_range,data_format",
    [((0, 255), "channels_last"), ((0, 1), "channels_first")],
)
def test_transform_matches_numpy(value_range, data_format):
    low, high = value_range
    images = IMAGES / 255 * (high - low) + low
    factor = np.array([0.25, 1.0, -0.5], "float32").reshape(3, 1, 1, 1)
    gray = (images * LUMA).sum(-1, keepdims=True)
    expected = np.clip(images + factor * (gray - images), low, high)
    layer = layers.RandomColorDegeneration(
        0.5, value_range=value_range, data_format=data_format
    )
    if data_format == "channels_first":
        images = np.moveaxis(images, -1, 1)
    out = _np(layer.transform_images(images, {"factor": factor}))
    if data_format == "channels_first":
        out = np.moveaxis(out, 1, -1)
    np.testing.assert_allclose(out, expected, rtol=1e-5, atol=1e-4 * (high - low))
    # factor 1 is grayscale: the three channels agree.
    np.testing.assert_allclose(out[1, ..., 0], out[1, ..., 2], atol=1e-3 * high)


def test_random_draws_per_image_in_range():
    layer = layers.RandomColorDegeneration(1.0, seed=3)
    assert layer.factor == (-1.0, 1.0)
    draws = _np(layer.get_random_transformation(np.zeros((1000, 1, 1, 3)))["factor"])
    assert draws.shape == (1000, 1, 1, 1)
    assert -1.0 <= draws.min() < -0.9 and 0.9 < draws.max() <= 1.0
    assert layers.RandomColorDegeneration((0.6, 0.2)).factor == (0.2, 0.6)
    assert layer.get_random_transformation(IMAGES, training=False) is None


def test_seeded_draws_and_inference_identity():
    first = _np(layers.RandomColorDegeneration(0.5, seed=4)(IMAGES, training=True))
    layer = layers.RandomColorDegeneration(0.5, seed=4)
    np.testing.assert_array_equal(_np(layer(IMAGES, training=True)), first)
    assert not np.allclose(_np(layer(IMAGES, training=True)), first)
    np.testing.assert_array_equal(_np(layer(IMAGES, training=False)), IMAGES)


def test_symbolic_model_and_dict_inputs():
    layer = layers.RandomColorDegeneration(0.5, seed=1)
    inputs = keras_core.Input((4, 5, 3))
    outputs = layer(inputs)
    assert tuple(outputs.shape) == (None, 4, 5, 3) and outputs.dtype == "float32"
    model = keras_core.Model(inputs, outputs)
    np.testing.assert_array_equal(model.predict(IMAGES, verbose=0), IMAGES)
    masks = np.ones((3, 4, 5, 1), "float32")
    out = layer({"images": IMAGES, "segmentation_masks": masks}, training=True)
    np.testing.assert_array_equal(_np(out["segmentation_masks"]), masks)


def test_config_round_trip():
    layer = layers.RandomColorDegeneration(
        0.3, value_range=(0, 1), data_format="channels_first", seed=5
    )
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
    assert config["factor"] == (-0.3, 0.3) and config["data_format"] == "channels_first"
    assert layers.RandomColorDegeneration.from_config(config).get_config() == config


@pytest.mark.parametrize("factor", [1.5, (0.1, 0.2, 0.3), (0.5, 2.0), "a"])
def test_bad_factor(factor):
    with pytest.raises(ValueError, match=r"RandomColorDegeneration.*factor"):
        layers.RandomColorDegeneration(factor)
