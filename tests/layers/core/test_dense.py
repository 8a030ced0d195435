"""Tests of `keras_core.layers.Dense` against NumPy references."""

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops


def _np(x):
    return np.asarray(ops.convert_to_numpy(x))


def _inputs(*shape, seed=0):
    return np.random.default_rng(seed).normal(size=shape).astype("float32")


@pytest.mark.parametrize("shape", [(3, 4), (2, 3, 4), (2, 2, 3, 4)])
def test_matches_numpy_for_any_rank(shape):
    layer = layers.Dense(5, activation="relu", bias_initializer="ones")
    x = _inputs(*shape)
    out = _np(layer(x))
    kernel, bias = layer.get_weights()
    np.testing.assert_allclose(
        out, np.maximum(x @ kernel + bias, 0), rtol=1e-5, atol=1e-5
    )
    assert out.shape == (*shape[:-1], 5)


def test_weights_names_shapes_and_no_bias():
    layer = layers.Dense(3)
    layer.build((None, 4))
    assert [w.name for w in layer.weights] == ["kernel", "bias"]
    assert layer.weights[0].path == f"{layer.name}/kernel"
    assert [tuple(w.shape) for w in layer.weights] == [(4, 3), (3,)]
    layer = layers.Dense(3, use_bias=False)
    layer.build((None, 4))
    assert [w.name for w in layer.weights] == ["kernel"]
    assert layer.bias is None
    x = _inputs(2, 4)
    np.testing.assert_allclose(_np(layer(x)), x @ layer.get_weights()[0], rtol=1e-5)


def test_config_round_trip_and_keras_keys():
    layer = layers.Dense(3, activation="tanh", kernel_regularizer="l2")
    config = layer.get_config()
    assert list(config) == [
        "name",
        "trainable",
        "dtype",
        "units",
        "activation",
        "use_bias",
        "kernel_initializer",
        "bias_initializer",
        "kernel_regularizer",
        "bias_regularizer",
        "kernel_constraint",
        "bias_constraint",
        "quantization_config",
    ]
    assert config["activation"] == "tanh"
    assert config["kernel_initializer"]["class_name"] == "GlorotUniform"
    clone = layers.Dense.from_config(config)
    assert clone.get_config() == config
    restored = layers.deserialize(layers.serialize(layer))
    assert isinstance(restored, layers.Dense) and restored.units == 3
    assert layers.serialize(layer)["module"] == "keras.layers"


@pytest.mark.parametrize("units", [0, -1, 2.5, "a", None, True])
def test_bad_units(units):
    with pytest.raises(ValueError, match="units"):
        layers.Dense(units)


def test_input_checks():
    layer = layers.Dense(3)
    with pytest.raises(ValueError, match="min_ndim=2"):
        layer(_inputs(4))
    layer = layers.Dense(3)
    layer(_inputs(2, 4))
    with pytest.raises(ValueError, match="axis -1"):
        layer(_inputs(2, 5))
    with pytest.raises(ValueError, match="last axis"):
        layers.Dense(3).build((None, None))


def test_symbolic_model_and_compute_output_shape():
    inputs = keras_core.Input((5, 4))
    layer = layers.Dense(3)
    outputs = layer(inputs)
    assert outputs.shape == (None, 5, 3) and outputs.dtype == "float32"
    assert layer.compute_output_shape((2, 7, 4)) == (2, 7, 3)
    model = keras_core.Model(inputs, outputs)
    x = _inputs(2, 5, 4)
    kernel, bias = layer.get_weights()
    np.testing.assert_allclose(_np(model(x)), x @ kernel + bias, rtol=1e-5, atol=1e-5)


def test_mixed_precision():
    layer = layers.Dense(3, dtype="mixed_float16")
    out = layer(_inputs(2, 4))
    assert ops.convert_to_numpy(out).dtype == np.float16
    assert [w.dtype for w in layer.weights] == ["float32", "float32"]
    assert layer(keras_core.Input((4,))).dtype == "float16"


def test_stateless_call():
    layer = layers.Dense(2)
    layer.build((None, 3))
    kernel = np.arange(6, dtype="float32").reshape(3, 2)
    bias = np.array([1.0, -1.0], "float32")
    x = _inputs(4, 3)
    out, non_trainable = layer.stateless_call([kernel, bias], [], x)
    np.testing.assert_allclose(_np(out), x @ kernel + bias, rtol=1e-5)
    assert non_trainable == []
    assert not np.allclose(layer.get_weights()[0], kernel)


def test_mask_passes_through():
    inputs = keras_core.Input((3,), dtype="int32")
    vectors = layers.Embedding(5, 4, mask_zero=True)(inputs)
    outputs = layers.Dense(2)(vectors)
    assert outputs._keras_mask.shape == (None, 3)


def test_lora_constructor_and_enable():
    layer = layers.Dense(3, lora_rank=2, lora_alpha=6)
    layer.build((None, 4))
    assert [w.name for w in layer.weights] == [
        "kernel",
        "bias",
        "lora_kernel_a",
        "lora_kernel_b",
    ]
    assert [w.name for w in layer.trainable_weights] == [
        "bias",
        "lora_kernel_a",
        "lora_kernel_b",
    ]
    assert tuple(layer.lora_kernel_a.shape) == (4, 2)
    a = _inputs(4, 2, seed=1)
    b = _inputs(2, 3, seed=2)
    layer.lora_kernel_a.assign(a)
    layer.lora_kernel_b.assign(b)
    base = layer._kernel.numpy()
    merged = base + 3.0 * (a @ b)
    np.testing.assert_allclose(_np(layer.kernel), merged, rtol=1e-5, atol=1e-5)
    x = _inputs(2, 4)
    np.testing.assert_allclose(
        _np(layer(x)), x @ merged + layer.bias.numpy(), rtol=1e-4, atol=1e-4
    )
    config = layer.get_config()
    assert (config["lora_rank"], config["lora_alpha"]) == (2, 6)
    with pytest.raises(ValueError, match="already enabled"):
        layer.enable_lora(2)
    with pytest.raises(ValueError, match="isn't yet built"):
        layers.Dense(3).enable_lora(2)
    with pytest.raises(ValueError, match="lora_rank"):
        layers.Dense(3, lora_rank=0)


def test_lora_starts_unchanged_and_regularizes_factors():
    layer = layers.Dense(3, kernel_regularizer="l2")
    x = _inputs(2, 4)
    before = _np(layer(x))
    layer.enable_lora(2)
    np.testing.assert_allclose(_np(layer(x)), before, rtol=1e-6)
    assert layer.get_config()["lora_alpha"] == 2
    assert len(layer.losses) == 2


def test_quantization_not_implemented():
    layer = layers.Dense(3, quantization_config={"mode": "int8"})
    assert layer.get_config()["quantization_config"] == {"mode": "int8"}
    with pytest.raises(ValueError, match="isn't yet built"):
        layer.quantize("int8")
    layer.build((None, 4))
    with pytest.raises(NotImplementedError, match="quantization issue"):
        layer.quantize("int8")
