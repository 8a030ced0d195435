"""Tests of `keras_core.layers.Embedding` against NumPy references."""

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops


def _np(x):
    return np.asarray(ops.convert_to_numpy(x))


@pytest.mark.parametrize("shape", [(5,), (2, 3), (2, 3, 4)])
@pytest.mark.parametrize("dtype", ["int32", "int64", "uint8"])
def test_lookup_any_shape(shape, dtype):
    layer = layers.Embedding(10, 3)
    indices = np.random.default_rng(0).integers(0, 10, size=shape).astype(dtype)
    out = _np(layer(indices))
    (table,) = layer.get_weights()
    np.testing.assert_allclose(out, table[indices.astype("int64")])
    assert out.shape == (*shape, 3) and out.dtype == np.float32


def test_float_indices_are_truncated():
    layer = layers.Embedding(4000, 2, dtype="mixed_float16")
    out = _np(layer(np.array([1.7, 0.2, 3001.0], "float32")))
    (table,) = layer.get_weights()
    np.testing.assert_allclose(out, table[[1, 0, 3001]].astype("float16"))
    assert out.dtype == np.float16
    assert [w.dtype for w in layer.weights] == ["float32"]


def test_weights_initializer_and_config():
    layer = layers.Embedding(10, 3)
    layer.build()
    assert [(w.name, tuple(w.shape)) for w in layer.weights] == [
        ("embeddings", (10, 3))
    ]
    assert np.all(np.abs(layer.get_weights()[0]) <= 0.05)
    config = layer.get_config()
    assert list(config) == [
        "name",
        "trainable",
        "dtype",
        "input_dim",
        "output_dim",
        "embeddings_initializer",
        "embeddings_regularizer",
        "activity_regularizer",
        "embeddings_constraint",
        "mask_zero",
        "quantization_config",
    ]
    assert config["embeddings_initializer"]["class_name"] == "RandomUniform"
    assert layers.Embedding.from_config(config).get_config() == config
    restored = layers.deserialize(layers.serialize(layer))
    assert (restored.input_dim, restored.output_dim) == (10, 3)


def test_weights_argument_builds_at_once():
    table = np.arange(6, dtype="float32").reshape(3, 2)
    layer = layers.Embedding(3, 2, weights=[table])
    assert layer.built
    np.testing.assert_array_equal(layer.get_weights()[0], table)
    np.testing.assert_array_equal(_np(layer(np.array([2, 0]))), table[[2, 0]])
    with pytest.raises(ValueError, match=r"\(3, 2\).*\(4, 2\)"):
        layers.Embedding(3, 2, weights=np.ones((4, 2)))


@pytest.mark.parametrize(
    "input_dim,output_dim,name",
    [
        (0, 2, "input_dim"),
        (-1, 2, "input_dim"),
        (2.5, 2, "input_dim"),
        (None, 2, "input_dim"),
        (2, 0, "output_dim"),
    ],
)
def test_bad_dims(input_dim, output_dim, name):
    with pytest.raises(ValueError, match=f"`{name}` must be a positive integer"):
        layers.Embedding(input_dim, output_dim)


def test_mask_zero():
    layer = layers.Embedding(10, 3, mask_zero=True)
    indices = np.array([[1, 0, 4]])
    np.testing.assert_array_equal(
        _np(layer.compute_mask(indices)), [[True, False, True]]
    )
    assert layers.Embedding(10, 3).compute_mask(indices) is None
    inputs = keras_core.Input((4,), dtype="int32")
    outputs = layer(inputs)
    assert outputs.shape == (None, 4, 3) and outputs.dtype == "float32"
    assert outputs._keras_mask.shape == (None, 4)
    assert outputs._keras_mask.dtype == "bool"


def test_in_model_and_stateless_call():
    inputs = keras_core.Input((3,), dtype="int32")
    layer = layers.Embedding(5, 2)
    model = keras_core.Model(inputs, layer(inputs))
    indices = np.array([[0, 4, 2]], "int32")
    np.testing.assert_allclose(_np(model(indices)), layer.get_weights()[0][indices])
    table = np.arange(10, dtype="float32").reshape(5, 2)
    out, _ = layer.stateless_call([table], [], indices)
    np.testing.assert_allclose(_np(out), table[indices])
    assert layer.compute_output_shape((None, 3)) == (None, 3, 2)


def test_lora():
    layer = layers.Embedding(
        5, 3, lora_rank=2, lora_alpha=4, embeddings_regularizer="l2"
    )
    layer.build()
    assert [(w.name, tuple(w.shape), w.trainable) for w in layer.weights] == [
        ("embeddings", (5, 3), False),
        ("lora_embeddings_a", (5, 2), True),
        ("lora_embeddings_b", (2, 3), True),
    ]
    assert len(layer.losses) == 2
    rng = np.random.default_rng(1)
    a = rng.normal(size=(5, 2)).astype("float32")
    b = rng.normal(size=(2, 3)).astype("float32")
    layer.lora_embeddings_a.assign(a)
    layer.lora_embeddings_b.assign(b)
    merged = layer._embeddings.numpy() + 2.0 * (a @ b)
    np.testing.assert_allclose(_np(layer.embeddings), merged, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(
        _np(layer(np.array([3, 1]))), merged[[3, 1]], rtol=1e-5, atol=1e-5
    )
    assert (layer.get_config()["lora_rank"], layer.get_config()["lora_alpha"]) == (2, 4)


def test_quantize_not_implemented():
    layer = layers.Embedding(5, 3)
    layer.build()
    with pytest.raises(NotImplementedError, match="quantization"):
        layer.quantize("int8")
