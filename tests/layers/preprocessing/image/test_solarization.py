"""keras_core.layers.Solarization."""

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops

IMAGES = np.random.default_rng(0).uniform(0, 255, (3, 4, 5, 3)).astype("float32")


def _np(x):
    return ops.convert_to_numpy(x)


@pytest.mark.parametrize("value_range", [(0, 255), (-1, 1)])
def test_transform_matches_numpy(value_range):
    low, high = value_range
    additions = np.array([30.0, 0.0, 10.0], "float32").reshape(3, 1, 1, 1)
    thresholds = np.array([100.0, 200.0, 0.0], "float32").reshape(3, 1, 1, 1)
    brightened = np.clip(IMAGES + additions, 0, 255)
    expected = np.where(brightened < thresholds, brightened, 255 - brightened)
    expected = expected / 255 * (high - low) + low
    layer = layers.Solarization(value_range=value_range)
    out = _np(
        layer.transform_images(
            IMAGES / 255 * (high - low) + low,
            {"additions": additions, "thresholds": thresholds},
        )
    )
    np.testing.assert_allclose(out, expected, atol=1e-5 * (high - low))


def test_random_draws_in_range():
    layer = layers.Solarization((0.2, 0.5), (0.4, 0.9), seed=3)
    transformation = layer.get_random_transformation(np.zeros((1000, 1, 1, 3)))
    additions = _np(transformation["additions"]) / 255
    thresholds = _np(transformation["thresholds"]) / 255
    assert additions.shape == thresholds.shape == (1000, 1, 1, 1)
    assert 0.2 <= additions.min() < 0.22 and 0.48 < additions.max() <= 0.5
    assert 0.4 <= thresholds.min() < 0.42 and 0.88 < thresholds.max() <= 0.9
    assert layers.Solarization(0.3).addition_factor == (0, 0.3)
    assert layer.get_random_transformation(IMAGES, training=False) is None


def test_seeded_draws_and_inference_identity():
    first = _np(layers.Solarization(0.3, 0.6, seed=4)(IMAGES, training=True))
    layer = layers.Solarization(0.3, 0.6, seed=4)
    np.testing.assert_array_equal(_np(layer(IMAGES, training=True)), first)
    assert not np.allclose(_np(layer(IMAGES, training=True)), first)
    np.testing.assert_array_equal(_np(layer(IMAGES, training=False)), IMAGES)
    # The default factors invert every pixel.
    default = _np(layers.Solarization(seed=1)(IMAGES, training=True))
    np.testing.assert_allclose(default, 255 - IMAGES, atol=1e-4)


def test_symbolic_model_and_dict_inputs():
    layer = layers.Solarization(0.3, 0.5, seed=1)
    inputs = keras_core.Input((4, 5, 3))
    outputs = layer(inputs)
    assert tuple(outputs.shape) == (None, 4, 5, 3) and outputs.dtype == "float32"
    model = keras_core.Model(inputs, outputs)
    np.testing.assert_array_equal(model.predict(IMAGES, verbose=0), IMAGES)
    masks = np.ones((3, 4, 5, 1), "float32")
    out = layer({"images": IMAGES, "segmentation_masks": masks}, training=True)
    np.testing.assert_array_equal(_np(out["segmentation_masks"]), masks)


def test_config_round_trip():
    layer = layers.Solarization(0.2, (0.7, 0.3), value_range=(0, 1), seed=5)
    config = layer.get_config()
    assert list(config) == [
        "name",
        "trainable",
        "dtype",
        "data_format",
        "value_range",
        "addition_factor",
        "threshold_factor",
        "seed",
    ]
    assert config["addition_factor"] == (0, 0.2)
    assert config["threshold_factor"] == (0.3, 0.7)
    assert layers.Solarization.from_config(config).get_config() == config


@pytest.mark.parametrize("argument", ["addition_factor", "threshold_factor"])
@pytest.mark.parametrize("value", [1.5, -0.1, (0.2, 1.5), "a"])
def test_bad_factors(argument, value):
    with pytest.raises(ValueError, match=rf"Solarization.*{argument}.*\[0, 1\]"):
        layers.Solarization(**{argument: value})
