"""Tests of `keras_core.layers.GroupNormalization` against NumPy references."""

import numpy as np
import pytest
from layer_testing import assert_gradients_reach_all_weights
from layer_testing import needs_gradients

import keras_core
from keras_core import layers
from keras_core import ops

EPS = 1e-3


def _np(x):
    return np.asarray(ops.convert_to_numpy(x))


def _inputs(*shape, seed=0):
    rng = np.random.default_rng(seed)
    return (rng.normal(size=shape) * 2 + 1).astype("float32")


def test_channels_last_matches_numpy():
    layer = layers.GroupNormalization(
        groups=2,
        gamma_initializer="random_normal",
        beta_initializer="random_normal",
    )
    x = _inputs(2, 3, 6)
    out = _np(layer(x))
    gamma, beta = layer.get_weights()
    grouped = x.reshape(2, 3, 2, 3)
    mean = grouped.mean((1, 3), keepdims=True)
    variance = grouped.var((1, 3), keepdims=True)
    normalized = ((grouped - mean) / np.sqrt(variance + EPS)).reshape(x.shape)
    np.testing.assert_allclose(out, normalized * gamma + beta, rtol=1e-4, atol=1e-5)


def test_channels_first_and_instance_normalization():
    layer = layers.GroupNormalization(groups=-1, axis=1)
    x = _inputs(2, 3, 4, 2)
    out = _np(layer(x))
    assert layer.groups == 3 and layer.get_config()["groups"] == 3
    mean = x.mean((2, 3), keepdims=True)
    variance = x.var((2, 3), keepdims=True)
    np.testing.assert_allclose(
        out, (x - mean) / np.sqrt(variance + EPS), rtol=1e-4, atol=1e-5
    )
    assert layer.input_spec.axes == {1: 3}


def test_weights_and_options():
    layer = layers.GroupNormalization(groups=3)
    layer.build((None, 6))
    assert [w.path for w in layer.weights] == [
        f"{layer.name}/gamma",
        f"{layer.name}/beta",
    ]
    assert all(tuple(w.shape) == (6,) for w in layer.weights)
    layer = layers.GroupNormalization(groups=1, center=False, scale=False)
    x = _inputs(2, 4)
    out = _np(layer(x))
    assert layer.weights == []
    expected = (x - x.mean(-1, keepdims=True)) / np.sqrt(x.var(-1, keepdims=True) + EPS)
    np.testing.assert_allclose(out, expected, rtol=1e-4, atol=1e-5)


def test_config_round_trip_and_keras_keys():
    layer = layers.GroupNormalization(groups=4, axis=1, gamma_constraint="non_neg")
    config = layer.get_config()
    assert list(config) == [
        "name",
        "trainable",
        "dtype",
        "groups",
        "axis",
        "epsilon",
        "center",
        "scale",
        "beta_initializer",
        "gamma_initializer",
        "beta_regularizer",
        "gamma_regularizer",
        "beta_constraint",
        "gamma_constraint",
    ]
    assert config["gamma_constraint"]["class_name"] == "NonNeg"
    assert layers.GroupNormalization.from_config(config).get_config() == config
    serialized = layers.serialize(layer)
    assert serialized["module"] == "keras.layers"
    assert layers.deserialize(serialized).groups == 4


def test_bad_arguments():
    for groups in (0, -2, 2.5, None, True):
        with pytest.raises(ValueError, match="groups"):
            layers.GroupNormalization(groups=groups)
    with pytest.raises(ValueError, match="cannot be more than"):
        layers.GroupNormalization(groups=12).build((2, 6))
    with pytest.raises(ValueError, match=r"channels \(6\) must be a multiple.*\(4\)"):
        layers.GroupNormalization(groups=4).build((2, 6))
    with pytest.raises(ValueError, match="defined size"):
        layers.GroupNormalization(groups=2).build((2, None))
    with pytest.raises(ValueError, match="batch axis"):
        layers.GroupNormalization(groups=2, axis=0).build((2, 6))
    with pytest.raises(TypeError, match="axis"):
        layers.GroupNormalization(axis=[1])


def test_symbolic_model_and_mixed_precision():
    inputs = keras_core.Input((None, 4))
    layer = layers.GroupNormalization(groups=2)
    outputs = layer(inputs)
    assert outputs.shape == (None, None, 4)
    model = keras_core.Model(inputs, outputs)
    x = _inputs(2, 5, 4)
    np.testing.assert_allclose(_np(model(x)), _np(layer(x)), rtol=1e-6)
    mixed = layers.GroupNormalization(groups=1, dtype="mixed_float16")
    out = mixed(np.array([[1000.0, 1000.5, 1001.0, 1001.5]], "float16"))
    assert ops.convert_to_numpy(out).dtype == np.float16
    assert [w.dtype for w in mixed.weights] == ["float32", "float32"]
    np.testing.assert_allclose(
        _np(out).astype("float32"), [[-1.34, -0.447, 0.447, 1.34]], atol=5e-3
    )


@needs_gradients
def test_gradients_reach_all_weights():
    layer = layers.GroupNormalization(groups=2)
    assert_gradients_reach_all_weights(layer, _inputs(3, 2, 4))
