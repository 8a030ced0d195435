"""Tests of `keras_core.layers.LayerNormalization` against NumPy references."""

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


@pytest.mark.parametrize(
    "axis, reduced, weight_shape",
    [(-1, (2,), (4,)), (1, (1,), (3,)), ([1, 2], (1, 2), (3, 4))],
)
def test_matches_numpy(axis, reduced, weight_shape):
    layer = layers.LayerNormalization(
        axis=axis, gamma_initializer="random_normal", beta_initializer="random_normal"
    )
    x = _inputs(2, 3, 4)
    out = _np(layer(x))
    gamma, beta = layer.get_weights()
    assert gamma.shape == beta.shape == weight_shape
    shape = [1, 1, 1]
    for a, dim in zip(reduced, weight_shape, strict=True):
        shape[a] = dim
    mean = x.mean(reduced, keepdims=True)
    variance = x.var(reduced, keepdims=True)
    expected = (x - mean) / np.sqrt(variance + EPS) * gamma.reshape(shape)
    np.testing.assert_allclose(
        out, expected + beta.reshape(shape), rtol=1e-4, atol=1e-5
    )


def test_weights_and_options():
    layer = layers.LayerNormalization()
    layer.build((None, 3))
    assert [w.path for w in layer.weights] == [
        f"{layer.name}/gamma",
        f"{layer.name}/beta",
    ]
    layer = layers.LayerNormalization(center=False, scale=False)
    layer.build((None, 3))
    assert layer.weights == [] and layer.gamma is None and layer.beta is None
    x = _inputs(2, 3)
    expected = (x - x.mean(-1, keepdims=True)) / np.sqrt(x.var(-1, keepdims=True) + EPS)
    np.testing.assert_allclose(_np(layer(x)), expected, rtol=1e-4, atol=1e-5)


def test_deprecated_rms_scaling_scales_by_variance():
    with pytest.warns(UserWarning, match="deprecated"):
        layer = layers.LayerNormalization(rms_scaling=True, scale=False)
    layer.build((None, 2, 4))
    assert [w.name for w in layer.weights] == ["gamma"]
    layer.gamma.assign([1.0, 2.0, 3.0, 4.0])
    x = _inputs(3, 2, 4)
    expected = x / np.sqrt(x.var(-1, keepdims=True) + EPS) * [1.0, 2.0, 3.0, 4.0]
    np.testing.assert_allclose(_np(layer(x)), expected, rtol=1e-4, atol=1e-5)
    config = layer.get_config()
    assert config["rms_scaling"] is True
    with pytest.warns(UserWarning):
        assert layers.LayerNormalization.from_config(config).rms_scaling


def test_config_round_trip_and_keras_keys():
    layer = layers.LayerNormalization(axis=(1, 2), epsilon=1e-5, beta_regularizer="l1")
    config = layer.get_config()
    assert list(config) == [
        "name",
        "trainable",
        "dtype",
        "axis",
        "epsilon",
        "center",
        "scale",
        "rms_scaling",
        "beta_initializer",
        "gamma_initializer",
        "beta_regularizer",
        "gamma_regularizer",
        "beta_constraint",
        "gamma_constraint",
    ]
    assert config["axis"] == [1, 2] and config["rms_scaling"] is False
    assert layers.LayerNormalization().get_config()["axis"] == [-1]
    assert layers.LayerNormalization.from_config(config).get_config() == config
    serialized = layers.serialize(layer)
    assert serialized["module"] == "keras.layers"
    assert layers.deserialize(serialized).axis == [1, 2]


def test_bad_arguments():
    for axis in ("a", 1.5, [1, "x"], []):
        with pytest.raises(TypeError, match=r"LayerNormalization.*axis"):
            layers.LayerNormalization(axis=axis)
    with pytest.raises(ValueError, match="out of range"):
        layers.LayerNormalization(axis=5).build((2, 3))
    with pytest.raises(ValueError, match="same input axis twice"):
        layers.LayerNormalization(axis=[-2, 1]).build((2, 3, 4))
    with pytest.raises(ValueError, match="defined size"):
        layers.LayerNormalization().build((2, None))


def test_symbolic_model_masks_and_mixed_precision():
    inputs = keras_core.Input((None, 4))
    layer = layers.LayerNormalization()
    outputs = layer(inputs)
    assert outputs.shape == (None, None, 4)
    model = keras_core.Model(inputs, outputs)
    x = _inputs(2, 5, 4)
    np.testing.assert_allclose(_np(model(x)), _np(layer(x)), rtol=1e-6)
    ids = keras_core.Input((3,), dtype="int32")
    masked = layers.LayerNormalization()(layers.Embedding(5, 4, mask_zero=True)(ids))
    assert masked._keras_mask.shape == (None, 3)
    mixed = layers.LayerNormalization(dtype="mixed_float16")
    x = np.array([[1000.0, 1000.5, 1001.0, 1001.5]], "float16")
    out = mixed(x)
    assert ops.convert_to_numpy(out).dtype == np.float16
    assert [w.dtype for w in mixed.weights] == ["float32", "float32"]
    np.testing.assert_allclose(
        _np(out).astype("float32"), [[-1.34, -0.447, 0.447, 1.34]], atol=5e-3
    )


def test_integer_inputs_give_floats():
    out = layers.LayerNormalization()(np.array([[1, 3]]))
    assert ops.convert_to_numpy(out).dtype == np.float32
    np.testing.assert_allclose(_np(out), [[-0.9995, 0.9995]], atol=1e-4)


@needs_gradients
def test_gradients_reach_all_weights():
    assert_gradients_reach_all_weights(layers.LayerNormalization(), _inputs(3, 4))
