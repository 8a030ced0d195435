"""Tests of `keras_core.layers.RMSNormalization` against NumPy references."""

import numpy as np
import pytest
from layer_testing import assert_gradients_reach_all_weights
from layer_testing import needs_gradients

import keras_core
from keras_core import layers
from keras_core import ops

EPS = 1e-6


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
    layer = layers.RMSNormalization(axis=axis)
    x = _inputs(2, 3, 4)
    layer.build(x.shape)
    scale = np.random.default_rng(1).normal(size=weight_shape).astype("float32")
    layer.set_weights([scale])
    shape = [1, 1, 1]
    for a, dim in zip(reduced, weight_shape, strict=True):
        shape[a] = dim
    expected = (
        x / np.sqrt((x**2).mean(reduced, keepdims=True) + EPS) * scale.reshape(shape)
    )
    np.testing.assert_allclose(_np(layer(x)), expected, rtol=1e-4, atol=1e-5)


def test_weights_config_and_errors():
    layer = layers.RMSNormalization(epsilon=1e-5)
    layer.build((None, 3))
    assert [w.path for w in layer.weights] == [f"{layer.name}/scale"]
    np.testing.assert_allclose(layer.get_weights()[0], np.ones(3))
    assert not layer.supports_masking
    config = layer.get_config()
    assert list(config) == ["name", "trainable", "dtype", "axis", "epsilon"]
    assert (config["axis"], config["epsilon"]) == ([-1], 1e-5)
    assert layers.RMSNormalization.from_config(config).get_config() == config
    serialized = layers.serialize(layer)
    assert serialized["module"] == "keras.layers"
    assert layers.deserialize(serialized).epsilon == 1e-5
    for axis in ("a", 1.5):
        with pytest.raises(TypeError, match=r"RMSNormalization.*axis"):
            layers.RMSNormalization(axis=axis)
    with pytest.raises(ValueError, match="out of range"):
        layers.RMSNormalization(axis=7).build((2, 3))
    with pytest.raises(ValueError, match="defined size"):
        layers.RMSNormalization().build((2, None))


def test_symbolic_model_and_mixed_precision():
    inputs = keras_core.Input((None, 4))
    layer = layers.RMSNormalization()
    outputs = layer(inputs)
    assert outputs.shape == (None, None, 4)
    x = _inputs(2, 3, 4)
    model = keras_core.Model(inputs, outputs)
    np.testing.assert_allclose(_np(model(x)), _np(layer(x)), rtol=1e-6)
    mixed = layers.RMSNormalization(dtype="mixed_float16")
    # A float16 mean square of 300 ** 2 would overflow: computed in float32.
    out = mixed(np.full((1, 4), 300.0, "float16"))
    assert ops.convert_to_numpy(out).dtype == np.float16
    assert mixed.scale.dtype == "float32"
    np.testing.assert_allclose(_np(out).astype("float32"), np.ones((1, 4)), atol=1e-3)


@needs_gradients
def test_gradients_reach_all_weights():
    assert_gradients_reach_all_weights(layers.RMSNormalization(), _inputs(3, 4))
