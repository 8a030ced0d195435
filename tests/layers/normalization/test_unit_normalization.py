"""Tests of `keras_core.layers.UnitNormalization` against NumPy references."""

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops


def _np(x):
    return np.asarray(ops.convert_to_numpy(x))


def _inputs(*shape, seed=0):
    return np.random.default_rng(seed).normal(size=shape).astype("float32")


@pytest.mark.parametrize("axis, reduced", [(-1, (2,)), (1, (1,)), ((1, 2), (1, 2))])
def test_matches_numpy(axis, reduced):
    x = _inputs(2, 3, 4)
    out = _np(layers.UnitNormalization(axis=axis)(x))
    expected = x / np.sqrt((x**2).sum(reduced, keepdims=True))
    np.testing.assert_allclose(out, expected, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose((out**2).sum(reduced), 1.0, rtol=1e-5)


def test_tiny_and_zero_vectors():
    layer = layers.UnitNormalization()
    x = np.array([[0.0, 0.0, 0.0], [1e-10, 0.0, 0.0], [1e-15, 0.0, 0.0]], "float32")
    # Squared norms under 1e-24 are clamped (as in Keras): zeros stay zero.
    np.testing.assert_allclose(
        _np(layer(x)), [[0, 0, 0], [1, 0, 0], [1e-3, 0, 0]], rtol=1e-5
    )


def test_config_round_trip_and_errors():
    layer = layers.UnitNormalization(axis=(1, 2))
    config = layer.get_config()
    assert list(config) == ["name", "trainable", "dtype", "axis"]
    assert config["axis"] == [1, 2]
    assert layers.UnitNormalization().get_config()["axis"] == -1
    assert layers.UnitNormalization.from_config(config).get_config() == config
    serialized = layers.serialize(layer)
    assert serialized["module"] == "keras.layers"
    assert layers.deserialize(serialized).axis == [1, 2]
    for axis in ("a", 1.5, None):
        with pytest.raises(TypeError, match=r"UnitNormalization.*axis"):
            layers.UnitNormalization(axis=axis)
    with pytest.raises(ValueError, match="out of range"):
        layers.UnitNormalization(axis=5)(_inputs(2, 3))


def test_symbolic_model_masks_and_dtypes():
    layer = layers.UnitNormalization()
    assert layer.weights == []
    inputs = keras_core.Input((None, 4))
    outputs = layer(inputs)
    assert outputs.shape == (None, None, 4)
    x = _inputs(2, 3, 4)
    model = keras_core.Model(inputs, outputs)
    np.testing.assert_allclose(_np(model(x)), _np(layer(x)), rtol=1e-6)
    ids = keras_core.Input((3,), dtype="int32")
    masked = layers.UnitNormalization()(layers.Embedding(5, 4, mask_zero=True)(ids))
    assert masked._keras_mask.shape == (None, 3)
    out = layers.UnitNormalization(dtype="mixed_float16")(x.astype("float16"))
    assert ops.convert_to_numpy(out).dtype == np.float16
    out = layers.UnitNormalization()(np.array([[3, 4]]))
    np.testing.assert_allclose(_np(out), [[0.6, 0.8]], rtol=1e-6)
