"""keras_core.layers.Softmax against NumPy references."""

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops


def _np(x):
    return np.asarray(ops.convert_to_numpy(x))


def _softmax(x, axis):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


X = np.random.default_rng(0).normal(size=(2, 3, 4)).astype("float32")


@pytest.mark.parametrize("axis", [-1, 1, 0, (1, 2), [0, -1]])
def test_matches_numpy(axis):
    np_axis = tuple(axis) if isinstance(axis, (list, tuple)) else axis
    np.testing.assert_allclose(
        _np(layers.Softmax(axis=axis)(X)), _softmax(X, np_axis), rtol=1e-5, atol=1e-6
    )


def test_mask_gives_zero_probability_to_masked_positions():
    x = X * 10
    mask = np.random.default_rng(1).random(x.shape) > 0.4
    mask[..., 0] = True
    out = _np(layers.Softmax()(x, mask=mask))
    expected = np.where(mask, np.exp(x - x.max(-1, keepdims=True)), 0.0)
    expected = expected / expected.sum(-1, keepdims=True)
    np.testing.assert_allclose(out, expected, rtol=1e-5, atol=1e-7)
    assert np.all(out[~mask] == 0)
    np.testing.assert_allclose(out.sum(-1), 1.0, rtol=1e-5)


def test_fully_masked_row_and_broadcast_mask_and_float16():
    x = np.array([[1.0, 2.0, 3.0, 4.0], [1.0, 2.0, 3.0, 4.0]], "float32")
    mask = np.array([[True, True, False, False], [False, False, False, False]])
    out = _np(layers.Softmax()(x, mask=mask))
    np.testing.assert_allclose(out[0], [0.26894142, 0.7310586, 0, 0], rtol=1e-5)
    np.testing.assert_array_equal(out[1], np.zeros(4))
    out = _np(layers.Softmax(dtype="float16")(x, mask=mask))
    assert out.dtype == np.float16 and np.all(np.isfinite(out))
    np.testing.assert_allclose(out[0], [0.2689, 0.7311, 0, 0], atol=1e-3)
    # A (batch, 1, keys) mask broadcasts over the queries.
    scores = X
    keys_mask = np.array([[[True, False, True, True]], [[True, True, True, False]]])
    out = _np(layers.Softmax()(scores, mask=keys_mask))
    assert np.all(out[:, :, 1][0] == 0) and np.all(out[1, :, 3] == 0)
    np.testing.assert_allclose(out.sum(-1), 1.0, rtol=1e-5)


def test_config_round_trip_and_serialize():
    layer = layers.Softmax(axis=[1, 2], name="probs")
    config = layer.get_config()
    assert list(config) == ["name", "trainable", "dtype", "axis"]
    assert config["axis"] == [1, 2]
    clone = layers.Softmax.from_config(config)
    assert clone.get_config() == config
    record = layers.serialize(layer)
    assert record["module"] == "keras.layers" and record["class_name"] == "Softmax"
    np.testing.assert_allclose(_np(layers.deserialize(record)(X)), _np(layer(X)))


def test_symbolic_model_mixed_precision_and_mask_passthrough():
    inputs = keras_core.Input((None, 4))
    outputs = layers.Softmax()(inputs)
    assert outputs.shape == (None, None, 4)
    np.testing.assert_allclose(
        _np(keras_core.Model(inputs, outputs)(X)), _softmax(X, -1), rtol=1e-5
    )
    out = layers.Softmax(dtype="mixed_float16")(X)
    assert keras_core.backend.standardize_dtype(out.dtype) == "float16"
    tokens = keras_core.Input((3,), dtype="int32")
    vectors = layers.Embedding(5, 4, mask_zero=True)(tokens)
    probabilities = layers.Softmax()(vectors)
    assert probabilities._keras_mask.shape == (None, 3)
