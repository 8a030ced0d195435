"""keras_core.layers.HashedCrossing."""

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops
from keras_core._src.layers.preprocessing.farmhash import fingerprint64

BACKEND = keras_core.config.backend()
BUCKETS = 2**31 - 1
MASK = 2**64 - 1

INTS = np.array([[1], [2], [-3], [2**40]], dtype="int64")
WORDS = np.array(
    [
        ["A"],
        ["bb"],
        [""],
        ["long string over sixty-four bytes long long long long long long!!"],
    ]
)
# TensorFlow (not Keras) computed these, once:
# tf.sparse.cross_hashed([INTS, WORDS], 2**31 - 1).values
CROSS = [1997789125, 1395007846, 2006679766, 338333744]
# tf.sparse.cross_hashed([WORDS, INTS, WORDS], 2**31 - 1).values
CROSS3 = [2122667793, 1110331158, 2027465579, 1612900926]
# tf.sparse.cross_hashed([INTS, INTS], 2**31 - 1).values
CROSS_INTS = [91676780, 167156524, 577516979, 1702789246]


def _np(x):
    return ops.convert_to_numpy(x)


def _shift_mix(value):
    return value ^ (value >> 47)


def _cat(first, second):
    # TensorFlow's FingerprintCat64, written from its published definition.
    mul = 0xC6A4A7935BD1E995
    result = first ^ mul
    result ^= (_shift_mix((second * mul) & MASK) * mul) & MASK
    result = (result * mul) & MASK
    result = (_shift_mix(result) * mul) & MASK
    return _shift_mix(result)


def _reference(columns, num_bins):
    bins = []
    for row in zip(*[np.ravel(c).tolist() for c in columns], strict=True):
        value = 0xDECAFCAFFE
        for item in row:
            if isinstance(item, str):
                item = fingerprint64(item.encode())
            value = _cat(value, item % 2**64)
        bins.append(value % num_bins)
    return np.array(bins)


def test_bins_match_tensorflow_reference():
    layer = layers.HashedCrossing(BUCKETS)
    np.testing.assert_array_equal(_np(layer((INTS, WORDS)))[:, 0], CROSS)
    np.testing.assert_array_equal(_np(layer((WORDS, INTS, WORDS)))[:, 0], CROSS3)
    np.testing.assert_array_equal(_np(layer([INTS, INTS]))[:, 0], CROSS_INTS)
    np.testing.assert_array_equal(CROSS, _reference([INTS, WORDS], BUCKETS))


@pytest.mark.skipif(BACKEND != "tensorflow", reason="live TensorFlow reference")
def test_bins_match_live_tensorflow():
    import tensorflow as tf

    rng = np.random.default_rng(0)
    ints = rng.integers(-1000, 1000, size=(20, 1))
    words = rng.choice(["x", "yy", "zzz", "long" * 20], size=(20, 1))
    crossed = tf.sparse.cross_hashed([tf.constant(ints), tf.constant(words)], 97)
    expected = crossed.values.numpy()
    got = _np(layers.HashedCrossing(97)((ints, words)))
    np.testing.assert_array_equal(got[:, 0], expected)


def test_shapes_ranks_and_one_hot():
    feat1 = np.array([1, 2, 3, 4])
    feat2 = np.array(["A", "B", "A", "B"])
    layer = layers.HashedCrossing(5)
    expected = _reference([feat1, feat2], 5)
    out = layer((feat1, feat2))
    assert tuple(out.shape) == (4,) and "int" in str(out.dtype)
    np.testing.assert_array_equal(_np(out), expected)
    np.testing.assert_array_equal(
        _np(layer((feat1[:, None], feat2[:, None]))), expected[:, None]
    )
    assert _np(layer((feat1[0], feat2[0]))) == expected[0]
    one_hot = layers.HashedCrossing(5, output_mode="one_hot")
    np.testing.assert_array_equal(
        _np(one_hot((feat1[:, None], feat2[:, None]))), np.eye(5)[expected]
    )


def test_symbolic_and_model():
    a = keras_core.Input((1,), dtype="int32")
    b = keras_core.Input((1,), dtype="int32")
    out = layers.HashedCrossing(4)((a, b))
    assert out.shape == (None, 1) and out.dtype == "int64"
    encoded = layers.HashedCrossing(4, output_mode="one_hot")((a, b))
    assert encoded.shape == (None, 4) and encoded.dtype == "float32"
    words = keras_core.Input((), dtype="string")
    assert layers.HashedCrossing(4)((words, words)).shape == (None,)
    model = keras_core.Model([a, b], out)
    model.compile(run_eagerly=True)
    x1, x2 = np.array([[1], [5]]), np.array([[7], [-7]])
    np.testing.assert_array_equal(
        model.predict([x1, x2], verbose=0)[:, 0], _reference([x1, x2], 4)
    )


def test_config_round_trip():
    layer = layers.HashedCrossing(9, output_mode="one_hot", name="cross")
    config = layer.get_config()
    assert config == {
        "num_bins": 9,
        "output_mode": "one_hot",
        "sparse": False,
        "name": "cross",
        "dtype": "float32",
    }
    assert layers.HashedCrossing.from_config(config).get_config() == config
    assert layers.HashedCrossing(3).get_config()["dtype"] == "int64"


def test_input_errors():
    layer = layers.HashedCrossing(4)
    ints = np.array([1, 2])
    with pytest.raises(ValueError, match="list or tuple"):
        layer(ints)
    with pytest.raises(ValueError, match="at least two"):
        layer((ints,))
    with pytest.raises(ValueError, match="equal shape"):
        layer((ints, np.array([1])))
    with pytest.raises(ValueError, match=r"\(batch_size, 1\)"):
        layer((np.ones((2, 2), "int32"), np.ones((2, 2), "int32")))
    with pytest.raises(ValueError, match="integer or string"):
        layer((np.array([1.5, 2.0]), ints))
    with pytest.raises(ValueError, match="integer or string"):
        layer((keras_core.Input((1,)), keras_core.Input((1,), dtype="int32")))


def test_argument_errors():
    with pytest.raises(ValueError, match="num_bins"):
        layers.HashedCrossing(0)
    with pytest.raises(ValueError, match="output_mode"):
        layers.HashedCrossing(3, output_mode="multi_hot")
    with pytest.raises(ValueError, match="sparse"):
        layers.HashedCrossing(3, sparse=True)
    if BACKEND in ("torch", "numpy"):
        with pytest.raises(ValueError, match="sparse tensors"):
            layers.HashedCrossing(3, output_mode="one_hot", sparse=True)
    else:
        data = (np.array([1]), np.array([3]))
        sparse = layers.HashedCrossing(4, output_mode="one_hot", sparse=True)(data)
        dense = layers.HashedCrossing(4, output_mode="one_hot")(data)
        np.testing.assert_array_equal(_np(sparse), _np(dense))
