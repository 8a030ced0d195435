"""Tests of `keras_core.layers.SpectralNormalization` against NumPy power iteration."""

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


def _l2_normalize(v):
    return v / np.sqrt(max((v**2).sum(), 1e-12))


def _power_iteration(kernel, u, iterations):
    matrix = kernel.reshape(-1, kernel.shape[-1])
    for _ in range(iterations):
        v = _l2_normalize(u @ matrix.T)
        u = _l2_normalize(v @ matrix)
    sigma = (v @ matrix @ u.T).item()
    return u, kernel / sigma


def test_weights_names_order_and_trainability():
    layer = layers.SpectralNormalization(layers.Dense(4))
    layer.build((None, 3))
    assert [w.path for w in layer.weights] == [
        f"{layer.name}/dense/kernel",
        f"{layer.name}/vector_u",
        f"{layer.name}/dense/bias",
    ]
    assert [w.name for w in layer.trainable_weights] == ["kernel", "bias"]
    assert [w.name for w in layer.non_trainable_weights] == ["vector_u"]
    assert tuple(layer.vector_u.shape) == (1, 4)
    assert layer.input_spec.axes == {-1: 3}


def test_vector_u_is_truncated_normal():
    layer = layers.SpectralNormalization(layers.Dense(4000))
    layer.build((None, 2))
    u = layer.vector_u.numpy()
    assert np.abs(u).max() <= 0.04 + 1e-6
    assert 0.015 < u.std() < 0.02 and abs(u.mean()) < 2e-3


@pytest.mark.parametrize("iterations", [1, 3])
def test_training_normalizes_and_stores_kernel(iterations):
    layer = layers.SpectralNormalization(
        layers.Dense(4, kernel_initializer="random_normal"),
        power_iterations=iterations,
    )
    x = _inputs(5, 3)
    np.testing.assert_allclose(
        _np(layer(x)), x @ layer.layer.kernel.numpy(), rtol=1e-5, atol=1e-6
    )
    kernel, u, bias = layer.get_weights()
    expected_u, expected_kernel = _power_iteration(kernel, u, iterations)
    out = _np(layer(x, training=True))
    np.testing.assert_allclose(out, x @ expected_kernel + bias, rtol=1e-4, atol=1e-5)
    new_kernel, new_u, _ = layer.get_weights()
    np.testing.assert_allclose(new_kernel, expected_kernel, rtol=1e-4, atol=1e-6)
    np.testing.assert_allclose(new_u, expected_u, rtol=1e-4, atol=1e-6)
    np.testing.assert_allclose(
        _np(layer(x, training=False)), x @ new_kernel + bias, rtol=1e-5, atol=1e-6
    )


def test_repeated_training_converges_to_unit_spectral_norm():
    layer = layers.SpectralNormalization(layers.Dense(3), power_iterations=5)
    x = _inputs(2, 4)
    for _ in range(10):
        layer(x, training=True)
    singular_values = np.linalg.svd(layer.layer.kernel.numpy(), compute_uv=False)
    np.testing.assert_allclose(singular_values[0], 1.0, rtol=1e-2)


def test_embedding_and_normalized_weights():
    layer = layers.SpectralNormalization(layers.Embedding(6, 3))
    out = layer(np.array([[0, 5]]))
    assert tuple(out.shape) == (1, 2, 3)
    assert [w.name for w in layer.weights] == ["embeddings", "vector_u"]
    embeddings, u = layer.get_weights()
    vector_u, kernel = layer.normalized_weights()
    expected_u, expected_kernel = _power_iteration(embeddings, u, 1)
    np.testing.assert_allclose(_np(vector_u), expected_u, rtol=1e-4, atol=1e-6)
    np.testing.assert_allclose(_np(kernel), expected_kernel, rtol=1e-4, atol=1e-6)
    np.testing.assert_allclose(layer.get_weights()[0], embeddings)


def test_stateless_call_returns_new_vector_u():
    layer = layers.SpectralNormalization(layers.Dense(2))
    layer.build((None, 3))
    kernel, u, bias = layer.get_weights()
    x = _inputs(4, 3)
    out, (new_u,) = layer.stateless_call([kernel, bias], [u], x, training=True)
    expected_u, expected_kernel = _power_iteration(kernel, u, 1)
    np.testing.assert_allclose(_np(new_u), expected_u, rtol=1e-4, atol=1e-6)
    np.testing.assert_allclose(_np(out), x @ expected_kernel + bias, rtol=1e-4)
    np.testing.assert_allclose(layer.vector_u.numpy(), u)


def test_config_round_trip_and_keras_keys():
    layer = layers.SpectralNormalization(layers.Dense(4), power_iterations=2)
    layer.build((None, 3))
    config = layer.get_config()
    assert list(config) == ["name", "trainable", "dtype", "layer", "power_iterations"]
    assert config["layer"]["class_name"] == "Dense"
    clone = layers.SpectralNormalization.from_config(config)
    assert clone.power_iterations == 2 and clone.layer.units == 4
    serialized = layers.serialize(layer)
    assert serialized["module"] == "keras.layers"
    assert isinstance(layers.deserialize(serialized), layers.SpectralNormalization)


def test_bad_arguments():
    for iterations in (0, -1, 1.5):
        with pytest.raises(ValueError, match="power_iterations"):
            layers.SpectralNormalization(layers.Dense(2), power_iterations=iterations)
    with pytest.raises(ValueError, match="isn't a supported layer"):
        layers.SpectralNormalization(3)
    with pytest.raises(ValueError, match="no attribute 'kernel' nor 'embeddings'"):
        layers.SpectralNormalization(layers.Dropout(0.1)).build((None, 3))


def test_symbolic_model_and_mixed_precision():
    layer = layers.SpectralNormalization(layers.Dense(4))
    inputs = keras_core.Input((None, 3))
    outputs = layer(inputs)
    assert outputs.shape == (None, None, 4)
    assert layer.compute_output_shape((2, 5, 3)) == (2, 5, 4)
    model = keras_core.Model(inputs, outputs)
    x = _inputs(2, 5, 3)
    np.testing.assert_allclose(_np(model(x)), _np(layer(x)), rtol=1e-6)
    mixed = layers.SpectralNormalization(layers.Dense(4), dtype="mixed_float16")
    out = mixed(_inputs(2, 3), training=True)
    assert ops.convert_to_numpy(out).dtype == np.float16
    assert [w.dtype for w in mixed.weights] == ["float32"] * 3


@needs_gradients
def test_gradients_reach_all_weights():
    layer = layers.SpectralNormalization(layers.Dense(3))
    assert_gradients_reach_all_weights(layer, _inputs(4, 2), training=True)
