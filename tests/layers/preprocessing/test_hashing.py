"""keras_core.layers.Hashing, and the FarmHash / SipHash it is built on."""

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops
from keras_core._src.layers.preprocessing.farmhash import fingerprint64
from keras_core._src.layers.preprocessing.siphash import siphash24

BACKEND = keras_core.config.backend()
BUCKETS = 2**31 - 1

# Strings covering every length branch of Fingerprint64 (0-16, 17-32,
# 33-64, and the 64-byte loop once and several times) and UTF-8.
STRINGS = [
    "",
    "a",
    "ab",
    "abc",
    "abcd",
    "hello",
    "keras!!!",
    "sixteen bytes!!!",
    "seventeen bytes!!",
    "a string of exactly thirty-two b",
    "thirty-three bytes long string!!!",
    "x" * 64,
    "y" * 65,
    "The quick brown fox jumps over the lazy dog. " * 3,
    "héllo wörld ✓",
]
# TensorFlow (not Keras) computed these, once:
# tf.strings.to_hash_bucket_fast(STRINGS, 2**31 - 1)
FAST = [
    1699943623, 493484721, 399016389, 1043552938, 2127136445, 441440317,
    765045937, 1858389042, 859558449, 1333932066, 68368214, 257920164,
    4878865, 1593372836, 834599625,
]  # fmt: skip
# tf.strings.to_hash_bucket_strong(STRINGS, 2**31 - 1, key=[133, 137])
STRONG = [
    1380786607, 1322453157, 48478701, 1436537283, 298740832, 2028777138,
    487637437, 1247609226, 93091622, 804495158, 1188034450, 438217926,
    1413730627, 1842005867, 1366828190,
]  # fmt: skip
INTS = [0, 1, -1, 42, 123456789, -9876543210, 2**62]
# tf.strings.to_hash_bucket_fast(tf.strings.as_string(INTS), 2**31 - 1)
INT_BINS = [
    1633463888,
    342560855,
    1833158626,
    1737694616,
    1684752350,
    792822059,
    72338356,
]


def _np(x):
    return ops.convert_to_numpy(x)


def test_fingerprint64_matches_tensorflow_reference():
    assert fingerprint64(b"") == 0x9AE16A3B2F90404F
    got = [fingerprint64(s.encode()) % BUCKETS for s in STRINGS]
    assert got == FAST


def test_siphash_published_vectors():
    # SipHash-2-4 paper, Appendix A: key 00..0f, messages 00..(n-1).
    key = (0x0706050403020100, 0x0F0E0D0C0B0A0908)
    assert siphash24(key, b"") == 0x726FDB47DD0E0E31
    assert siphash24(key, bytes(range(15))) == 0xA129CA6149BE45E5


def test_bins_match_tensorflow_for_strings_ints_and_salt():
    got = _np(layers.Hashing(BUCKETS)(np.array(STRINGS, dtype=object)))
    np.testing.assert_array_equal(got, FAST)
    got = _np(layers.Hashing(BUCKETS, salt=[133, 137])(STRINGS))
    np.testing.assert_array_equal(got, STRONG)
    got = _np(layers.Hashing(BUCKETS)(np.array(INTS, dtype="int64")))
    np.testing.assert_array_equal(got, INT_BINS)


@pytest.mark.skipif(BACKEND != "tensorflow", reason="live TensorFlow reference")
def test_bins_match_live_tensorflow_ops():
    import tensorflow as tf

    rng = np.random.default_rng(0)
    words = ["".join(rng.choice(list("abcxyz é"), n)) for n in range(0, 90, 3)]
    expected = tf.strings.to_hash_bucket_fast(words, 1009).numpy()
    np.testing.assert_array_equal(_np(layers.Hashing(1009)(words)), expected)
    expected = tf.strings.to_hash_bucket_strong(words, 1009, key=[7, 7]).numpy()
    np.testing.assert_array_equal(_np(layers.Hashing(1009, salt=7)(words)), expected)


def test_small_bins_mask_and_value_kinds():
    letters = np.array([["A"], ["B"], ["C"], ["D"], ["E"]])
    out = layers.Hashing(3)(letters)
    assert tuple(out.shape) == (5, 1)
    assert "int" in str(out.dtype)
    expected = np.array([fingerprint64(s.encode()) % 3 for s in "ABCDE"])
    np.testing.assert_array_equal(_np(out)[:, 0], expected)
    # The mask value takes bin 0; the rest hash into [1, num_bins).
    masked = _np(layers.Hashing(3, mask_value="")(["", "A", "B", "C"]))
    rest = [fingerprint64(s.encode()) % 2 + 1 for s in "ABC"]
    np.testing.assert_array_equal(masked, [0, *rest])
    masked = _np(layers.Hashing(7, mask_value=2)(np.array([1, 2, 3])))
    assert masked[1] == 0 and masked[0] == fingerprint64(b"1") % 6 + 1
    # bytes, object arrays, a scalar string, booleans, truncated floats.
    one = layers.Hashing(4)
    assert _np(one("a")) == fingerprint64(b"a") % 4
    np.testing.assert_array_equal(_np(one([b"a", b"b"])), _np(one(["a", "b"])))
    np.testing.assert_array_equal(
        _np(one(np.array([True]))), [fingerprint64(b"true") % 4]
    )
    np.testing.assert_array_equal(
        _np(one(np.array([2.9, -0.9]))), _np(one(np.array([2, 0])))
    )
    tensor = ops.convert_to_tensor(np.array([1, 2], dtype="int32"))
    np.testing.assert_array_equal(_np(one(tensor)), _np(one(np.array([1, 2]))))


def test_encoded_output_modes():
    data = np.array([["a", "b", "a"], ["c", "c", "c"]])
    bins = np.vectorize(lambda s: fingerprint64(s.encode()) % 5)(data)
    one_hot = np.eye(5, dtype="float32")[bins]
    np.testing.assert_array_equal(
        _np(layers.Hashing(5, output_mode="one_hot")(data)), one_hot
    )
    np.testing.assert_array_equal(
        _np(layers.Hashing(5, output_mode="multi_hot")(data)), one_hot.max(axis=1)
    )
    np.testing.assert_array_equal(
        _np(layers.Hashing(5, output_mode="count")(data)), one_hot.sum(axis=1)
    )


def test_symbolic_shapes_and_model():
    inputs = keras_core.Input((2,), dtype="string")
    assert layers.Hashing(4)(inputs).shape == (None, 2)
    assert layers.Hashing(4)(inputs).dtype == "int64"
    encoded = layers.Hashing(4, output_mode="multi_hot")(inputs)
    assert encoded.shape == (None, 4) and encoded.dtype == "float32"
    ints = keras_core.Input((1,), dtype="int32")
    model = keras_core.Model(ints, layers.Hashing(5)(ints))
    model.compile(run_eagerly=True)
    data = np.array([[1], [2], [42]])
    expected = [[fingerprint64(str(v).encode()) % 5] for v in (1, 2, 42)]
    np.testing.assert_array_equal(model.predict(data, verbose=0), expected)


@pytest.mark.xfail(
    BACKEND in ("jax", "torch"),
    reason="Functional converts string inputs to backend tensors (reported)",
    strict=True,
)
def test_functional_model_on_strings():
    inputs = keras_core.Input((1,), dtype="string")
    model = keras_core.Model(inputs, layers.Hashing(5)(inputs))
    expected = [[fingerprint64(b"a") % 5], [fingerprint64(b"b") % 5]]
    np.testing.assert_array_equal(_np(model(np.array([["a"], ["b"]]))), expected)


@pytest.mark.skipif(BACKEND != "jax", reason="jax.jit traces the call")
def test_traced_call_names_the_fix():
    import jax

    layer = layers.Hashing(5)
    with pytest.raises(ValueError, match="run_eagerly=True"):
        jax.jit(layer)(np.array([1, 2]))


def test_config_round_trip():
    layer = layers.Hashing(7, mask_value="x", salt=3, output_mode="count", name="h")
    config = layer.get_config()
    assert config["salt"] == [3, 3]
    assert config["dtype"]["config"]["name"] == "float32"
    assert list(config) == [
        "name", "trainable", "dtype", "num_bins", "salt", "mask_value",
        "output_mode", "sparse",
    ]  # fmt: skip
    clone = layers.Hashing.from_config(config)
    assert clone.get_config() == config
    np.testing.assert_array_equal(_np(clone(["p", "x"])), _np(layer(["p", "x"])))
    assert layers.Hashing(3).get_config()["dtype"]["config"]["name"] == "int64"


def test_argument_errors():
    with pytest.raises(ValueError, match="num_bins"):
        layers.Hashing(0)
    with pytest.raises(ValueError, match="num_bins"):
        layers.Hashing(None)
    with pytest.raises(ValueError, match="output_mode"):
        layers.Hashing(3, output_mode="tf_idf")
    with pytest.raises(ValueError, match="salt"):
        layers.Hashing(3, salt=[1, 2, 3])
    with pytest.raises(ValueError, match="salt"):
        layers.Hashing(3, salt="a")
    with pytest.raises(ValueError, match="sparse"):
        layers.Hashing(3, sparse=True)


def test_sparse_outputs():
    if BACKEND in ("torch", "numpy"):
        with pytest.raises(ValueError, match="sparse tensors"):
            layers.Hashing(3, output_mode="multi_hot", sparse=True)
        return
    # Every sparse test builds (1, 4) float32 results: JAX compiles its
    # dense-to-sparse conversion once per shape, slowly.
    data = np.array([["a", "b", "a"]])
    dense = _np(layers.Hashing(4, output_mode="count")(data))
    sparse = layers.Hashing(4, output_mode="count", sparse=True)(data)
    assert not isinstance(sparse, np.ndarray)
    np.testing.assert_array_equal(_np(sparse), dense)
