"""keras_core.layers.ZeroPadding1D, ZeroPadding2D and ZeroPadding3D."""

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops


def _np(x):
    return np.asarray(ops.convert_to_numpy(x))


def _inputs(*shape):
    return np.arange(1, np.prod(shape) + 1, dtype="float32").reshape(shape)


@pytest.mark.parametrize("data_format", ["channels_last", "channels_first"])
def test_pads_zeros_like_numpy(data_format):
    first = data_format == "channels_first"
    cases = [
        (layers.ZeroPadding1D((1, 2), data_format=data_format), (2, 3, 2), [(1, 2)]),
        (
            layers.ZeroPadding2D(((1, 0), (2, 3)), data_format=data_format),
            (2, 3, 4, 2),
            [(1, 0), (2, 3)],
        ),
        (
            layers.ZeroPadding3D(((0, 1), (1, 1), (2, 0)), data_format=data_format),
            (1, 2, 2, 3, 2),
            [(0, 1), (1, 1), (2, 0)],
        ),
    ]
    for layer, shape, pairs in cases:
        x = _inputs(*shape)
        pad_width = [(0, 0), (0, 0), *pairs] if first else [(0, 0), *pairs, (0, 0)]
        np.testing.assert_array_equal(_np(layer(x)), np.pad(x, pad_width))
        assert layer.weights == []


def test_defaults_argument_forms_and_configs():
    assert layers.ZeroPadding1D().padding == (1, 1)
    assert layers.ZeroPadding1D(2).padding == (2, 2)
    assert layers.ZeroPadding1D([1, 2]).padding == (1, 2)
    assert layers.ZeroPadding2D().padding == ((1, 1), (1, 1))
    assert layers.ZeroPadding2D((1, 2)).padding == ((1, 1), (2, 2))
    assert layers.ZeroPadding2D(((1, 2), 3)).padding == ((1, 2), (3, 3))
    assert layers.ZeroPadding3D().padding == ((1, 1),) * 3
    assert layers.ZeroPadding3D((1, 2, 3)).padding == ((1, 1), (2, 2), (3, 3))
    for layer in [
        layers.ZeroPadding1D((0, 2), data_format="channels_first"),
        layers.ZeroPadding2D(((1, 2), (3, 4))),
        layers.ZeroPadding3D(2),
    ]:
        config = layer.get_config()
        assert list(config) == ["name", "trainable", "dtype", "padding", "data_format"]
        assert type(layer).from_config(config).get_config() == config
        record = layers.serialize(layer)
        assert record["class_name"] == type(layer).__name__
        assert layers.deserialize(record).get_config() == config
    keras_core.config.set_image_data_format("channels_first")
    assert layers.ZeroPadding1D().data_format == "channels_first"


def test_symbolic_shapes_dtypes_model_and_stateless_call():
    assert layers.ZeroPadding1D((1, 2))(keras_core.Input((None, 3))).shape == (
        None,
        None,
        3,
    )
    first = layers.ZeroPadding2D(((1, 2), (3, 4)), data_format="channels_first")
    assert first(keras_core.Input((2, None, 5))).shape == (None, 2, None, 12)
    assert tuple(first(np.ones((1, 2, 3, 5), "float32")).shape) == (1, 2, 6, 12)
    ints = np.ones((1, 2, 2), "int32")
    out = layers.ZeroPadding1D()(ints)
    assert keras_core.backend.standardize_dtype(out.dtype) == "int32"
    assert layers.ZeroPadding1D()(keras_core.Input((2, 2), dtype="int32")).dtype == (
        "int32"
    )
    out = layers.ZeroPadding1D(dtype="mixed_float16")(np.ones((1, 2, 2), "float32"))
    assert keras_core.backend.standardize_dtype(out.dtype) == "float16"
    inputs = keras_core.Input((None, 2))
    model = keras_core.Model(inputs, layers.ZeroPadding1D((0, 1))(inputs))
    x = _inputs(2, 3, 2)
    np.testing.assert_array_equal(_np(model(x)), np.pad(x, [(0, 0), (0, 1), (0, 0)]))
    layer = layers.ZeroPadding1D()
    layer(x)
    out, state = layer.stateless_call([], [], x)
    np.testing.assert_array_equal(_np(out), np.pad(x, [(0, 0), (1, 1), (0, 0)]))
    assert state == []


def test_errors():
    with pytest.raises(ValueError, match=r"ZeroPadding1D.*`padding` must be >= 0"):
        layers.ZeroPadding1D(-1)
    with pytest.raises(ValueError, match=r"tuple of 2 integers.*\(1, 2, 3\)"):
        layers.ZeroPadding1D((1, 2, 3))
    with pytest.raises(ValueError, match=r"ZeroPadding2D.*cannot be negative.*=-1"):
        layers.ZeroPadding2D(-1)
    with pytest.raises(ValueError, match=r"ZeroPadding2D.*2 pairs.*padding='a'"):
        layers.ZeroPadding2D("a")
    with pytest.raises(ValueError, match=r"3 pairs of integers.*\(1, 2\)"):
        layers.ZeroPadding3D((1, 2))
    with pytest.raises(ValueError, match=r"3rd entry of `padding`"):
        layers.ZeroPadding3D(((1, 2), (3, 4), (5, 6, 7)))
    with pytest.raises(ValueError, match=r"data_format='x'"):
        layers.ZeroPadding3D(data_format="x")
    with pytest.raises(ValueError, match=r"expected ndim=4, found ndim=3"):
        layers.ZeroPadding2D()(np.ones((1, 4, 4), "float32"))
