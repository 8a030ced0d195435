"""keras_core.layers.PReLU against NumPy references."""

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


@pytest.mark.parametrize(
    "shared_axes, alpha_shape",
    [(None, (3, 4)), ([1], (1, 4)), (1, (1, 4)), ([1, 2], (1, 1)), ((2,), (3, 1))],
)
def test_matches_numpy_and_weight_shapes(shared_axes, alpha_shape):
    layer = layers.PReLU(alpha_initializer="random_uniform", shared_axes=shared_axes)
    x = _inputs(2, 3, 4)
    out = _np(layer(x))
    assert [w.name for w in layer.weights] == ["alpha"]
    assert tuple(layer.weights[0].shape) == alpha_shape
    (alpha,) = layer.get_weights()
    np.testing.assert_allclose(out, np.where(x >= 0, x, alpha * x), rtol=1e-6)


def test_default_is_relu_and_config():
    layer = layers.PReLU()
    x = _inputs(2, 5)
    np.testing.assert_array_equal(_np(layer(x)), np.maximum(x, 0))
    config = layer.get_config()
    assert list(config) == [
        "name",
        "trainable",
        "dtype",
        "alpha_initializer",
        "alpha_regularizer",
        "alpha_constraint",
        "shared_axes",
    ]
    assert config["alpha_initializer"]["class_name"] == "Zeros"
    assert config["shared_axes"] is None


def test_config_round_trip_regularizer_and_constraint():
    layer = layers.PReLU(
        alpha_initializer="ones",
        alpha_regularizer="l2",
        alpha_constraint="non_neg",
        shared_axes=1,
    )
    config = layer.get_config()
    assert config["shared_axes"] == [1]
    assert config["alpha_regularizer"]["class_name"] == "L2"
    assert config["alpha_constraint"]["class_name"] == "NonNeg"
    clone = layers.PReLU.from_config(config)
    assert clone.get_config() == config
    restored = layers.deserialize(layers.serialize(layer))
    assert restored.get_config() == config
    assert layers.serialize(layer)["module"] == "keras.layers"
    layer(_inputs(2, 3, 4))
    np.testing.assert_allclose(_np(layer.losses[0]), 0.01 * 4, rtol=1e-6)


def test_errors():
    with pytest.raises(ValueError, match=r"PReLU.*known size"):
        layers.PReLU().build((None, None, 4))
    with pytest.raises(ValueError, match=r"PReLU.*shared_axes"):
        layers.PReLU(shared_axes=[3]).build((None, 2, 4))
    layer = layers.PReLU()
    layer(_inputs(2, 3))
    with pytest.raises(ValueError, match="axis"):
        layer(_inputs(2, 4))


def test_symbolic_shape_with_shared_none_axis_and_model():
    inputs = keras_core.Input((None, 4))
    layer = layers.PReLU(shared_axes=[1], alpha_initializer="ones")
    outputs = layer(inputs)
    assert outputs.shape == (None, None, 4)
    layer.alpha.assign(np.array([[0.1, 0.2, 0.3, 0.4]], "float32"))
    model = keras_core.Model(inputs, outputs)
    x = _inputs(2, 5, 4)
    expected = np.where(x >= 0, x, layer.get_weights()[0] * x)
    np.testing.assert_allclose(_np(model(x)), expected, rtol=1e-6)
    assert layer.compute_output_shape((3, 7, 4)) == (3, 7, 4)


def test_stateless_call_and_mixed_precision():
    layer = layers.PReLU()
    layer.build((None, 3))
    alpha = np.array([0.5, 1.0, 2.0], "float32")
    x = _inputs(4, 3)
    out, non_trainable = layer.stateless_call([alpha], [], x)
    np.testing.assert_allclose(_np(out), np.where(x >= 0, x, alpha * x), rtol=1e-6)
    assert non_trainable == []
    layer = layers.PReLU(dtype="mixed_float16")
    out = layer(x)
    assert keras_core.backend.standardize_dtype(out.dtype) == "float16"
    assert layer.weights[0].dtype == "float32"


@needs_gradients
def test_gradients_reach_alpha():
    layer = layers.PReLU(alpha_initializer="ones", shared_axes=[1])
    assert_gradients_reach_all_weights(layer, _inputs(2, 3, 4))
