"""keras_core.layers.TextVectorization."""

import string
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


def _vocabulary_of(layer_kwargs, texts):
    layer = layers.TextVectorization(**layer_kwargs)
    layer.adapt(np.array(texts))
    return layer.get_vocabulary()


def test_standardize_modes():
    ascii_text = "".join(chr(c) for c in range(33, 127))
    other = "ÀÉ ΣΑΣ ¡¿«»"
    texts = [ascii_text + other]
    # ASCII letters only are lowercased; ASCII punctuation only is stripped.
    lowered = ascii_text.translate(
        str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
    )
    stripped = "".join(c for c in ascii_text if c not in string.punctuation)
    expectations = {
        "lower": lowered + other,
        "strip_punctuation": stripped + other,
        "lower_and_strip_punctuation": stripped.lower() + other,
        None: ascii_text + other,
    }
    for mode, expected in expectations.items():
        vocabulary = _vocabulary_of({"standardize": mode, "split": None}, texts)
        assert vocabulary == ["", "[UNK]", expected], mode


def test_split_modes():
    text = "a\tb\nc\rd\x0be\x0cf\u00a0g  h \x85i"
    # Only ASCII whitespace separates; "\xa0" and "\x85" do not.
    words = _vocabulary_of({"standardize": None}, [text])
    assert sorted(words[2:]) == ["a", "b", "c", "d", "e", "f\xa0g", "h", "\x85i"]
    characters = _vocabulary_of(
        {"standardize": None, "split": "character"}, ["ab é😀 "]
    )
    # " " twice first, then by decreasing code point.
    assert characters == ["", "[UNK]", " ", "😀", "é", "b", "a"]


def test_ngrams():
    widths = _vocabulary_of({"ngrams": 2}, ["a b c"])
    assert sorted(widths[2:]) == ["a", "a b", "b", "b c", "c"]
    only = _vocabulary_of({"ngrams": (1, 3)}, ["a b c d"])
    assert sorted(only[2:]) == ["a", "a b c", "b", "b c d", "c", "d"]
    # Output order: every n-gram of the first width, then the next width.
    layer = layers.TextVectorization(vocabulary=["a", "b", "a b"], ngrams=(2, 1))
    np.testing.assert_array_equal(_np(layer(["a b"])), [[4, 2, 3]])


def test_int_mode_padding_and_truncation():
    layer = layers.TextVectorization(vocabulary=["a", "b", "c"])
    texts = np.array(["a b c a b", "C!", ""])
    # Index 0 pads (mask ""), 1 is [UNK].
    np.testing.assert_array_equal(
        _np(layer(texts)), [[2, 3, 4, 2, 3], [4, 0, 0, 0, 0], [0, 0, 0, 0, 0]]
    )
    fixed = layers.TextVectorization(
        vocabulary=["a", "b", "c"], output_sequence_length=4
    )
    out = fixed(texts)
    np.testing.assert_array_equal(_np(out), [[2, 3, 4, 2], [4, 0, 0, 0], [0, 0, 0, 0]])
    assert _np(out).dtype == INDEX_DTYPE
    # (batch, 1) inputs and a scalar string work too.
    np.testing.assert_array_equal(
        _np(layer(np.array([["a q"], ["b"]]))), [[2, 1], [3, 0]]
    )
    np.testing.assert_array_equal(_np(layer("b a")), [3, 2])
    # Unsplit strings are one token each: the input's shape is kept.
    unsplit = layers.TextVectorization(split=None, vocabulary=["a b"])
    np.testing.assert_array_equal(_np(unsplit(["A b!", "b a"])), [2, 1])


@pytest.mark.parametrize("mode", ["multi_hot", "count", "tf_idf", "one_hot"])
def test_encoded_modes_match_numpy(mode):
    idf = [1.0, 2.0, 3.0] if mode == "tf_idf" else None
    layer = layers.TextVectorization(
        vocabulary=["a", "b", "c"], output_mode=mode, idf_weights=idf
    )
    assert layer.get_vocabulary() == ["[UNK]", "a", "b", "c"]
    out = _np(layer(np.array(["a b c a z", "", "b"])))
    rows = [[1, 2, 3, 1, 0], [], [2]]
    if mode == "one_hot":
        expected = np.zeros((3, 5, 4), dtype="float32")
        for r, row in enumerate(rows):
            for t, index in enumerate(row):
                expected[r, t, index] = 1
    else:
        expected = np.zeros((3, 4), dtype="float32")
        for r, row in enumerate(rows):
            for index in row:
                expected[r, index] += 1
        if mode == "multi_hot":
            expected = np.minimum(expected, 1)
        if mode == "tf_idf":
            expected *= [np.mean(idf), *idf]
    np.testing.assert_allclose(out, expected, rtol=1e-6)
    assert out.dtype == np.float32


def test_adapt_with_tf_idf_and_max_tokens():
    texts = np.array(["a b a", "b c", "c c c d"])
    layer = layers.TextVectorization(output_mode="tf_idf")
    layer.adapt(texts)
    # Counts c: 4, a: 2, b: 2, d: 1 (ties: larger token first).
    assert layer.get_vocabulary() == ["[UNK]", "c", "b", "a", "d"]
    # Three documents; document frequencies c 2, b 2, a 1, d 1.
    idf = [np.log(1 + 3 / 3), np.log(1 + 3 / 3), np.log(1 + 3 / 2), np.log(1 + 3 / 2)]
    out = _np(layer(np.array(["a b c d e"])))
    np.testing.assert_allclose(out, [[np.mean(idf), *idf]], rtol=1e-6)
    limited = layers.TextVectorization(max_tokens=3)
    limited.adapt(texts, batch_size=2)
    assert limited.get_vocabulary() == ["", "[UNK]", "c"]
    padded = layers.TextVectorization(
        max_tokens=5, output_mode="multi_hot", pad_to_max_tokens=True
    )
    padded.adapt(texts, batch_size=1, steps=1)
    assert padded.get_vocabulary() == ["[UNK]", "a", "b"]
    np.testing.assert_array_equal(_np(padded(["a q"])), [[1, 1, 0, 0, 0]])


def test_callables():
    def standardize(strings):
        return np.char.upper(strings)

    def split(strings):
        return [text.split("-") for text in strings]

    layer = layers.TextVectorization(
        standardize=standardize, split=split, vocabulary=["A", "B"]
    )
    np.testing.assert_array_equal(_np(layer(["a-b", "b"])), [[2, 3], [3, 0]])
    assert layer.get_config()["standardize"] is standardize


def test_symbolic_output_specs():
    inputs = keras_core.Input(shape=(), dtype="string")
    out = layers.TextVectorization(vocabulary=["a"])(inputs)
    assert out.shape == (None, None) and out.dtype == INDEX_DTYPE
    fixed = layers.TextVectorization(vocabulary=["a"], output_sequence_length=7)
    assert fixed(inputs).shape == (None, 7)
    counts = layers.TextVectorization(vocabulary=["a", "b"], output_mode="count")
    out = counts(inputs)
    assert out.shape == (None, 3) and out.dtype == "float32"
    one_hot = layers.TextVectorization(vocabulary=["a"], output_mode="one_hot")
    assert one_hot(inputs).shape == (None, None, 2)


def test_in_a_model():
    vectorize = layers.TextVectorization(vocabulary=["the", "cat"], output_mode="count")
    inputs = keras_core.Input(shape=(3,))
    dense = layers.Dense(1, use_bias=False)
    model = keras_core.Model(inputs, dense(inputs))
    dense.set_weights([np.array([[1.0], [10.0], [100.0]])])
    texts = ["The cat, the cat!", "a dog"]
    expected = [[220.0], [2.0]]
    np.testing.assert_allclose(model.predict(vectorize(texts), verbose=0), expected)
    if BACKEND in ("numpy", "tensorflow"):
        string_inputs = keras_core.Input(shape=(), dtype="string")
        end_to_end = keras_core.Model(string_inputs, dense(vectorize(string_inputs)))
        np.testing.assert_allclose(_np(end_to_end(np.array(texts))), expected)
    if BACKEND != "tensorflow":
        # tf.data on other backends runs the same TensorFlow host call; not
        # worth importing TensorFlow into this suite.
        return
    import tensorflow as tf

    dataset = tf.data.Dataset.from_tensor_slices(texts).batch(2).map(vectorize)
    np.testing.assert_allclose(model.predict(dataset, verbose=0), expected)
    graph = tf.function(lambda x: vectorize(x))
    np.testing.assert_allclose(_np(graph(tf.constant(texts))), [[0, 2, 2], [2, 0, 0]])


def test_config_round_trip():
    layer = layers.TextVectorization(
        max_tokens=10,
        standardize="lower",
        split="character",
        ngrams=(1, 2),
        output_sequence_length=5,
        vocabulary=["a", "b"],
        name="text",
    )
    config = layer.get_config()
    assert config["ngrams"] == (1, 2)
    assert config["vocabulary"] == ["a", "b"]
    assert config["vocabulary_size"] == 4
    restored = layers.TextVectorization.from_config(config)
    assert restored.get_config() == config
    with pytest.raises(ValueError, match="never opened"):
        layers.TextVectorization.from_config({**config, "vocabulary": "/etc/hosts"})
    np.testing.assert_array_equal(_np(restored(["Aba"])), _np(layer(["Aba"])))


def test_saved_model_keeps_the_vocabulary(tmp_path):
    layer = layers.TextVectorization(output_mode="tf_idf", ngrams=2)
    layer.adapt(["x y z", "x"])
    path = str(tmp_path / "model.keras")
    keras_core.saving.save_model(_Holder(layer), path)
    with zipfile.ZipFile(path) as archive:
        assets = [archive.read(n) for n in archive.namelist() if "assets/" in n]
    assert assets == [b"[UNK]\nx\nz\ny z\ny\nx y"]
    loaded = keras_core.saving.load_model(path).vectorizer
    assert loaded.get_vocabulary() == layer.get_vocabulary()
    texts = ["x y", "q z"]
    np.testing.assert_allclose(_np(loaded(texts)), _np(layer(texts)), rtol=1e-6)


@keras_core.saving.register_keras_serializable(package="test_text_vectorization")
class _Holder(keras_core.Model):
    """A model holding a text layer without a string Input (jax, torch)."""

    def __init__(self, vectorizer, **kwargs):
        super().__init__(**kwargs)
        self.vectorizer = vectorizer

    def call(self, inputs):
        return self.vectorizer(inputs)

    def get_config(self):
        return {"vectorizer": keras_core.saving.serialize_keras_object(self.vectorizer)}

    @classmethod
    def from_config(cls, config):
        return cls(keras_core.saving.deserialize_keras_object(config["vectorizer"]))


def test_ragged_outputs():
    kwargs = {"ragged": True, "vocabulary": ["a"]}
    if BACKEND != "tensorflow":
        with pytest.raises(ValueError, match="ragged tensors"):
            layers.TextVectorization(**kwargs)
        return
    out = layers.TextVectorization(**kwargs)(np.array(["a b", "a"]))
    assert out.to_list() == [[2, 1], [2]]


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"standardize": "upper"}, "standardize"),
        ({"split": "comma"}, "split"),
        ({"ngrams": 0}, "ngrams"),
        ({"ngrams": [1, 1.5]}, "ngrams"),
        ({"output_mode": "multi_hot", "output_sequence_length": 3}, "int"),
        ({"output_sequence_length": 2.5}, "output_sequence_length"),
        ({"max_tokens": 1}, "max_tokens"),
        ({"pad_to_max_tokens": True, "output_mode": "count"}, "max_tokens"),
        ({"output_mode": "tf_idf", "vocabulary": ["a"]}, "idf_weights"),
    ],
)
def test_bad_arguments(kwargs, match):
    with pytest.raises(ValueError, match=match):
        layers.TextVectorization(**kwargs)


def test_bad_inputs_and_state():
    layer = layers.TextVectorization(vocabulary=["a"])
    with pytest.raises(ValueError, match="rank must be 1 or the last dimension 1"):
        layer(np.array([["a", "b"]]))
    with pytest.raises(TypeError, match="expects string inputs"):
        layer(np.array([1, 2]))
    with pytest.raises(RuntimeError, match="no vocabulary"):
        layers.TextVectorization()(["a"])
    with pytest.raises(ValueError, match="static vocabulary"):
        layer.adapt(["a b"])
