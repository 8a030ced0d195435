"""keras_core.layers.Reshape."""

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops


def test_reshapes_each_sample():
    x = np.arange(24, dtype="float32").reshape(2, 3, 4)
    out = ops.convert_to_numpy(layers.Reshape((4, 3))(x))
    np.testing.assert_array_equal(out, x.reshape(2, 4, 3))
    out = ops.convert_to_numpy(layers.Reshape((2, -1))(x))
    np.testing.assert_array_equal(out, x.reshape(2, 2, 6))


def test_symbolic_shapes():
    assert layers.Reshape((2, -1))(keras_core.Input((3, 4))).shape == (None, 2, 6)
    assert layers.Reshape((2, -1))(keras_core.Input((None, 4))).shape == (None, 2, None)
    ints = layers.Reshape((12,))(keras_core.Input((3, 4), dtype="int32"))
    assert (ints.shape, ints.dtype) == ((None, 12), "int32")
    assert layers.Reshape((-1, 2)).compute_output_shape((None, 3, 4)) == (None, 6, 2)
    assert layers.Reshape((-1, 2)).compute_output_shape((None, None, 4)) == (
        None,
        None,
        2,
    )


def test_in_a_model_with_unknown_dims():
    inputs = keras_core.Input((None, 4))
    model = keras_core.Model(inputs, layers.Reshape((-1, 2))(inputs))
    x = np.arange(24, dtype="float32").reshape(2, 3, 4)
    np.testing.assert_array_equal(ops.convert_to_numpy(model(x)), x.reshape(2, 6, 2))


@pytest.mark.parametrize(
    "target, match",
    [
        ((-1, -1), "at most one unknown dimension"),
        ((-2, 2), "non-negative integer"),
    ],
)
def test_bad_target_shapes(target, match):
    with pytest.raises(ValueError, match=match):
        layers.Reshape(target)


@pytest.mark.parametrize("target", [4, "ab", (2.0, 2), None])
def test_target_shape_type(target):
    with pytest.raises(TypeError, match=r"Reshape.*target_shape"):
        layers.Reshape(target)


def test_size_mismatch_errors_name_layer_and_shapes():
    layer = layers.Reshape((5,), name="reshaper")
    with pytest.raises(ValueError, match=r"reshaper.*input_shape=\(4,\).*\(5,\)"):
        layer(np.ones((2, 4), dtype="float32"))
    with pytest.raises(ValueError, match="total size"):
        layers.Reshape((5,))(keras_core.Input((4,)))
    with pytest.raises(ValueError, match=r"cannot be divided.*\(3, -1\)"):
        layers.Reshape((3, -1)).compute_output_shape((None, 4))


def test_config_and_serialization():
    layer = layers.Reshape([2, -1], name="r")
    config = layer.get_config()
    assert config["target_shape"] == (2, -1)
    assert set(config) == {"name", "trainable", "dtype", "target_shape"}
    assert layers.Reshape.from_config(config).target_shape == (2, -1)
    record = layers.serialize(layer)
    assert record["class_name"] == "Reshape"
    clone = layers.deserialize(record)
    assert clone.get_config() == config
    assert layer.built


def test_mask_is_dropped():
    assert not layers.Reshape((2,)).supports_masking
