"""keras_core.layers.TimeDistributed against NumPy references."""

import numpy as np
import pytest
from layer_testing import assert_gradients_reach_all_weights
from layer_testing import needs_gradients

import keras_core
from keras_core import layers
from keras_core import ops


def _np(x):
    return np.asarray(ops.convert_to_numpy(x))


def _inputs(*shape, seed=0):
    return np.random.default_rng(seed).normal(size=shape).astype("float32")


def test_dense_at_every_step_matches_numpy():
    layer = layers.TimeDistributed(layers.Dense(3, activation="relu"), name="td")
    x = _inputs(2, 5, 4)
    out = _np(layer(x))
    kernel, bias = layer.get_weights()
    expected = np.stack([np.maximum(x[:, t] @ kernel + bias, 0) for t in range(5)], 1)
    np.testing.assert_allclose(out, expected, rtol=1e-5, atol=1e-6)
    assert out.shape == (2, 5, 3)


def test_weights_are_the_inner_layers():
    inner = layers.Dense(3, name="proj")
    layer = layers.TimeDistributed(inner, name="td")
    layer.build((None, 5, 4))
    assert inner.built
    assert layer.weights == inner.weights
    assert [w.name for w in layer.weights] == ["kernel", "bias"]
    assert [w.path for w in layer.weights] == ["td/proj/kernel", "td/proj/bias"]
    assert [tuple(w.shape) for w in layer.weights] == [(4, 3), (3,)]


def test_higher_rank_steps_and_symbolic_shapes():
    layer = layers.TimeDistributed(layers.Flatten())
    x = _inputs(2, 3, 4, 5)
    np.testing.assert_array_equal(_np(layer(x)), x.reshape(2, 3, 20))
    inputs = keras_core.Input((None, 4))
    td = layers.TimeDistributed(layers.Dense(2))
    outputs = td(inputs)
    assert outputs.shape == (None, None, 2) and outputs.dtype == "float32"
    assert td.compute_output_shape((7, 6, 4)) == (7, 6, 2)
    model = keras_core.Model(inputs, outputs)
    x = _inputs(3, 6, 4)
    kernel, bias = td.get_weights()
    np.testing.assert_allclose(_np(model(x)), x @ kernel + bias, rtol=1e-5, atol=1e-6)
    assert model(x).shape == (3, 6, 2)


def test_int_inputs_through_embedding():
    layer = layers.TimeDistributed(layers.Embedding(10, 2))
    tokens = np.array([[[1, 2], [3, 4], [5, 6]]], "int32")
    out = _np(layer(tokens))
    (table,) = layer.get_weights()
    np.testing.assert_allclose(out, table[tokens])
    symbolic = layer(keras_core.Input((3, 2), dtype="int32"))
    assert symbolic.shape == (None, 3, 2, 2) and symbolic.dtype == "float32"


class _RecordsMaskAndTraining(layers.Layer):
    def call(self, inputs, mask=None, training=None):
        self.seen = (None if mask is None else _np(mask), training)
        return inputs


def test_mask_and_training_reach_inner_layer_and_mask_passes_through():
    inner = _RecordsMaskAndTraining()
    layer = layers.TimeDistributed(inner)
    mask = np.array([[True, False, True], [False, True, True]])
    layer(_inputs(2, 3, 4), mask=mask, training=True)
    seen_mask, seen_training = inner.seen
    np.testing.assert_array_equal(seen_mask, mask.reshape(6))
    assert seen_training is True
    layer(_inputs(2, 3, 4))
    assert inner.seen == (None, None)
    tokens = keras_core.Input((3,), dtype="int32")
    vectors = layers.Embedding(5, 4, mask_zero=True)(tokens)
    outputs = layers.TimeDistributed(layers.Dense(2))(vectors)
    assert outputs.shape == (None, 3, 2)
    assert outputs._keras_mask.shape == (None, 3)


def test_training_flag_reaches_inner_dropout():
    layer = layers.TimeDistributed(layers.Dropout(0.5, seed=1))
    x = np.ones((4, 3, 8), "float32")
    np.testing.assert_array_equal(_np(layer(x)), x)
    out = _np(layer(x, training=True))
    assert set(np.unique(out).tolist()) <= {0.0, 2.0} and np.any(out == 0)


def test_errors():
    with pytest.raises(ValueError, match=r"TimeDistributed.*Layer.*Received: layer=3"):
        layers.TimeDistributed(3)
    with pytest.raises(ValueError, match=r"TimeDistributed.*rank 3.*\(2, 3\)"):
        layers.TimeDistributed(layers.Dense(2))(_inputs(2, 3))
    with pytest.raises(ValueError, match="rank 3"):
        layers.TimeDistributed(layers.Dense(2))(keras_core.Input((3,)))


def test_config_round_trip_and_serialize():
    layer = layers.TimeDistributed(layers.Dense(2, activation="tanh"), name="td")
    config = layer.get_config()
    assert list(config) == ["name", "trainable", "dtype", "layer"]
    assert config["layer"]["class_name"] == "Dense"
    assert config["layer"]["module"] == "keras.layers"
    clone = layers.TimeDistributed.from_config(config)
    assert isinstance(clone.layer, layers.Dense) and clone.layer.units == 2
    assert clone.get_config() == config
    record = layers.serialize(layer)
    assert (
        record["module"] == "keras.layers" and record["class_name"] == "TimeDistributed"
    )
    restored = layers.deserialize(record)
    assert restored.layer.activation.__name__ == "tanh"


def test_stateless_call_and_mixed_precision():
    layer = layers.TimeDistributed(layers.Dense(2))
    layer.build((None, 3, 4))
    kernel = _inputs(4, 2, seed=1)
    bias = np.array([1.0, -1.0], "float32")
    x = _inputs(2, 3, 4)
    out, non_trainable = layer.stateless_call([kernel, bias], [], x)
    np.testing.assert_allclose(_np(out), x @ kernel + bias, rtol=1e-5, atol=1e-6)
    assert non_trainable == []
    layer = layers.TimeDistributed(layers.Dense(2, dtype="mixed_float16"))
    out = layer(x)
    assert keras_core.backend.standardize_dtype(out.dtype) == "float16"
    assert [w.dtype for w in layer.weights] == ["float32", "float32"]


@needs_gradients
def test_gradients_reach_inner_weights():
    layer = layers.TimeDistributed(layers.Dense(3))
    assert_gradients_reach_all_weights(layer, _inputs(2, 4, 5))
