"""keras_core.layers.Identity."""

import numpy as np

import keras_core
from keras_core import layers
from keras_core import ops


def test_returns_inputs_unchanged():
    x = np.arange(6, dtype="float32").reshape(2, 3)
    np.testing.assert_array_equal(ops.convert_to_numpy(layers.Identity()(x)), x)
    ints = layers.Identity()(np.array([1, 2], dtype="int32"))
    assert keras_core.backend.standardize_dtype(ints.dtype) == "int32"


def test_nested_structures_and_symbolic_dtypes():
    a, b = np.ones((2, 2), "float32"), np.zeros((2, 3), "float32")
    out = layers.Identity()([a, b])
    assert [tuple(t.shape) for t in out] == [(2, 2), (2, 3)]
    i = keras_core.Input((2,), dtype="int32")
    j = keras_core.Input((3,))
    symbolic = layers.Identity()([i, j])
    assert [(t.shape, t.dtype) for t in symbolic] == [
        ((None, 2), "int32"),
        ((None, 3), "float32"),
    ]
    assert layers.Identity().compute_output_shape((None, 5)) == (None, 5)


def test_mask_passes_through_a_model():
    inputs = keras_core.Input((3, 2))
    masked = layers.Masking()(inputs)
    outputs = layers.Identity()(masked)
    assert outputs._keras_mask.shape == (None, 3)
    assert layers.Identity().supports_masking


def test_config_and_serialization():
    layer = layers.Identity(name="same")
    config = layer.get_config()
    assert set(config) == {"name", "trainable", "dtype"}
    assert layers.Identity.from_config(config).name == "same"
    record = layers.serialize(layer)
    assert (record["module"], record["class_name"]) == ("keras.layers", "Identity")
    assert layers.deserialize(record).name == "same"
