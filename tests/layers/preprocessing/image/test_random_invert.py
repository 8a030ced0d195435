"""keras_core.layers.RandomInvert."""

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops

IMAGES = np.random.default_rng(0).uniform(0, 255, (3, 4, 5, 3)).astype("float32")


def _np(x):
    return ops.convert_to_numpy(x)


@pytest.mark.parametrize("value_range", [(0, 255), (10, 20)])
def test_transform_matches_numpy(value_range):
    low, high = value_range
    images = IMAGES / 255 * (high - low) + low
    apply = np.array([True, False, True])
    layer = layers.RandomInvert(value_range=value_range)
    out = _np(layer.transform_images(images, {"apply_inversion": apply}))
    expected = np.where(apply.reshape(3, 1, 1, 1), high - images, images)
    np.testing.assert_allclose(out, expected, rtol=1e-6, atol=1e-4)


def test_random_draws_follow_mean_probability():
    big = np.zeros((1000, 1, 1, 3))
    for factor, probability in [((0.2, 0.6), 0.4), (0.3, 0.15), (1.0, 0.5)]:
        layer = layers.RandomInvert(factor, seed=3)
        draws = _np(layer.get_random_transformation(big)["apply_inversion"])
        assert draws.shape == (1000,) and draws.dtype == bool
        assert abs(draws.mean() - probability) < 0.05, (factor, draws.mean())
    assert layers.RandomInvert(0.3).factor == (0, 0.3)
    assert layer.get_random_transformation(IMAGES, training=False) is None


def test_seeded_draws_and_inference_identity():
    images = np.concatenate([IMAGES] * 4)
    first = _np(layers.RandomInvert(seed=4)(images, training=True))
    layer = layers.RandomInvert(seed=4)
    np.testing.assert_array_equal(_np(layer(images, training=True)), first)
    inverted = np.isclose(first, 255 - images).all(axis=(1, 2, 3))
    kept = np.isclose(first, images).all(axis=(1, 2, 3))
    assert (inverted | kept).all() and 0 < inverted.sum() < len(images)
    np.testing.assert_array_equal(_np(layer(images, training=False)), images)


def test_symbolic_model_and_dict_inputs():
    layer = layers.RandomInvert(seed=1, data_format="channels_first")
    inputs = keras_core.Input((3, 4, 5))
    outputs = layer(inputs)
    assert tuple(outputs.shape) == (None, 3, 4, 5) and outputs.dtype == "float32"
    model = keras_core.Model(inputs, outputs)
    images = np.moveaxis(IMAGES, -1, 1)
    np.testing.assert_array_equal(model.predict(images, verbose=0), images)
    masks = np.ones((3, 1, 4, 5), "float32")
    out = layer({"images": images, "segmentation_masks": masks}, training=True)
    np.testing.assert_array_equal(_np(out["segmentation_masks"]), masks)


def test_config_round_trip():
    layer = layers.RandomInvert((0.6, 0.2), value_range=(0, 1), seed=5)
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
    assert config["factor"] == (0.2, 0.6)
    assert layers.RandomInvert.from_config(config).get_config() == config


@pytest.mark.parametrize("factor", [1.5, -0.1, (0.2, 1.5), "a"])
def test_bad_factor(factor):
    with pytest.raises(ValueError, match=r"RandomInvert.*factor.*\[0, 1\]"):
        layers.RandomInvert(factor)
