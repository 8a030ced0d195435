"""keras_core.layers.StringLookup."""

import zipfile

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops

BACKEND = keras_core.config.backend()
HAS_STRING_TENSORS = BACKEND in ("numpy", "tensorflow")
needs_string_models = pytest.mark.skipif(
    not HAS_STRING_TENSORS,
    reason="a Functional model converts its inputs to backend tensors, and "
    f"{BACKEND} has no string dtype",
)


def _np(x):
    return ops.convert_to_numpy(x)


def _encode_reference(rows, depth, mode, idf=None):
    """multi_hot / count / tf_idf of rows of indices (-1: nothing), in NumPy."""
    out = np.zeros((len(rows), depth), dtype="float32")
    for r, row in enumerate(rows):
        for index in row:
            if index >= 0:
                out[r, index] += 1
    if mode == "multi_hot":
        return np.minimum(out, 1)
    if mode == "tf_idf":
        return out * np.asarray(idf, dtype="float32")
    return out


DATA = np.array(["b", "a", "c", "b", "d", "a", "e", "c", "f", "c"])


def test_adapt_orders_by_frequency_then_reverse_token():
    layer = layers.StringLookup()
    layer.adapt(DATA)
    # c: 3; a, b: 2; d, e, f: 1 -- ties by decreasing string.
    assert layer.get_vocabulary() == ["[UNK]", "c", "b", "a", "f", "e", "d"]
    assert layer.get_vocabulary(include_special_tokens=False)[0] == "c"
    assert layer.vocabulary_size() == 7
    # The special tokens are never counted, and max_tokens keeps the top ones.
    limited = layers.StringLookup(max_tokens=4, mask_token="")
    limited.adapt(np.array(["[UNK]", "[UNK]", "", "", "", "z", *DATA]))
    assert limited.get_vocabulary() == ["", "[UNK]", "c", "b"]


def test_int_mode_with_mask_and_oov_buckets():
    layer = layers.StringLookup(vocabulary=["a", "b", "c"], mask_token="")
    out = layer(np.array([["", "a", "zz"], ["c", "b", ""]]))
    np.testing.assert_array_equal(_np(out), [[0, 2, 1], [4, 3, 0]])
    # Several OOV indices: bucket Fingerprint64(utf-8 bytes) % 3 (FarmHash,
    # fixed by design): x -> 2, y -> 2, z -> 1, hello -> 1, "" -> 2.
    tokens = np.array(["x", "y", "z", "hello", "", "a"])
    layer = layers.StringLookup(vocabulary=["a", "b", "c"], num_oov_indices=3)
    out = _np(layer(tokens))
    np.testing.assert_array_equal(out, [2, 2, 1, 1, 2, 3])
    # With a salt, keyed SipHash-2-4 with key (7, 7) picks the buckets.
    salted = layers.StringLookup(vocabulary=["a", "b", "c"], num_oov_indices=3, salt=7)
    np.testing.assert_array_equal(_np(salted(tokens)), [0, 2, 0, 2, 1, 3])
    if BACKEND == "tensorflow":
        import tensorflow as tf

        reference = tf.strings.to_hash_bucket_fast(tokens[:5], 3).numpy()
        np.testing.assert_array_equal(out[:5], reference)
        strong = tf.strings.to_hash_bucket_strong(tokens[:5], 3, [7, 7]).numpy()
        np.testing.assert_array_equal(_np(salted(tokens))[:5], strong)


@pytest.mark.parametrize("mode", ["one_hot", "multi_hot", "count", "tf_idf"])
def test_encoded_modes_match_numpy(mode):
    layer = layers.StringLookup(mask_token="", output_mode=mode)
    layer.adapt(np.array([["a", "b", "a"], ["c", "a", ""]]))
    # Encoded modes have no mask index: [UNK], a (3), c, b (1 each).
    assert layer.get_vocabulary() == ["[UNK]", "a", "c", "b"]
    if mode == "one_hot":
        out = _np(layer(np.array(["a", "", "zz", "c"])))
        # The mask token encodes to nothing.
        np.testing.assert_array_equal(
            out, np.eye(4)[[1, 0, 0, 2]] * [[1], [0], [1], [1]]
        )
        return
    out = _np(layer(np.array([["a", "", "zz"], ["c", "c", "b"]])))
    # Two documents; document frequencies a: 2, b: 1, c: 1; the OOV weight
    # is the mean of the vocabulary's.
    idf = [np.log(1 + 2 / 3), np.log(1 + 2 / 2), np.log(1 + 2 / 2)]
    idf = [np.mean(idf), *idf]
    expected = _encode_reference([[1, -1, 0], [2, 2, 3]], 4, mode, idf)
    np.testing.assert_allclose(out, expected, rtol=1e-6)
    assert out.dtype == np.float32


def test_tf_idf_with_given_weights_and_padding():
    layer = layers.StringLookup(
        vocabulary=["a", "b", "c"],
        output_mode="tf_idf",
        idf_weights=[0.5, 1.0, 2.0],
        max_tokens=6,
        pad_to_max_tokens=True,
    )
    out = _np(layer(np.array([["a", "a", "c", "zz", "zz"]])))
    oov = (0.5 + 1.0 + 2.0) / 3
    np.testing.assert_allclose(out, [[2 * oov, 1.0, 0.0, 2.0, 0.0, 0.0]], rtol=1e-6)
    np.testing.assert_allclose(
        _np(layer.idf_weights), [oov, 0.5, 1.0, 2.0, 0, 0], rtol=1e-6
    )
    # Given with the special tokens, their weights are used as they are.
    layer = layers.StringLookup(
        vocabulary=["[UNK]", "a"], output_mode="tf_idf", idf_weights=[9.0, 1.0]
    )
    np.testing.assert_allclose(_np(layer([["q", "a"]])), [[9.0, 1.0]])


def test_invert():
    layer = layers.StringLookup(vocabulary=["a", "b"], invert=True, mask_token="[M]")
    out = layer(np.array([[0, 1, 2, 3, 4, -1]]))
    expected = [["[M]", "[UNK]", "a", "b", "[UNK]", "[UNK]"]]
    values = _np(out) if HAS_STRING_TENSORS else out
    values = np.vectorize(lambda v: v.decode() if isinstance(v, bytes) else v)(values)
    np.testing.assert_array_equal(values, expected)
    assert layer.get_vocabulary() == ["[M]", "[UNK]", "a", "b"]
    assert layer.compute_output_spec(
        keras_core.KerasTensor((None, 2), "int32")
    ).dtype == ("string")


def test_python_numpy_and_bytes_inputs():
    layer = layers.StringLookup(vocabulary=["a", "b", "é"])
    assert int(_np(layer("b"))) == 2
    np.testing.assert_array_equal(_np(layer(["b", "a"])), [2, 1])
    np.testing.assert_array_equal(_np(layer(np.array([b"b", "é".encode()]))), [2, 3])
    np.testing.assert_array_equal(
        _np(layer(np.array(["é", b"a"], dtype=object))), [3, 1]
    )
    if BACKEND == "tensorflow":
        import tensorflow as tf

        np.testing.assert_array_equal(_np(layer(tf.constant(["é", "q"]))), [3, 0])
    assert _np(layer(["a"])).dtype == (
        np.int64 if BACKEND == "tensorflow" else np.int32
    )


def test_symbolic_output_specs():
    inputs = keras_core.Input(shape=(3,), dtype="string")
    out = layers.StringLookup(vocabulary=["a", "b"])(inputs)
    assert out.shape == (None, 3)
    assert out.dtype == ("int64" if BACKEND == "tensorflow" else "int32")
    encoded = layers.StringLookup(vocabulary=["a", "b"], output_mode="count")(inputs)
    assert encoded.shape == (None, 3) and encoded.dtype == "float32"
    one_hot = layers.StringLookup(vocabulary=["a"], output_mode="one_hot")
    assert one_hot.compute_output_shape((None, 1)) == (None, 2)
    assert one_hot.compute_output_shape((None, 4)) == (None, 4, 2)


@needs_string_models
def test_in_a_functional_model():
    inputs = keras_core.Input(shape=(2,), dtype="string")
    encoded = layers.StringLookup(vocabulary=["a", "b"], output_mode="multi_hot")(
        inputs
    )
    dense = layers.Dense(1, kernel_initializer="ones", use_bias=False)
    model = keras_core.Model(inputs, dense(encoded))
    out = _np(model(np.array([["a", "b"], ["q", "q"]])))
    np.testing.assert_allclose(out, [[2.0], [1.0]])


def test_before_a_model_and_in_tf_data():
    """Lookups feed a model (jax, torch: before it), eagerly or in tf.data."""
    lookup = layers.StringLookup(vocabulary=["a", "b", "c"], output_mode="count")
    inputs = keras_core.Input(shape=(4,))
    model = keras_core.Model(inputs, layers.Dense(1, use_bias=False)(inputs))
    model.layers[1].set_weights([np.array([[1.0], [2.0], [3.0], [4.0]])])
    strings = np.array([["a", "b", "b", "q"], ["c", "c", "c", "c"]])
    expected = [[1 + 2 + 2 * 3], [4 * 4]]
    np.testing.assert_allclose(model.predict(lookup(strings), verbose=0), expected)
    if BACKEND != "tensorflow":
        # Mapped over a tf.data pipeline on other backends the layer runs
        # the same TensorFlow host call; importing TensorFlow here would
        # cost the suite seconds.
        return
    import tensorflow as tf

    dataset = tf.data.Dataset.from_tensor_slices(strings).batch(2).map(lookup)
    np.testing.assert_allclose(model.predict(dataset, verbose=0), expected)


def test_config_round_trip():
    layer = layers.StringLookup(
        vocabulary=["a", "b"],
        num_oov_indices=2,
        mask_token="",
        salt=(1, 2),
        name="lookup",
    )
    config = layer.get_config()
    assert config["vocabulary"] == ["a", "b"]
    assert config["salt"] == [1, 2]
    assert config["vocabulary_size"] == 5
    assert config["oov_method"] == "floormod"
    restored = layers.StringLookup.from_config(config)
    assert restored.get_config() == config
    # A config never makes the layer open a file.
    with pytest.raises(ValueError, match="never opened"):
        layers.StringLookup.from_config({**config, "vocabulary": "/etc/hosts"})
    tokens = np.array(["a", "zz", "", "b", "q"])
    np.testing.assert_array_equal(_np(restored(tokens)), _np(layer(tokens)))


def test_saved_model_keeps_the_vocabulary(tmp_path):
    vocabulary_file = tmp_path / "vocabulary.txt"
    vocabulary_file.write_text("a\nb\nc\n")
    from_file = layers.StringLookup(vocabulary=str(vocabulary_file))
    adapted = layers.StringLookup(output_mode="tf_idf")
    adapted.adapt(np.array([["a", "b"], ["a", "c"]]))
    model = _StringHolder(from_file, adapted)
    path = str(tmp_path / "model.keras")
    model.save(path)
    vocabulary_file.unlink()  # loading must not read it
    with zipfile.ZipFile(path) as archive:
        assets = {n: archive.read(n) for n in archive.namelist() if "assets" in n}
        config = archive.read("config.json").decode()
    assert str(vocabulary_file) not in config
    assert sorted(assets.values()) == [b"[UNK]\na\nb\nc", b"[UNK]\na\nc\nb"]
    loaded = keras_core.saving.load_model(path)
    lookups = [loaded.first, loaded.second]
    assert [lay.get_vocabulary() for lay in lookups] == [
        ["[UNK]", "a", "b", "c"],
        ["[UNK]", "a", "c", "b"],
    ]
    tokens = np.array([["a", "q"], ["c", "c"]])
    np.testing.assert_allclose(_np(lookups[1](tokens)), _np(adapted(tokens)))
    # Adapted on two documents: a in both, b and c in one.
    idf = [np.log(1 + 2 / 3), np.log(1 + 2 / 2), np.log(1 + 2 / 2)]
    np.testing.assert_allclose(
        _np(lookups[1].idf_weights), [np.mean(idf), *idf], rtol=1e-6
    )


@keras_core.saving.register_keras_serializable(package="test_string_lookup")
class _StringHolder(keras_core.Model):
    """A model holding lookups without a string Input (jax, torch)."""

    def __init__(self, first, second, **kwargs):
        super().__init__(**kwargs)
        self.first = first
        self.second = second

    def call(self, inputs):
        return self.first(inputs), self.second(inputs)

    def get_config(self):
        return {
            "first": keras_core.saving.serialize_keras_object(self.first),
            "second": keras_core.saving.serialize_keras_object(self.second),
        }

    @classmethod
    def from_config(cls, config):
        return cls(
            keras_core.saving.deserialize_keras_object(config["first"]),
            keras_core.saving.deserialize_keras_object(config["second"]),
        )


def test_set_vocabulary_and_state_rules():
    layer = layers.StringLookup()
    assert layer.get_vocabulary() == ["[UNK]"] and layer.vocabulary_size() == 1
    with pytest.raises(RuntimeError, match="has no vocabulary yet"):
        layer(np.array(["a"]))
    layer.set_vocabulary(["x", "y"])
    assert layer.get_config()["vocabulary"] is None  # saved as an asset
    np.testing.assert_array_equal(_np(layer(["y", "x"])), [2, 1])
    with pytest.raises(ValueError, match="static vocabulary"):
        layer.adapt(np.array(["a"]))
    layer = layers.StringLookup()
    layer.update_state(np.array(["a", "b", "b"]))
    layer.update_state(np.array(["c", "c", "c"]))
    layer.finalize_state()
    assert layer.get_vocabulary() == ["[UNK]", "c", "b", "a"]
    strict = layers.StringLookup(vocabulary=["a"], num_oov_indices=0)
    with pytest.raises(ValueError, match="num_oov_indices=0"):
        strict(np.array(["a", "q"]))


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"max_tokens": 1}, "max_tokens"),
        ({"num_oov_indices": -1}, "num_oov_indices"),
        ({"output_mode": "binary"}, "output_mode"),
        ({"invert": True, "output_mode": "count"}, "invert"),
        ({"pad_to_max_tokens": True, "output_mode": "count"}, "max_tokens"),
        ({"vocabulary": ["a"], "idf_weights": [1.0]}, "idf_weights"),
        ({"vocabulary": ["a"], "output_mode": "tf_idf"}, "idf_weights"),
        (
            {"vocabulary": ["a", "b"], "output_mode": "tf_idf", "idf_weights": [1]},
            "one weight per",
        ),
        ({"vocabulary": ["a", "a"]}, "repeated"),
        ({"vocabulary": ["a", ""], "mask_token": ""}, "mask token"),
        ({"vocabulary": ["a", "b", "c"], "max_tokens": 3}, "max_tokens"),
        ({"salt": "x"}, "salt"),
        ({"oov_method": "other"}, "oov_method"),
        ({"sparse": True}, "sparse"),
        ({"vocabulary": "/nonexistent/vocabulary.txt"}, "does not exist"),
        ({"vocabulary": [1, 2]}, "strings"),
    ],
)
def test_bad_arguments(kwargs, match):
    with pytest.raises(ValueError, match=match):
        layers.StringLookup(**kwargs)


def test_bad_inputs():
    layer = layers.StringLookup(vocabulary=["a"])
    with pytest.raises(TypeError, match="expects string inputs"):
        layer(np.array([1, 2]))


def test_sparse_outputs():
    kwargs = {"vocabulary": ["a", "b"], "output_mode": "count", "sparse": True}
    if BACKEND not in ("jax", "tensorflow"):
        with pytest.raises(ValueError, match="sparse tensors"):
            layers.StringLookup(**kwargs)
        return
    out = layers.StringLookup(**kwargs)(np.array([["a", "a", "q"]]))
    np.testing.assert_array_equal(_np(out), [[1.0, 2.0, 0.0]])


@pytest.mark.skipif(BACKEND == "tensorflow", reason="TensorFlow is the backend")
def test_no_tensorflow_import(run_python):
    code = (
        "import sys, numpy as np\n"
        "from keras_core import layers, ops\n"
        "s = layers.StringLookup(num_oov_indices=2, output_mode='tf_idf')\n"
        "s.adapt(np.array([['a', 'b'], ['b', 'c']]))\n"
        "s(np.array([['a', 'q']]))\n"
        "layers.StringLookup(vocabulary=['a'], invert=True)(np.array([1]))\n"
        "i = layers.IntegerLookup(num_oov_indices=3, oov_method='farmhash')\n"
        "i.adapt(np.array([1, 2, 2])); i(np.array([1, 9]))\n"
        "t = layers.TextVectorization(ngrams=2, output_mode='count')\n"
        "t.adapt(['The cat sat.', 'A dog']); t(['the dog'])\n"
        "assert 'tensorflow' not in sys.modules, 'TensorFlow was imported'\n"
    )
    run_python(code, env={"KERAS_BACKEND": BACKEND})
