"""keras_core.layers.RandomBrightness."""

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
    images = IMAGES / 255 * (high - low) + low
    delta = np.array([0.4, -0.2, 0.01], "float32").reshape(3, 1, 1, 1) * (high - low)
    layer = layers.RandomBrightness(0.5, value_range=value_range)
    out = _np(layer.transform_images(images, {"rgb_delta": delta}))
    np.testing.assert_allclose(
        out, np.clip(images + delta, low, high), rtol=1e-6, atol=1e-5
    )
    assert out.max() == high and out.min() == low


def test_random_draws_scale_with_value_range():
    layer = layers.RandomBrightness((-0.2, 0.3), value_range=(0, 10), seed=3)
    delta = _np(layer.get_random_transformation(np.zeros((1000, 1, 1, 3)))["rgb_delta"])
    assert delta.shape == (1000, 1, 1, 1)
    assert -2.0 <= delta.min() < -1.8 and 2.8 < delta.max() <= 3.0
    assert layers.RandomBrightness(-0.3).factor == (-0.3, 0.3)
    assert layer.get_random_transformation(IMAGES, training=False) is None


def test_seeded_draws_and_inference_identity():
    first = _np(layers.RandomBrightness(0.5, seed=4)(IMAGES, training=True))
    layer = layers.RandomBrightness(0.5, seed=4)
    np.testing.assert_array_equal(_np(layer(IMAGES, training=True)), first)
    assert not np.allclose(_np(layer(IMAGES, training=True)), first)
    # One offset per image: the change is constant over unclipped pixels.
    change = first - IMAGES
    inside = (first > 0) & (first < 255)
    for index in range(3):
        values = change[index][inside[index]]
        np.testing.assert_allclose(values, values[0], atol=1e-3)
    np.testing.assert_array_equal(_np(layer(IMAGES, training=False)), IMAGES)


def test_symbolic_model_and_dict_inputs():
    layer = layers.RandomBrightness(0.5, seed=1, bounding_box_format="xyxy")
    assert layer(keras_core.Input((4, 5, 3), dtype="uint8")).dtype == "float32"
    inputs = keras_core.Input((4, 5, 3))
    outputs = layer(inputs)
    assert tuple(outputs.shape) == (None, 4, 5, 3)
    model = keras_core.Model(inputs, outputs)
    np.testing.assert_array_equal(model.predict(IMAGES, verbose=0), IMAGES)
    boxes = {"boxes": np.array([[[0.0, 1.0, 2.0, 3.0]]] * 3), "labels": np.ones((3, 1))}
    out = layer({"images": IMAGES, "bounding_boxes": boxes}, training=True)
    assert not np.allclose(_np(out["images"]), IMAGES)
    np.testing.assert_array_equal(_np(out["bounding_boxes"]["boxes"]), boxes["boxes"])


def test_config_round_trip():
    layer = layers.RandomBrightness((0.3, -0.1), value_range=(255, 0), seed=5)
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
    assert config["factor"] == (-0.1, 0.3) and config["value_range"] == [0, 255]
    assert layers.RandomBrightness.from_config(config).get_config() == config


@pytest.mark.parametrize("factor", [1.5, -1.5, (0.1, 0.2, 0.3), (-1.2, 0.5), "a"])
def test_bad_factor(factor):
    with pytest.raises(ValueError, match=r"RandomBrightness.*factor.*\[-1, 1\]"):
        layers.RandomBrightness(factor)


def test_bad_value_range():
    with pytest.raises(ValueError, match=r"RandomBrightness.*value_range"):
        layers.RandomBrightness(0.5, value_range=(0,))
