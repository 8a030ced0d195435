"""keras_core.layers.CategoryEncoding."""

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops

BACKEND = keras_core.config.backend()


def _np(x):
    return ops.convert_to_numpy(x)


def _reference(tokens, mode, depth, weights=None):
    tokens = np.asarray(tokens)
    if tokens.ndim == 0:
        tokens = tokens[None]
    eye = np.eye(depth, dtype="float32")
    if mode == "one_hot":
        if tokens.ndim >= 2 and tokens.shape[-1] == 1:
            tokens = tokens[..., 0]
        return eye[tokens]
    encoded = eye[tokens]
    if mode == "multi_hot":
        return encoded.max(axis=-2)
    if weights is not None:
        encoded = encoded * np.asarray(weights, "float32")[..., None]
    return encoded.sum(axis=-2)


CASES = [
    np.array(2),
    np.array([1, 2, 2]),
    np.array([[1, 2], [0, 0]]),
    np.array([[1], [3]]),
]


@pytest.mark.parametrize("mode", ["one_hot", "multi_hot", "count"])
def test_modes_and_ranks_match_numpy(mode):
    layer = layers.CategoryEncoding(4, output_mode=mode)
    for tokens in CASES:
        out = layer(tokens)
        expected = _reference(tokens, mode, 4)
        assert (
            tuple(out.shape)
            == expected.shape
            == layer.compute_output_shape(tokens.shape)
        )
        assert "float32" in str(out.dtype)
        np.testing.assert_array_equal(_np(out), expected)


def test_count_weights_and_float_tokens():
    tokens = np.array([[1, 2, 2], [0, 0, 3]])
    weights = np.array([[0.5, 1.0, 2.0], [1.0, 1.0, 1.0]], "float32")
    layer = layers.CategoryEncoding(4, output_mode="count")
    np.testing.assert_allclose(
        _np(layer(tokens, count_weights=weights)),
        _reference(tokens, "count", 4, weights),
    )
    np.testing.assert_array_equal(
        _np(layers.CategoryEncoding(4)([1.0, 2.0])), [0, 1, 1, 0]
    )
    ints = layers.CategoryEncoding(3, output_mode="one_hot", dtype="int32")(
        np.array([2])
    )
    assert "int32" in str(ints.dtype)


def test_symbolic_and_model():
    tokens = keras_core.Input((3,), dtype="int32")
    multi = layers.CategoryEncoding(5)(tokens)
    assert multi.shape == (None, 5) and multi.dtype == "float32"
    assert layers.CategoryEncoding(5, output_mode="one_hot")(tokens).shape == (
        None,
        3,
        5,
    )
    single = keras_core.Input((1,), dtype="int32")
    assert layers.CategoryEncoding(5, output_mode="one_hot")(single).shape == (None, 5)
    model = keras_core.Model(
        tokens, layers.CategoryEncoding(5, output_mode="count")(tokens)
    )
    data = np.array([[1, 1, 4], [0, 2, 3]])
    np.testing.assert_array_equal(
        model.predict(data, verbose=0), _reference(data, "count", 5)
    )


def test_config_round_trip():
    layer = layers.CategoryEncoding(6, output_mode="count", name="enc")
    config = layer.get_config()
    assert list(config) == ["name", "trainable", "dtype", "num_tokens", "output_mode"]
    clone = layers.CategoryEncoding.from_config(config)
    assert clone.get_config() == config
    data = np.array([[5, 5, 0]])
    np.testing.assert_array_equal(_np(clone(data)), _np(layer(data)))


def test_errors():
    layer = layers.CategoryEncoding(4)
    with pytest.raises(ValueError, match=r"\[0, 4\).*from 1 to 4"):
        layer(np.array([[1, 4]]))
    with pytest.raises(ValueError, match="from -1 to"):
        layer(np.array([-1, 0]))
    with pytest.raises(ValueError, match="count_weights"):
        layer(np.array([[1]]), count_weights=np.array([[1.0]]))
    with pytest.raises(ValueError, match="shape"):
        layers.CategoryEncoding(4, output_mode="count")(
            np.array([[1, 2]]), count_weights=np.array([1.0])
        )
    with pytest.raises(ValueError, match="IntegerLookup"):
        layers.CategoryEncoding()
    with pytest.raises(ValueError, match="num_tokens"):
        layers.CategoryEncoding(0)
    with pytest.raises(ValueError, match="output_mode"):
        layers.CategoryEncoding(3, output_mode="int")


def test_sparse():
    if BACKEND in ("torch", "numpy"):
        with pytest.raises(ValueError, match="sparse tensors"):
            layers.CategoryEncoding(3, sparse=True)
        return
    # (1, 4) float32 results only: JAX compiles its dense-to-sparse
    # conversion once per shape, slowly.
    tokens = np.array([[1, 2, 2]])
    for mode in ("multi_hot", "count"):
        out = layers.CategoryEncoding(4, output_mode=mode, sparse=True)(tokens)
        assert not isinstance(out, np.ndarray)
        np.testing.assert_array_equal(_np(out), _reference(tokens, mode, 4))
    out = layers.CategoryEncoding(4, output_mode="one_hot", sparse=True)(tokens[:, 0])
    np.testing.assert_array_equal(_np(out), _reference(tokens[:, 0], "one_hot", 4))
    spec = layers.CategoryEncoding(4, sparse=True)(
        keras_core.Input((2,), dtype="int32")
    )
    assert spec.sparse


def test_shared_encoder_tf_idf():
    # The lookup layers' tf_idf mode: counts times per-token idf weights.
    from keras_core._src.layers.preprocessing.preprocessing_utils import (
        encode_categorical_inputs,
    )

    tokens = np.array([[1, 2, 2], [0, 3, 3]])
    idf = np.array([0.5, 1.0, 2.0, 4.0], "float32")
    expected = _reference(tokens, "count", 4) * idf
    out = encode_categorical_inputs(tokens, "tf_idf", 4, idf_weights=idf)
    np.testing.assert_allclose(_np(out), expected)
    if BACKEND in ("jax", "tensorflow"):
        sparse = encode_categorical_inputs(
            tokens[:1], "tf_idf", 4, sparse=True, idf_weights=idf
        )
        np.testing.assert_allclose(_np(sparse), expected[:1])
