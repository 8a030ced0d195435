"""keras_core.layers.GaussianDropout, GaussianNoise and AlphaDropout."""

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops

SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946


def _np(x):
    return np.asarray(ops.convert_to_numpy(x))


def test_gaussian_dropout_statistics():
    rate = 0.3
    layer = layers.GaussianDropout(rate, seed=7)
    x = np.full((300, 300), 2.0, "float32")
    out = _np(layer(x, training=True)) / 2.0
    assert abs(out.mean() - 1.0) < 0.01
    assert abs(out.std() - np.sqrt(rate / (1 - rate))) < 0.01
    assert len(np.unique(out)) > 1000
    np.testing.assert_array_equal(_np(layer(x)), x)


def test_gaussian_noise_statistics():
    layer = layers.GaussianNoise(0.5, seed=7)
    x = np.full((300, 300), 3.0, "float32")
    noise = _np(layer(x, training=True)) - 3.0
    assert abs(noise.mean()) < 0.01
    assert abs(noise.std() - 0.5) < 0.01
    np.testing.assert_array_equal(_np(layer(x, training=False)), x)


def test_alpha_dropout_values_and_self_normalization():
    rate = 0.2
    layer = layers.AlphaDropout(rate, seed=3)
    x = np.random.default_rng(0).normal(size=(400, 400)).astype("float32")
    out = _np(layer(x, training=True))
    saturation = -SELU_ALPHA * SELU_SCALE
    a = ((1 - rate) * (1 + rate * saturation**2)) ** -0.5
    b = -a * saturation * rate
    kept = np.isclose(out, a * x + b, atol=1e-5)
    dropped = np.isclose(out, a * saturation + b, atol=1e-5)
    assert np.all(kept | dropped)
    assert abs(dropped.mean() - rate) < 0.01
    # Inputs of mean 0 and variance 1 keep them.
    assert abs(out.mean()) < 0.02
    assert abs(out.var() - 1.0) < 0.02
    np.testing.assert_array_equal(_np(layer(x)), x)


def test_alpha_dropout_noise_shape_and_edges():
    layer = layers.AlphaDropout(0.5, noise_shape=(None, 1), seed=2)
    x = np.ones((50, 6), "float32")
    out = _np(layer(x, training=True))
    np.testing.assert_array_equal(out, np.broadcast_to(out[:, :1], out.shape))
    with pytest.raises(ValueError, match="noise_shape"):
        layers.AlphaDropout(0.5, noise_shape=(None,))(x, training=True)
    np.testing.assert_array_equal(_np(layers.AlphaDropout(0.0)(x, training=True)), x)
    np.testing.assert_array_equal(
        _np(layers.AlphaDropout(1.0)(x, training=True)), np.zeros_like(x)
    )


@pytest.mark.parametrize(
    "cls", [layers.GaussianDropout, layers.GaussianNoise, layers.AlphaDropout]
)
def test_seeds_reproducible_and_advancing(cls):
    x = np.ones((6, 7), "float32")
    a = _np(cls(0.4, seed=11)(x, training=True))
    layer = cls(0.4, seed=11)
    np.testing.assert_array_equal(a, _np(layer(x, training=True)))
    assert not np.array_equal(a, _np(layer(x, training=True)))
    assert len(layer.variables) == 1
    assert layer.variables[0].path.endswith("/seed_generator_state")
    assert layer.weights == [] and cls(0.0).variables == []


@pytest.mark.parametrize(
    "cls, argument",
    [
        (layers.GaussianDropout, "rate"),
        (layers.GaussianNoise, "stddev"),
        (layers.AlphaDropout, "rate"),
    ],
)
@pytest.mark.parametrize("value", [-0.1, 1.5, "a", None, True])
def test_argument_validation(cls, argument, value):
    with pytest.raises(
        ValueError, match=rf"{cls.__name__}.*`{argument}`.*between 0 and 1"
    ):
        cls(value)


@pytest.mark.parametrize(
    "layer, keys",
    [
        (layers.GaussianDropout(0.2, seed=1), ["rate", "seed"]),
        (layers.GaussianNoise(0.2, seed=1), ["stddev", "seed"]),
        (
            layers.AlphaDropout(0.2, noise_shape=[None, 1], seed=1),
            ["rate", "seed", "noise_shape"],
        ),
    ],
)
def test_config_round_trip_and_serialize(layer, keys):
    config = layer.get_config()
    assert list(config) == ["name", "trainable", "dtype", *keys]
    clone = type(layer).from_config(config)
    assert clone.get_config() == config
    record = layers.serialize(layer)
    assert record["module"] == "keras.layers"
    assert record["class_name"] == type(layer).__name__
    assert layers.deserialize(record).get_config() == config


@pytest.mark.parametrize(
    "cls", [layers.GaussianDropout, layers.GaussianNoise, layers.AlphaDropout]
)
def test_symbolic_model_stateless_call_mixed_precision(cls):
    inputs = keras_core.Input((None, 3))
    outputs = cls(0.5, seed=1)(inputs)
    assert outputs.shape == (None, None, 3)
    x = np.ones((2, 4, 3), "float32")
    np.testing.assert_array_equal(_np(keras_core.Model(inputs, outputs)(x)), x)
    layer = cls(0.5, seed=5)
    state = [ops.convert_to_tensor(v.numpy()) for v in layer.non_trainable_variables]
    out, new_state = layer.stateless_call([], state, x, training=True)
    assert not np.array_equal(_np(out), x)
    assert not np.array_equal(_np(new_state[0]), _np(state[0]))
    np.testing.assert_array_equal(layer.variables[0].numpy(), _np(state[0]))
    out = cls(0.5, seed=1, dtype="mixed_float16")(x, training=True)
    assert keras_core.backend.standardize_dtype(out.dtype) == "float16"
    masked = layers.Masking()(keras_core.Input((3, 2)))
    assert cls(0.5)(masked)._keras_mask is not None
