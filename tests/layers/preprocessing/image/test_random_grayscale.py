"""keras_core.layers.RandomGrayscale."""

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops

IMAGES = np.random.default_rng(0).uniform(0, 255, (3, 4, 5, 3)).astype("float32")
LUMA = np.array([0.2989, 0.587, 0.114], "float32")


def _np(x):
    return ops.convert_to_numpy(x)


@pytest.mark.parametrize("data_format", ["channels_last", "channels_first"])
def test_transform_matches_numpy(data_format):
    convert = np.array([True, False, True]).reshape(3, 1, 1, 1)
    gray = (IMAGES * LUMA).sum(-1, keepdims=True)
    expected = np.where(convert, np.broadcast_to(gray, IMAGES.shape), IMAGES)
    layer = layers.RandomGrayscale(data_format=data_format)
    images = IMAGES if data_format == "channels_last" else np.moveaxis(IMAGES, -1, 1)
    out = _np(layer.transform_images(images, convert))
    if data_format == "channels_first":
        out = np.moveaxis(out, 1, -1)
    np.testing.assert_allclose(out, expected, rtol=1e-5, atol=1e-3)


def test_one_channel_passes_and_other_channel_counts_fail():
    layer = layers.RandomGrayscale(1.0, seed=1)
    single = IMAGES[..., :1]
    np.testing.assert_allclose(_np(layer(single, training=True)), single)
    with pytest.raises(
        ValueError, match=r"RandomGrayscale.*3 channels.*\(3, 4, 5, 2\)"
    ):
        layer(IMAGES[..., :2], training=True)


def test_random_draws_follow_probability():
    layer = layers.RandomGrayscale(0.3, seed=3)
    draws = _np(layer.get_random_transformation(np.zeros((1000, 1, 1, 3))))
    assert draws.shape == (1000, 1, 1, 1) and draws.dtype == bool
    assert 0.25 < draws.mean() < 0.35
    assert not _np(layers.RandomGrayscale(0.0).get_random_transformation(IMAGES)).any()
    assert _np(layers.RandomGrayscale(1.0).get_random_transformation(IMAGES)).all()
    assert layer.get_random_transformation(IMAGES, training=False) is None


def test_seeded_draws_and_inference_identity():
    images = np.concatenate([IMAGES] * 4)
    first = _np(layers.RandomGrayscale(seed=4)(images, training=True))
    layer = layers.RandomGrayscale(seed=4)
    np.testing.assert_array_equal(_np(layer(images, training=True)), first)
    converted = np.isclose(first[..., 0], first[..., 2]).all(axis=(1, 2))
    assert 0 < converted.sum() < len(images)
    np.testing.assert_array_equal(_np(layer(images, training=False)), images)


def test_symbolic_model_and_dict_inputs():
    layer = layers.RandomGrayscale(1.0, seed=1)
    inputs = keras_core.Input((4, 5, 3))
    outputs = layer(inputs)
    assert tuple(outputs.shape) == (None, 4, 5, 3) and outputs.dtype == "float32"
    model = keras_core.Model(inputs, outputs)
    np.testing.assert_array_equal(model.predict(IMAGES, verbose=0), IMAGES)
    out = layer({"images": IMAGES, "labels": np.arange(3)}, training=True)
    np.testing.assert_array_equal(_np(out["labels"]), np.arange(3))


def test_config_round_trip():
    layer = layers.RandomGrayscale(0.2, seed=5)
    config = layer.get_config()
    # Keras leaves the seed out of this layer's config.
    assert list(config) == ["name", "trainable", "dtype", "data_format", "factor"]
    assert config["factor"] == 0.2
    assert layers.RandomGrayscale.from_config(config).get_config() == config


@pytest.mark.parametrize("factor", [1.5, -0.1, (0.2, 0.5), "a"])
def test_bad_factor(factor):
    with pytest.raises(ValueError, match=r"RandomGrayscale.*factor.*between 0 and 1"):
        layers.RandomGrayscale(factor)
