"""Tests of `keras_core.layers.ReversibleEmbedding`."""

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops


def _np(x):
    return np.asarray(ops.convert_to_numpy(x))


def _vectors(*shape):
    return np.random.default_rng(0).normal(size=shape).astype("float32")


@pytest.mark.parametrize("tie_weights", [True, False])
def test_forward_and_reverse(tie_weights):
    layer = layers.ReversibleEmbedding(10, 3, tie_weights=tie_weights)
    indices = np.array([[1, 2], [9, 0]])
    out = _np(layer(indices))
    weights = layer.get_weights()
    np.testing.assert_allclose(out, weights[0][indices])
    h = _vectors(2, 4, 3)
    reverse_kernel = weights[0].T if tie_weights else weights[1]
    np.testing.assert_allclose(
        _np(layer(h, reverse=True)), h @ reverse_kernel, rtol=1e-5, atol=1e-6
    )
    expected = [("embeddings", (10, 3))]
    if not tie_weights:
        expected.append(("reverse_embeddings", (3, 10)))
    assert [(w.name, tuple(w.shape)) for w in layer.weights] == expected


def test_logit_soft_cap():
    layer = layers.ReversibleEmbedding(
        10, 3, logit_soft_cap=2.0, embeddings_initializer="ones"
    )
    h = _vectors(2, 3) * 10
    table = np.ones((10, 3), "float32")
    layer.build()
    np.testing.assert_allclose(
        _np(layer(h, reverse=True)),
        2.0 * np.tanh(h @ table.T / 2.0),
        rtol=1e-5,
        atol=1e-5,
    )


@pytest.mark.parametrize(
    "policy,reverse_dtype,inputs_dtype,expected",
    [
        ("float32", None, "float32", "float32"),
        ("float32", "float16", "float32", "float16"),
        ("mixed_float16", None, "float32", "float32"),
        ("mixed_float16", None, "float16", "float16"),
        ("mixed_float16", "float32", "float16", "float32"),
    ],
)
def test_reverse_dtypes(policy, reverse_dtype, inputs_dtype, expected):
    layer = layers.ReversibleEmbedding(10, 3, dtype=policy, reverse_dtype=reverse_dtype)
    out = layer(_vectors(2, 3).astype(inputs_dtype), reverse=True)
    assert ops.convert_to_numpy(out).dtype == np.dtype(expected)
    symbolic = layer(keras_core.Input((3,), dtype=inputs_dtype), reverse=True)
    assert symbolic.shape == (None, 10) and symbolic.dtype == expected


def test_config_and_shapes():
    layer = layers.ReversibleEmbedding(
        10, 3, tie_weights=False, reverse_dtype="float16", logit_soft_cap=2
    )
    config = layer.get_config()
    assert list(config)[-3:] == ["tie_weights", "reverse_dtype", "logit_soft_cap"]
    assert config["reverse_dtype"] == "float16" and config["tie_weights"] is False
    assert layers.ReversibleEmbedding.from_config(config).get_config() == config
    restored = layers.deserialize(layers.serialize(layer))
    assert isinstance(restored, layers.ReversibleEmbedding)
    assert layer.compute_output_shape((None, 5, 3), reverse=True) == (None, 5, 10)
    assert layer.compute_output_shape((None, 5)) == (None, 5, 3)


def test_lora_untied_order_and_tied_reverse():
    layer = layers.ReversibleEmbedding(10, 3, tie_weights=False, lora_rank=2)
    layer.build()
    assert [w.name for w in layer.weights] == [
        "embeddings",
        "reverse_embeddings",
        "lora_embeddings_a",
        "lora_embeddings_b",
    ]
    layer = layers.ReversibleEmbedding(10, 3)
    layer.build()
    layer.enable_lora(2)
    rng = np.random.default_rng(2)
    a = rng.normal(size=(10, 2)).astype("float32")
    b = rng.normal(size=(2, 3)).astype("float32")
    layer.lora_embeddings_a.assign(a)
    layer.lora_embeddings_b.assign(b)
    merged = layer._embeddings.numpy() + a @ b
    h = _vectors(2, 3)
    np.testing.assert_allclose(
        _np(layer(h, reverse=True)), h @ merged.T, rtol=1e-4, atol=1e-4
    )


def test_mask_zero_forward_and_model():
    layer = layers.ReversibleEmbedding(10, 3, mask_zero=True)
    np.testing.assert_array_equal(
        _np(layer.compute_mask(np.array([[1, 0]]))), [[True, False]]
    )
    inputs = keras_core.Input((4,), dtype="int32")
    vectors = layer(inputs)
    logits = layer(vectors, reverse=True)
    assert logits.shape == (None, 4, 10)
    assert logits._keras_mask.shape == (None, 4)
    model = keras_core.Model(inputs, logits)
    indices = np.array([[1, 2, 3, 0]], "int32")
    table = layer.get_weights()[0]
    np.testing.assert_allclose(
        _np(model(indices)), table[indices] @ table.T, rtol=1e-5, atol=1e-6
    )
