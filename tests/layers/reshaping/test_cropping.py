"""keras_core.layers.Cropping1D, Cropping2D and Cropping3D."""

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops


def _np(x):
    return np.asarray(ops.convert_to_numpy(x))


def _inputs(*shape):
    return np.arange(np.prod(shape), dtype="float32").reshape(shape)


def test_cropping1d_slices_the_steps():
    x = _inputs(2, 6, 3)
    np.testing.assert_array_equal(_np(layers.Cropping1D((1, 2))(x)), x[:, 1:4])
    np.testing.assert_array_equal(_np(layers.Cropping1D()(x)), x[:, 1:5])
    np.testing.assert_array_equal(_np(layers.Cropping1D((0, 0))(x)), x)
    assert layers.Cropping1D(2).cropping == (2, 2)


@pytest.mark.parametrize("data_format", ["channels_last", "channels_first"])
def test_cropping2d_and_3d_in_both_data_formats(data_format):
    x = _inputs(2, 5, 6, 3)
    expected = x[:, 1:3, 3:4]
    if data_format == "channels_first":
        x, expected = np.moveaxis(x, -1, 1), np.moveaxis(expected, -1, 1)
    layer = layers.Cropping2D(((1, 2), (3, 2)), data_format=data_format)
    np.testing.assert_array_equal(_np(layer(x)), expected)
    v = _inputs(1, 4, 5, 6, 2)
    expected = v[:, 1:3, 0:3, 2:3]
    if data_format == "channels_first":
        v, expected = np.moveaxis(v, -1, 1), np.moveaxis(expected, -1, 1)
    layer = layers.Cropping3D(((1, 1), (0, 2), (2, 3)), data_format=data_format)
    np.testing.assert_array_equal(_np(layer(v)), expected)


def test_argument_forms_and_configs():
    assert layers.Cropping2D(1).cropping == ((1, 1), (1, 1))
    assert layers.Cropping2D((1, 2)).cropping == ((1, 1), (2, 2))
    assert layers.Cropping2D([[1, 2], 3]).cropping == ((1, 2), (3, 3))
    assert layers.Cropping3D((1, 2, 3)).cropping == ((1, 1), (2, 2), (3, 3))
    assert list(layers.Cropping1D().get_config()) == [
        "name",
        "trainable",
        "dtype",
        "cropping",
    ]
    config = layers.Cropping2D().get_config()
    assert list(config)[3:] == ["cropping", "data_format"]
    assert config["cropping"] == ((0, 0), (0, 0))
    assert layers.Cropping3D().get_config()["cropping"] == ((1, 1),) * 3
    for layer in [
        layers.Cropping1D((1, 2)),
        layers.Cropping2D(((1, 2), (3, 4)), data_format="channels_first"),
        layers.Cropping3D(2),
    ]:
        config = layer.get_config()
        assert type(layer).from_config(config).get_config() == config
        record = layers.serialize(layer)
        assert (record["module"], record["class_name"]) == (
            "keras.layers",
            type(layer).__name__,
        )
        assert layers.deserialize(record).get_config() == config
    keras_core.config.set_image_data_format("channels_first")
    assert layers.Cropping2D().data_format == "channels_first"


def test_symbolic_shapes_dtypes_and_model():
    layer = layers.Cropping2D(((1, 2), (3, 4)))
    assert layer(keras_core.Input((None, 10, 2))).shape == (None, None, 3, 2)
    first = layers.Cropping2D(((1, 2), (3, 4)), data_format="channels_first")
    assert first(keras_core.Input((2, 5, 10))).shape == (None, 2, 2, 3)
    assert tuple(first(np.ones((1, 2, 5, 10), "float32")).shape) == (1, 2, 2, 3)
    ints = keras_core.Input((5, 3), dtype="int32")
    assert layers.Cropping1D()(ints).dtype == "int32"
    out = layers.Cropping1D()(_inputs(1, 5, 3).astype("int32"))
    assert keras_core.backend.standardize_dtype(out.dtype) == "int32"
    mixed = layers.Cropping1D(dtype="mixed_float16")
    out = mixed(_inputs(1, 5, 3))
    assert keras_core.backend.standardize_dtype(out.dtype) == "float16"
    inputs = keras_core.Input((None, 3))
    model = keras_core.Model(inputs, layers.Cropping1D((2, 1))(inputs))
    x = _inputs(2, 7, 3)
    np.testing.assert_array_equal(_np(model(x)), x[:, 2:6])
    layer = layers.Cropping3D(1)
    v = _inputs(1, 3, 3, 3, 1)
    layer(v)
    out, state = layer.stateless_call([], [], v)
    np.testing.assert_array_equal(_np(out), v[:, 1:2, 1:2, 1:2])
    assert layer.weights == [] and state == []


def test_errors():
    with pytest.raises(ValueError, match=r"Cropping1D.*`cropping` must be >= 0.*=-1"):
        layers.Cropping1D(-1)
    with pytest.raises(ValueError, match=r"tuple of 2 integers.*\(1, 2, 3\)"):
        layers.Cropping1D((1, 2, 3))
    with pytest.raises(ValueError, match=r"Cropping2D.*tuple of 2 pairs.*\(1, 2, 3\)"):
        layers.Cropping2D((1, 2, 3))
    with pytest.raises(ValueError, match=r"1st entry of `cropping`.*'a'"):
        layers.Cropping3D(("a", 1, 1))
    with pytest.raises(ValueError, match=r"Cropping2D.*cannot be negative"):
        layers.Cropping2D(((1, -2), (3, 4)))
    with pytest.raises(ValueError, match=r"data_format='x'"):
        layers.Cropping2D(data_format="x")
    layer = layers.Cropping1D((2, 2), name="crop")
    with pytest.raises(
        ValueError, match=r"'crop'.*smaller than.*input_shape=\(2, 4, 3\)"
    ):
        layer(np.ones((2, 4, 3), "float32"))
    with pytest.raises(ValueError, match="smaller than"):
        layers.Cropping2D(((1, 2), (3, 4)))(keras_core.Input((3, 10, 2)))
    with pytest.raises(ValueError, match=r"expected ndim=5, found ndim=4"):
        layers.Cropping3D()(np.ones((1, 4, 4, 4), "float32"))
