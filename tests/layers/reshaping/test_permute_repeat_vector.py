"""keras_core.layers.Permute and RepeatVector."""

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops


def _np(x):
    return np.asarray(ops.convert_to_numpy(x))


def _inputs(*shape):
    return np.arange(np.prod(shape), dtype="float32").reshape(shape)


@pytest.mark.parametrize("dims", [(2, 1), (1, 2), (3, 1, 2), (2, 3, 1)])
def test_permute_matches_numpy_transpose(dims):
    x = _inputs(2, *range(3, 3 + len(dims)))
    out = _np(layers.Permute(dims)(x))
    np.testing.assert_array_equal(out, np.transpose(x, (0, *dims)))


def test_permute_shapes_config_and_model():
    layer = layers.Permute([3, 1, 2])
    assert layer.dims == (3, 1, 2)
    assert layer(keras_core.Input((None, 3, 4))).shape == (None, 4, None, 3)
    ints = keras_core.Input((2, 3), dtype="int32")
    assert layers.Permute((2, 1))(ints).dtype == "int32"
    out = layers.Permute((2, 1), dtype="mixed_float16")(_inputs(1, 2, 3))
    assert keras_core.backend.standardize_dtype(out.dtype) == "float16"
    config = layer.get_config()
    assert list(config) == ["name", "trainable", "dtype", "dims"]
    assert layers.Permute.from_config(config).dims == (3, 1, 2)
    record = layers.serialize(layer)
    assert (record["module"], record["class_name"]) == ("keras.layers", "Permute")
    assert layers.deserialize(record).get_config() == config
    inputs = keras_core.Input((None, 3))
    model = keras_core.Model(inputs, layers.Permute((2, 1))(inputs))
    x = _inputs(2, 4, 3)
    np.testing.assert_array_equal(_np(model(x)), x.transpose(0, 2, 1))
    assert layer.weights == []


def test_permute_errors():
    for dims in [(1, 1), (0, 1), (1, 3)]:
        with pytest.raises(ValueError, match=r"Permute.*1, \.\.\., len\(dims\)"):
            layers.Permute(dims)
    with pytest.raises(TypeError, match=r"Permute.*tuple of integers.*dims=2"):
        layers.Permute(2)
    with pytest.raises(ValueError, match=r"expected ndim=4, found ndim=3"):
        layers.Permute((2, 1, 3))(_inputs(2, 4, 3))


def test_repeat_vector_matches_numpy():
    x = _inputs(2, 3)
    layer = layers.RepeatVector(4)
    out = _np(layer(x))
    np.testing.assert_array_equal(out, np.repeat(x[:, None, :], 4, axis=1))
    assert layer.weights == []
    out, state = layer.stateless_call([], [], x)
    np.testing.assert_array_equal(_np(out), np.stack([x] * 4, axis=1))
    assert state == []


def test_repeat_vector_shapes_config_and_model():
    layer = layers.RepeatVector(3)
    assert layer(keras_core.Input((None,))).shape == (None, 3, None)
    assert layer.compute_output_shape((None, 5)) == (None, 3, 5)
    ints = keras_core.Input((2,), dtype="int32")
    assert layers.RepeatVector(2)(ints).dtype == "int32"
    out = layers.RepeatVector(2)(np.ones((1, 2), "int32"))
    assert keras_core.backend.standardize_dtype(out.dtype) == "int32"
    out = layers.RepeatVector(2, dtype="mixed_float16")(_inputs(1, 2))
    assert keras_core.backend.standardize_dtype(out.dtype) == "float16"
    config = layer.get_config()
    assert list(config) == ["name", "trainable", "dtype", "n"]
    assert layers.RepeatVector.from_config(config).n == 3
    record = layers.serialize(layer)
    assert record["class_name"] == "RepeatVector"
    assert layers.deserialize(record).get_config() == config
    inputs = keras_core.Input((2,))
    model = keras_core.Model(inputs, layers.RepeatVector(2)(inputs))
    x = _inputs(3, 2)
    np.testing.assert_array_equal(_np(model(x)), np.stack([x, x], axis=1))


def test_repeat_vector_errors():
    with pytest.raises(ValueError, match=r"RepeatVector.*positive integer.*n=0"):
        layers.RepeatVector(0)
    with pytest.raises(TypeError, match=r"RepeatVector.*integer.*n=2\.0 of type float"):
        layers.RepeatVector(2.0)
    with pytest.raises(ValueError, match=r"expected ndim=2, found ndim=3"):
        layers.RepeatVector(3)(_inputs(2, 4, 3))
