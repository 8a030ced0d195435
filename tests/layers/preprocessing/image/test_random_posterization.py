"""keras_core.layers.RandomPosterization."""

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops

# Pixel values away from integers, so scaling to another range and back
# cannot move them across an integer.
IMAGES = (
    (np.random.default_rng(0).integers(0, 256, (3, 4, 5, 3)) + 0.4)
    .clip(0, 255)
    .astype("float32")
)


def _np(x):
    return ops.convert_to_numpy(x)


@pytest.mark.parametrize("value_range", [(0, 255), (-1, 1)])
def test_transform_matches_numpy(value_range):
    low, high = value_range
    images = IMAGES / 255 * (high - low) + low
    shifts = np.array([1, 4, 7], "uint8")
    levels = IMAGES.astype("uint8")
    expected = (levels >> shifts.reshape(3, 1, 1, 1)) << shifts.reshape(3, 1, 1, 1)
    expected = expected.astype("float32") / 255 * (high - low) + low
    layer = layers.RandomPosterization((1, 8), value_range=value_range)
    out = _np(layer.transform_images(images, {"shift_factor": shifts}))
    np.testing.assert_allclose(out, expected, atol=1e-5 * (high - low))
    assert len(np.unique(out[2])) <= 2


def test_random_draws_are_integer_shifts():
    big = np.zeros((1000, 1, 1, 3))
    draws = _np(
        layers.RandomPosterization((1, 8), seed=3).get_random_transformation(big)[
            "shift_factor"
        ]
    )
    assert draws.shape == (1000,) and draws.dtype == np.uint8
    # Keeping 1 to 7 bits clears 7 to 1 of them.
    assert set(np.unique(draws)) == set(range(1, 8))
    layer = layers.RandomPosterization(4, seed=3)
    assert layer.factor == (1, 4)
    assert set(
        np.unique(_np(layer.get_random_transformation(big)["shift_factor"]))
    ) == {5, 6, 7}
    assert layer.get_random_transformation(IMAGES, training=False) is None


def test_seeded_draws_and_inference_identity():
    first = _np(layers.RandomPosterization(4, seed=4)(IMAGES, training=True))
    layer = layers.RandomPosterization(4, seed=4)
    np.testing.assert_array_equal(_np(layer(IMAGES, training=True)), first)
    assert (first % 32 == 0).all()
    np.testing.assert_array_equal(_np(layer(IMAGES, training=False)), IMAGES)


def test_symbolic_model_and_dict_inputs():
    layer = layers.RandomPosterization((1, 8), seed=1, data_format="channels_first")
    assert layer(keras_core.Input((3, 4, 5), dtype="uint8")).dtype == "float32"
    inputs = keras_core.Input((3, 4, 5))
    outputs = layer(inputs)
    assert tuple(outputs.shape) == (None, 3, 4, 5)
    model = keras_core.Model(inputs, outputs)
    images = np.moveaxis(IMAGES, -1, 1)
    np.testing.assert_array_equal(model.predict(images, verbose=0), images)
    out = layer({"images": images, "labels": np.arange(3)}, training=True)
    np.testing.assert_array_equal(_np(out["labels"]), np.arange(3))


def test_config_round_trip():
    layer = layers.RandomPosterization((6, 2), value_range=(0, 1), seed=5)
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
    assert config["factor"] == (2, 6) and config["value_range"] == [0, 1]
    assert layers.RandomPosterization.from_config(config).get_config() == config


@pytest.mark.parametrize("factor", [0, 9, (0, 8), (1, 9), "a"])
def test_bad_factor(factor):
    with pytest.raises(ValueError, match=r"RandomPosterization.*factor.*\[1, 8\]"):
        layers.RandomPosterization(factor)
