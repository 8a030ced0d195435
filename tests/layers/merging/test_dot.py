"""keras_core.layers.Dot and dot."""

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops

RNG = np.random.RandomState(0)
X3 = RNG.rand(2, 3, 4).astype("float32")
Y3 = RNG.rand(2, 5, 3).astype("float32")
A = RNG.rand(2, 3).astype("float32")
B = RNG.rand(2, 3).astype("float32")


def _np(x):
    return ops.convert_to_numpy(x)


def test_vectors_give_batch_by_one():
    expected = np.sum(A * B, axis=1, keepdims=True)
    np.testing.assert_allclose(_np(layers.Dot(axes=1)([A, B])), expected, rtol=1e-5)
    np.testing.assert_allclose(_np(layers.dot([A, B], axes=-1)), expected, rtol=1e-5)


def test_normalize_gives_cosine_similarity():
    expected = np.sum(A * B, axis=1, keepdims=True) / (
        np.linalg.norm(A, axis=1, keepdims=True)
        * np.linalg.norm(B, axis=1, keepdims=True)
    )
    out = layers.Dot(axes=1, normalize=True)([A, B])
    np.testing.assert_allclose(_np(out), expected, rtol=1e-5)


@pytest.mark.parametrize("axes", [(1, 2), (-2, -1)])
def test_higher_rank(axes):
    expected = np.einsum("bij,bki->bjk", X3, Y3)
    np.testing.assert_allclose(
        _np(layers.Dot(axes=axes)([X3, Y3])), expected, rtol=1e-5
    )
    mixed = layers.Dot(axes=(1, 2))([A, Y3])
    np.testing.assert_allclose(_np(mixed), np.einsum("bi,bki->bk", A, Y3), rtol=1e-5)


def test_symbolic_shapes():
    out = layers.Dot(axes=(1, 2))([keras_core.Input((3, 4)), keras_core.Input((5, 3))])
    assert out.shape == (None, 4, 5)
    assert layers.Dot(axes=1).compute_output_shape([(None, 3), (None, 3)]) == (None, 1)
    assert layers.Dot(axes=(3, 1)).compute_output_shape([(2, 3, 4, 5), (2, 5, 6)]) == (
        2,
        3,
        4,
        6,
    )


def test_errors():
    with pytest.raises(ValueError, match=r"'d'.*3 \(at axis 1\) != 5.*\(2, 3, 4\)"):
        layers.Dot(axes=1, name="d")([X3, Y3])
    with pytest.raises(ValueError, match=r"list of 2 inputs.*3 inputs"):
        layers.Dot(axes=1)([A, A, A])
    with pytest.raises(ValueError, match="batch axis 0"):
        layers.Dot(axes=0)([A, B])
    with pytest.raises(ValueError, match="rank < 2"):
        layers.Dot(axes=0)([np.ones(3), np.ones(3)])
    with pytest.raises(ValueError, match="different batch sizes"):
        layers.Dot(axes=1)([A, np.ones((3, 3), "float32")])
    with pytest.raises(TypeError, match=r"axes.*Received: axes='x'"):
        layers.Dot(axes="x")
    with pytest.raises(ValueError, match="two elements"):
        layers.Dot(axes=[1, 2, 3])
    with pytest.raises(ValueError, match="integers"):
        layers.Dot(axes=(1.0, 2))


def test_masks_are_dropped():
    i1, i2 = keras_core.Input((3, 2)), keras_core.Input((3, 2))
    out = layers.Dot(axes=2)([layers.Masking()(i1), layers.Masking()(i2)])
    assert getattr(out, "_keras_mask", None) is None
    assert layers.Dot(axes=1).compute_mask([A, B], [np.ones(2, bool), None]) is None


def test_config_serialization_and_mixed_precision():
    layer = layers.Dot(axes=[1, 2], normalize=True, name="d")
    config = layer.get_config()
    assert set(config) == {"name", "trainable", "dtype", "axes", "normalize"}
    assert (config["axes"], config["normalize"]) == ([1, 2], True)
    assert layers.Dot.from_config(config).get_config() == config
    record = layers.serialize(layer)
    assert record["class_name"] == "Dot"
    assert layers.deserialize(record).normalize is True
    half = layers.Dot(axes=1, dtype="mixed_float16")([A, B])
    assert keras_core.backend.standardize_dtype(half.dtype) == "float16"
