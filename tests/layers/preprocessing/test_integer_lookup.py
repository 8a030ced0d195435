"""keras_core.layers.IntegerLookup."""

import zipfile

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops

BACKEND = keras_core.config.backend()
INDEX_DTYPE = "int64" if BACKEND == "tensorflow" else "int32"


def _np(x):
    return ops.convert_to_numpy(x)


def _floormod_reference(values, vocabulary, num_oov, mask=None):
    """Keras's layout, written out: [mask] + OOV buckets (v mod n) + vocab."""
    start = 0 if mask is None else 1
    out = []
    for value in values:
        if mask is not None and value == mask:
            out.append(0)
        elif value in vocabulary:
            out.append(start + num_oov + vocabulary.index(value))
        else:
            out.append(start + value % num_oov)
    return out


def test_adapt_orders_by_frequency_then_reverse_value():
    layer = layers.IntegerLookup(mask_token=0)
    layer.adapt(np.array([[3, 3, 1, 2], [2, 7, 0, 0], [-1, -1, 0, 0]]))
    # 3 and 2 twice (ties: larger first), then 7 and 1; mask/OOV not counted.
    assert layer.get_vocabulary() == [0, -1, 3, 2, 7, 1]
    assert layer.vocabulary_size() == 6
    floats = layers.IntegerLookup()
    floats.adapt([1.0, 2.0, 2.0])
    assert floats.get_vocabulary() == [-1, 2, 1]


def test_floormod_oov_eager_and_traced():
    vocabulary = [10, 20, 30]
    values = [10, 0, 5, 30, 7, 20, -1, 11]
    expected = _floormod_reference(values, vocabulary, 3, mask=0)
    layer = layers.IntegerLookup(vocabulary=vocabulary, num_oov_indices=3, mask_token=0)
    np.testing.assert_array_equal(_np(layer(np.array(values))), expected)
    # In a model, predict traces the call (jit / tf.function): ops lookup.
    inputs = keras_core.Input(shape=(4,), dtype="int32")
    model = keras_core.Model(inputs, layer(inputs))
    out = model.predict(np.array(values).reshape(2, 4), verbose=0)
    np.testing.assert_array_equal(out, np.reshape(expected, (2, 4)))


def test_farmhash_oov_buckets():
    # Fingerprint64 of the decimal text % 3: "1" -> 0, "2" -> 1, "4" -> 2,
    # "-1" -> 0, "7" -> 1; keyed SipHash (3, 3): 2, 2, 0, 0, 2.
    values = np.array([1, 2, 4, -1, 7, 10])
    layer = layers.IntegerLookup(
        vocabulary=[10, 20], num_oov_indices=3, oov_method="farmhash"
    )
    np.testing.assert_array_equal(_np(layer(values)), [0, 1, 2, 0, 1, 3])
    salted = layers.IntegerLookup(
        vocabulary=[10, 20], num_oov_indices=3, oov_method="farmhash", salt=3
    )
    np.testing.assert_array_equal(_np(salted(values)), [2, 2, 0, 0, 2, 3])
    assert salted.get_config()["salt"] == [3, 3]
    assert not salted.supports_jit
    if BACKEND == "tensorflow":
        import tensorflow as tf

        text = [str(v) for v in values[:5]]
        np.testing.assert_array_equal(
            _np(layer(values))[:5], tf.strings.to_hash_bucket_fast(text, 3).numpy()
        )


@pytest.mark.parametrize("mode", ["multi_hot", "count", "tf_idf"])
def test_encoded_modes_in_a_model(mode):
    idf = [0.5, 1.0, 2.0] if mode == "tf_idf" else None
    layer = layers.IntegerLookup(
        vocabulary=[4, 5, 6], output_mode=mode, idf_weights=idf, mask_token=0
    )
    data = np.array([[4, 4, 9, 0], [6, 0, 0, 0]])
    inputs = keras_core.Input(shape=(4,), dtype="int32")
    outputs = layer(inputs)
    assert outputs.shape == (None, 4) and outputs.dtype == "float32"
    out = keras_core.Model(inputs, outputs).predict(data, verbose=0)
    # Indices: [UNK]=0, 4..6 -> 1..3; the mask counts for nothing.
    counts = np.array([[1, 2, 0, 0], [0, 0, 0, 1]], dtype="float32")
    if mode == "multi_hot":
        expected = np.minimum(counts, 1)
    elif mode == "tf_idf":
        expected = counts * [np.mean(idf), *idf]
    else:
        expected = counts
    np.testing.assert_allclose(out, expected, rtol=1e-6)
    np.testing.assert_allclose(_np(layer(data)), expected, rtol=1e-6)


def test_one_hot_and_invert():
    one_hot = layers.IntegerLookup(vocabulary=[7, 8], output_mode="one_hot")
    np.testing.assert_array_equal(
        _np(one_hot(np.array([[8], [3]]))), [[0, 0, 1], [1, 0, 0]]
    )
    invert = layers.IntegerLookup(vocabulary=[7, 8], invert=True, mask_token=0)
    indices = np.array([[0, 1, 2, 3, 4, -2]])
    expected = [[0, -1, 7, 8, -1, -1]]
    np.testing.assert_array_equal(_np(invert(indices)), expected)
    inputs = keras_core.Input(shape=(6,), dtype="int32")
    model = keras_core.Model(inputs, invert(inputs))
    assert model.outputs[0].dtype == INDEX_DTYPE
    np.testing.assert_array_equal(model.predict(indices, verbose=0), expected)


def test_symbolic_output_specs():
    layer = layers.IntegerLookup(vocabulary=[1, 2])
    out = layer(keras_core.Input(shape=(5,), dtype="int32"))
    assert out.shape == (None, 5) and out.dtype == INDEX_DTYPE
    padded = layers.IntegerLookup(
        vocabulary=[1], output_mode="multi_hot", max_tokens=6, pad_to_max_tokens=True
    )
    assert padded.compute_output_shape((None, 3)) == (None, 6)
    assert _np(padded(np.array([[1, 9]]))).shape == (1, 6)


def test_config_round_trip():
    layer = layers.IntegerLookup(
        vocabulary=np.array([3, 4]), num_oov_indices=2, mask_token=0, name="ids"
    )
    config = layer.get_config()
    assert config["vocabulary"] == [3, 4]
    assert config["vocabulary_dtype"] == "int64"
    assert config["vocabulary_size"] == 5
    restored = layers.IntegerLookup.from_config(config)
    assert restored.get_config() == config
    values = np.array([3, 4, 0, 9, 10])
    np.testing.assert_array_equal(_np(restored(values)), _np(layer(values)))


def test_saved_model_keeps_the_vocabulary(tmp_path):
    layer = layers.IntegerLookup(mask_token=0, output_mode="tf_idf")
    layer.adapt(np.array([[5, 5, 3], [3, 0, 0]]))
    inputs = keras_core.Input(shape=(3,), dtype="int32")
    model = keras_core.Model(inputs, layer(inputs))
    path = str(tmp_path / "model.keras")
    model.save(path)
    with zipfile.ZipFile(path) as archive:
        asset = archive.read("assets/layers/integer_lookup/vocabulary.txt")
    # Encoded modes have no mask index; 5 and 3 tie, the larger first.
    assert asset == b"-1\n5\n3"
    loaded = keras_core.saving.load_model(path)
    data = np.array([[5, 9, 3], [0, 3, 3]])
    idf = [np.log(1 + 2 / 2), np.log(1 + 2 / 3)]
    expected = np.array([[1, 1, 1], [0, 0, 2]]) * [np.mean(idf), *idf]
    np.testing.assert_allclose(loaded.predict(data, verbose=0), expected, rtol=1e-6)
    assert loaded.layers[1].get_vocabulary() == [-1, 5, 3]


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"vocabulary_dtype": "int32"}, "vocabulary_dtype"),
        ({"oov_token": "x"}, "oov_token"),
        ({"mask_token": 1.5}, "mask_token"),
        ({"oov_method": "modulo"}, "oov_method"),
        ({"vocabulary": [1, 1]}, "repeated"),
        ({"vocabulary": [1, 0], "mask_token": 0}, "mask token"),
        ({"vocabulary": ["a"]}, "integers"),
        ({"max_tokens": 0}, "max_tokens"),
    ],
)
def test_bad_arguments(kwargs, match):
    with pytest.raises(ValueError, match=match):
        layers.IntegerLookup(**kwargs)


def test_bad_inputs_and_missing_oov_index():
    layer = layers.IntegerLookup(vocabulary=[1])
    with pytest.raises(TypeError, match="expects integer inputs"):
        layer(np.array(["a"]))
    strict = layers.IntegerLookup(vocabulary=[1], num_oov_indices=0)
    with pytest.raises(ValueError, match="num_oov_indices=0"):
        strict(np.array([1, 2]))
    with pytest.raises(TypeError, match="integer indices"):
        layers.IntegerLookup(vocabulary=[1], invert=True)(np.array([0.5]))
