"""Tests of `Conv1DTranspose`, `Conv2DTranspose`, `Conv3DTranspose`."""

import numpy as np
import pytest
from layer_testing import assert_gradients_reach_all_weights
from layer_testing import needs_gradients
from layers.convolution import conv_reference

import keras_core
from keras_core import layers
from keras_core import ops

TRANSPOSE = {
    1: layers.Conv1DTranspose,
    2: layers.Conv2DTranspose,
    3: layers.Conv3DTranspose,
}


def _np(x):
    return np.asarray(ops.convert_to_numpy(x))


def _inputs(*shape, seed=0):
    return np.random.default_rng(seed).normal(size=shape).astype("float32")


def _reference(layer, x):
    weights = layer.get_weights()
    first = layer.data_format == "channels_first"
    if first:
        x = np.moveaxis(x, 1, -1)
    out = conv_reference.conv_transpose(
        x,
        weights[0],
        layer.strides,
        layer.padding,
        layer.output_padding,
        layer.dilation_rate,
    )
    if layer.use_bias:
        out = out + weights[1]
    return np.moveaxis(out, -1, 1) if first else out


@pytest.mark.parametrize(
    "rank, kwargs, spatial",
    [
        (1, {}, (5,)),
        (1, {"strides": 2, "padding": "same"}, (5,)),
        (1, {"strides": 3, "output_padding": 2}, (4,)),
        (1, {"dilation_rate": 2, "padding": "same"}, (6,)),
        (2, {"strides": (2, 3), "padding": "same", "output_padding": 1}, (4, 3)),
        (2, {"strides": 2, "data_format": "channels_first"}, (3, 4)),
        (3, {"strides": 2, "padding": "same"}, (2, 3, 2)),
    ],
)
def test_matches_numpy_reference(rank, kwargs, spatial):
    layer = TRANSPOSE[rank](3, 3, kernel_initializer="zeros", **kwargs)
    first = kwargs.get("data_format") == "channels_first"
    shape = (2, 4, *spatial) if first else (2, *spatial, 4)
    conv_reference.build_with_random_weights(layer, shape)
    x = _inputs(*shape)
    out = _np(layer(x))
    expected = _reference(layer, x)
    assert out.shape == expected.shape
    np.testing.assert_allclose(out, expected, rtol=1e-4, atol=1e-4)
    assert layer.compute_output_shape(shape) == expected.shape


@pytest.mark.parametrize("rank", [1, 2, 3])
def test_weights_names_shapes_and_order(rank):
    layer = TRANSPOSE[rank](4, 2, kernel_initializer="zeros")
    layer.build((None, *(3,) * rank, 5))
    assert [w.name for w in layer.weights] == ["kernel", "bias"]
    assert layer.weights[0].path == f"{layer.name}/kernel"
    assert [tuple(w.shape) for w in layer.weights] == [(*(2,) * rank, 4, 5), (4,)]


def test_aliases_are_the_same_objects():
    assert layers.Convolution1DTranspose is layers.Conv1DTranspose
    assert layers.Convolution2DTranspose is layers.Conv2DTranspose
    assert layers.Convolution3DTranspose is layers.Conv3DTranspose


def test_conv3d_transpose_argument_order_is_keras():
    layer = layers.Conv3DTranspose(2, 2, 2, "same", "channels_first", 1)
    assert layer.data_format == "channels_first"
    assert layer.output_padding == (1, 1, 1)
    layer = layers.Conv2DTranspose(2, 2, 2, "same", 1, "channels_first")
    assert layer.output_padding == (1, 1) and layer.data_format == "channels_first"


def test_config_round_trip_and_keras_keys():
    layer = layers.Conv2DTranspose(4, 3, strides=2, output_padding=1, activation="relu")
    config = layer.get_config()
    assert list(config) == [
        "name",
        "trainable",
        "dtype",
        "filters",
        "kernel_size",
        "strides",
        "padding",
        "output_padding",
        "data_format",
        "dilation_rate",
        "activation",
        "use_bias",
        "kernel_initializer",
        "bias_initializer",
        "kernel_regularizer",
        "bias_regularizer",
        "activity_regularizer",
        "kernel_constraint",
        "bias_constraint",
    ]
    assert config["output_padding"] == (1, 1)
    assert config["strides"] == (2, 2)
    assert layers.Conv1DTranspose(2, 3).get_config()["output_padding"] is None
    assert layers.Conv2DTranspose.from_config(config).get_config() == config
    serialized = layers.serialize(layer)
    assert serialized["module"] == "keras.layers"
    assert serialized["class_name"] == "Conv2DTranspose"
    assert isinstance(layers.deserialize(serialized), layers.Conv2DTranspose)


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"filters": 0}, "filters"),
        ({"kernel_size": (2, 2, 2)}, "kernel_size"),
        ({"padding": "causal"}, "padding"),
        ({"strides": 2, "output_padding": 2}, "strictly less than `strides`"),
        ({"output_padding": -1}, "output_padding"),
        ({"strides": 2, "dilation_rate": 2}, "dilation_rate > 1"),
        ({"data_format": "nchw"}, "data_format"),
    ],
)
def test_bad_arguments(kwargs, match):
    arguments = {"filters": 4, "kernel_size": 3, **kwargs}
    with pytest.raises(ValueError, match=match) as info:
        layers.Conv2DTranspose(**arguments)
    assert "Conv2DTranspose" in str(info.value)
    with pytest.raises(ValueError, match="groups"):
        layers.Conv1DTranspose(4, 3, groups=2)


def test_input_checks():
    layer = layers.Conv1DTranspose(2, 3, kernel_initializer="ones")
    with pytest.raises(ValueError, match="rank 3"):
        layer(_inputs(2, 5))
    layer(_inputs(2, 5, 3))
    with pytest.raises(ValueError, match="axis -1 of input shape to have value 3"):
        layer(_inputs(2, 5, 4))


def test_symbolic_unknown_dims_and_model():
    inputs = keras_core.Input((None, 5, 2))
    layer = layers.Conv2DTranspose(
        4, 3, strides=2, output_padding=1, kernel_initializer="ones"
    )
    outputs = layer(inputs)
    assert outputs.shape == (None, None, 12, 4)
    model = keras_core.Model(inputs, outputs)
    x = _inputs(1, 3, 5, 2)
    out = _np(model(x))
    assert out.shape == (1, 8, 12, 4)
    np.testing.assert_allclose(out, _reference(layer, x), rtol=1e-4, atol=1e-4)


def test_mixed_precision_and_stateless_call():
    layer = layers.Conv1DTranspose(
        3, 2, strides=2, kernel_initializer="ones", dtype="mixed_float16"
    )
    out = layer(_inputs(2, 4, 2))
    assert ops.convert_to_numpy(out).dtype == np.float16
    assert [w.dtype for w in layer.weights] == ["float32", "float32"]
    layer = layers.Conv1DTranspose(3, 2, strides=2, kernel_initializer="ones")
    layer.build((None, 4, 2))
    kernel = _inputs(2, 3, 2, seed=4)
    bias = np.array([1.0, 0.0, -1.0], "float32")
    x = _inputs(2, 4, 2)
    out, _ = layer.stateless_call([kernel, bias], [], x)
    expected = conv_reference.conv_transpose(x, kernel, (2,), "valid", None, (1,))
    np.testing.assert_allclose(_np(out), expected + bias, rtol=1e-4, atol=1e-4)


@needs_gradients
@pytest.mark.parametrize("rank", [1, 2])
def test_gradients_reach_all_weights(rank):
    layer = TRANSPOSE[rank](2, 2, strides=2, kernel_initializer="zeros")
    conv_reference.build_with_random_weights(layer, (2, *(3,) * rank, 3))
    assert_gradients_reach_all_weights(layer, _inputs(2, *(3,) * rank, 3))
