"""keras_core.layers.Concatenate and concatenate."""

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops


def _np(x):
    return ops.convert_to_numpy(x)


X = np.arange(12, dtype="float32").reshape(2, 3, 2)
Y = np.arange(12, 24, dtype="float32").reshape(2, 3, 2)


@pytest.mark.parametrize("axis", [-1, 0, 1, 2])
def test_values(axis):
    np.testing.assert_array_equal(
        _np(layers.Concatenate(axis=axis)([X, Y])), np.concatenate([X, Y], axis=axis)
    )
    np.testing.assert_array_equal(
        _np(layers.concatenate([X, Y], axis=axis)), np.concatenate([X, Y], axis=axis)
    )


def test_symbolic_shapes():
    a, b = keras_core.Input((2, 3)), keras_core.Input((2, 4))
    assert layers.Concatenate()([a, b]).shape == (None, 2, 7)
    assert layers.Concatenate()([keras_core.Input((2, None)), a]).shape == (
        None,
        2,
        None,
    )
    assert layers.Concatenate(axis=1)([keras_core.Input((None, 3)), a]).shape == (
        None,
        None,
        3,
    )
    ints = [keras_core.Input((2,), dtype="int32")] * 2
    assert layers.Concatenate()(ints).dtype == "int32"
    assert layers.Concatenate().compute_output_shape([(None, 2, 3), (None, 2, 4)]) == (
        None,
        2,
        7,
    )


def test_errors_name_layer_and_shapes():
    with pytest.raises(ValueError, match=r"'cat'.*matching shapes.*\(2, 3\), \(3, 3\)"):
        layers.Concatenate(name="cat")([np.ones((2, 3)), np.ones((3, 3))])
    with pytest.raises(ValueError, match="matching shapes"):
        layers.Concatenate()([keras_core.Input((2, 3)), keras_core.Input((3,))])
    with pytest.raises(ValueError, match="list of inputs"):
        layers.Concatenate().compute_output_shape((None, 2, 3))


def test_masks():
    m1 = np.array([[True, False, True]] * 2)
    m2 = np.array([[True, True, False]] * 2)
    layer = layers.Concatenate(axis=1)
    np.testing.assert_array_equal(
        _np(layer.compute_mask([X, Y], [m1, m2])), np.concatenate([m1, m2], axis=1)
    )
    np.testing.assert_array_equal(
        _np(layer.compute_mask([X, Y], [m1, None])),
        np.concatenate([m1, np.ones_like(m2)], axis=1),
    )
    features = layers.Concatenate(axis=-1)
    np.testing.assert_array_equal(_np(features.compute_mask([X, Y], [m1, m2])), m1 | m2)
    assert layer.compute_mask([X, Y], [None, None]) is None
    assert layer.compute_mask([X, Y], None) is None
    with pytest.raises(ValueError, match="`mask` should be a list"):
        layer.compute_mask([X, Y], m1)


def test_masks_in_a_model():
    i1, i2 = keras_core.Input((3, 2)), keras_core.Input((3, 2))
    merged = layers.Concatenate(axis=1)([layers.Masking()(i1), i2])
    assert merged._keras_mask.shape == (None, 6)
    model = keras_core.Model([i1, i2], MaskAsOutput()(merged))
    x1 = np.array([[[0, 0], [1, 1], [0, 0]]], "float32")
    x2 = np.zeros((1, 3, 2), "float32")
    np.testing.assert_array_equal(_np(model([x1, x2])), [[0, 1, 0, 1, 1, 1]])


class MaskAsOutput(layers.Layer):
    """Outputs the mask it received as 0/1 floats."""

    def call(self, inputs, mask=None):
        return ops.cast(mask, "float32")


def test_config_and_serialization():
    layer = layers.Concatenate(axis=1, name="cat")
    config = layer.get_config()
    assert set(config) == {"name", "trainable", "dtype", "axis"}
    assert config["axis"] == 1
    assert layers.Concatenate.from_config(config).axis == 1
    record = layers.serialize(layer)
    assert record["class_name"] == "Concatenate"
    assert layers.deserialize(record).get_config() == config
