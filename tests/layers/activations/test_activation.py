"""keras_core.layers.Activation."""

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops


def test_applies_named_and_callable_activations():
    x = np.array([[-2.0, 0.5, 3.0]], dtype="float32")
    relu = ops.convert_to_numpy(layers.Activation("relu")(x))
    np.testing.assert_allclose(relu, np.maximum(x, 0))
    softmax = ops.convert_to_numpy(layers.Activation(ops.softmax)(x))
    expected = np.exp(x) / np.exp(x).sum(axis=-1, keepdims=True)
    np.testing.assert_allclose(softmax, expected, rtol=1e-6)


def test_none_is_linear():
    layer = layers.Activation(None)
    x = np.array([-1.0, 2.0], dtype="float32")
    np.testing.assert_allclose(ops.convert_to_numpy(layer(x)), x)
    assert layer.get_config()["activation"] == "linear"


def test_config_round_trip_and_serialize():
    layer = layers.Activation("tanh", name="act")
    config = layer.get_config()
    assert set(config) == {"name", "trainable", "dtype", "activation"}
    assert config["activation"] == "tanh"
    clone = layers.Activation.from_config(config)
    x = np.array([0.3, -1.2], dtype="float32")
    np.testing.assert_allclose(ops.convert_to_numpy(clone(x)), np.tanh(x), rtol=1e-6)
    record = layers.serialize(layer)
    assert (record["module"], record["class_name"]) == ("keras.layers", "Activation")
    assert layers.deserialize(record).get_config() == config


def test_symbolic_mixed_precision_and_masks():
    inputs = keras_core.Input((4, 3))
    outputs = layers.Activation("relu")(inputs)
    assert outputs.shape == (None, 4, 3)
    assert layers.Activation("relu").supports_masking
    half = layers.Activation("sigmoid", dtype="mixed_float16")
    assert (
        keras_core.backend.standardize_dtype(half(np.ones((2, 2))).dtype) == "float16"
    )


def test_bad_identifier():
    with pytest.raises(ValueError, match="nope"):
        layers.Activation("nope")
