"""keras_core.layers.Masking, and masks through merging layers."""

import numpy as np

import keras_core
from keras_core import layers
from keras_core import ops


class MaskAsOutput(layers.Layer):
    """Outputs the mask it received, as 0/1 floats (-1 when there is none)."""

    def call(self, inputs, mask=None):
        if mask is None:
            return -ops.ones(ops.shape(inputs)[:-1])
        return ops.cast(mask, "float32")


X = np.array(
    [[[0.0, 0.0], [1.0, 2.0], [0.0, 0.0], [0.0, 3.0]]],
    dtype="float32",
)


def test_mask_and_zeroed_outputs():
    layer = layers.Masking(mask_value=0.0)
    mask = ops.convert_to_numpy(layer.compute_mask(X))
    np.testing.assert_array_equal(mask, np.any(X != 0, axis=-1))
    out = ops.convert_to_numpy(layer(X))
    np.testing.assert_array_equal(out, X * np.any(X != 0, axis=-1, keepdims=True))


def test_other_mask_value_zeroes_padding():
    x = np.array([[[5.0, 5.0], [5.0, 1.0]]], dtype="float32")
    layer = layers.Masking(mask_value=5.0)
    np.testing.assert_array_equal(
        ops.convert_to_numpy(layer.compute_mask(x)), [[False, True]]
    )
    np.testing.assert_array_equal(
        ops.convert_to_numpy(layer(x)), [[[0.0, 0.0], [5.0, 1.0]]]
    )


def test_mask_reaches_the_next_layer_in_a_model():
    inputs = keras_core.Input((4, 2))
    masked = layers.Masking()(inputs)
    assert (masked.shape, masked._keras_mask.shape) == ((None, 4, 2), (None, 4))
    model = keras_core.Model(inputs, MaskAsOutput()(masked))
    np.testing.assert_array_equal(
        ops.convert_to_numpy(model(X)), np.any(X != 0, axis=-1)
    )


def test_config_and_serialization():
    layer = layers.Masking(mask_value=-1.0, name="pad")
    config = layer.get_config()
    assert set(config) == {"name", "trainable", "dtype", "mask_value"}
    assert config["mask_value"] == -1.0
    assert layers.Masking.from_config(config).mask_value == -1.0
    record = layers.serialize(layer)
    assert record["class_name"] == "Masking"
    assert layers.deserialize(record).get_config() == config
    assert layers.Masking().supports_masking


def test_symbolic_dtype_and_mixed_precision():
    ints = layers.Masking()(keras_core.Input((3, 2), dtype="int32"))
    assert ints.dtype == "int32"
    half = layers.Masking(dtype="mixed_float16")(X)
    assert keras_core.backend.standardize_dtype(half.dtype) == "float16"
