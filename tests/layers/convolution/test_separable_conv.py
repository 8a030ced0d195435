"""Tests of `SeparableConv1D` and `SeparableConv2D`."""

import numpy as np
import pytest
from layer_testing import assert_gradients_reach_all_weights
from layer_testing import needs_gradients
from layers.convolution import conv_reference

import keras_core
from keras_core import layers
from keras_core import ops

SEPARABLE = {1: layers.SeparableConv1D, 2: layers.SeparableConv2D}


def _np(x):
    return np.asarray(ops.convert_to_numpy(x))


def _inputs(*shape, seed=0):
    return np.random.default_rng(seed).normal(size=shape).astype("float32")


def _reference(layer, x):
    weights = layer.get_weights()
    first = layer.data_format == "channels_first"
    if first:
        x = np.moveaxis(x, 1, -1)
    depthwise = conv_reference.depthwise_conv(
        x, weights[0], layer.strides, layer.padding, layer.dilation_rate
    )
    ones = (1,) * layer.rank
    out = conv_reference.conv(depthwise, weights[1], ones, "valid", ones)
    if layer.use_bias:
        out = out + weights[2]
    return np.moveaxis(out, -1, 1) if first else out


@pytest.mark.parametrize(
    "rank, kwargs, spatial",
    [
        (1, {}, (7,)),
        (1, {"depth_multiplier": 2, "padding": "same", "strides": 2}, (7,)),
        (1, {"dilation_rate": 2, "data_format": "channels_first"}, (8,)),
        (2, {"depth_multiplier": 2}, (5, 6)),
        (2, {"strides": (1, 2), "padding": "same", "use_bias": False}, (5, 6)),
        (2, {"data_format": "channels_first", "dilation_rate": 2}, (6, 5)),
    ],
)
def test_matches_numpy_reference(rank, kwargs, spatial):
    layer = SEPARABLE[rank](
        4,
        3,
        depthwise_initializer="zeros",
        pointwise_initializer="zeros",
        **kwargs,
    )
    first = kwargs.get("data_format") == "channels_first"
    shape = (2, 3, *spatial) if first else (2, *spatial, 3)
    conv_reference.build_with_random_weights(layer, shape)
    x = _inputs(*shape)
    out = _np(layer(x))
    expected = _reference(layer, x)
    assert out.shape == expected.shape
    np.testing.assert_allclose(out, expected, rtol=1e-4, atol=1e-4)
    assert layer.compute_output_shape(shape) == expected.shape


@pytest.mark.parametrize("rank", [1, 2])
def test_weights_names_shapes_and_order(rank):
    layer = SEPARABLE[rank](
        6,
        2,
        depth_multiplier=2,
        depthwise_initializer="zeros",
        pointwise_initializer="zeros",
    )
    layer.build((None, *(4,) * rank, 3))
    assert [w.name for w in layer.weights] == [
        "depthwise_kernel",
        "pointwise_kernel",
        "bias",
    ]
    assert layer.weights[1].path == f"{layer.name}/pointwise_kernel"
    assert [tuple(w.shape) for w in layer.weights] == [
        (*(2,) * rank, 3, 2),
        (*(1,) * rank, 6, 6),
        (6,),
    ]


def test_aliases_are_the_same_objects():
    assert layers.SeparableConvolution1D is layers.SeparableConv1D
    assert layers.SeparableConvolution2D is layers.SeparableConv2D


def test_config_round_trip_and_keras_keys():
    layer = layers.SeparableConv2D(4, 3, depth_multiplier=2, activation="relu")
    config = layer.get_config()
    assert list(config) == [
        "name",
        "trainable",
        "dtype",
        "depth_multiplier",
        "filters",
        "kernel_size",
        "strides",
        "padding",
        "data_format",
        "dilation_rate",
        "activation",
        "use_bias",
        "depthwise_initializer",
        "pointwise_initializer",
        "bias_initializer",
        "depthwise_regularizer",
        "pointwise_regularizer",
        "bias_regularizer",
        "activity_regularizer",
        "depthwise_constraint",
        "pointwise_constraint",
        "bias_constraint",
    ]
    assert config["kernel_size"] == (3, 3) and config["activation"] == "relu"
    assert layers.SeparableConv2D.from_config(config).get_config() == config
    serialized = layers.serialize(layer)
    assert serialized["module"] == "keras.layers"
    assert isinstance(layers.deserialize(serialized), layers.SeparableConv2D)


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"filters": 0}, "filters"),
        ({"depth_multiplier": 0}, "depth_multiplier"),
        ({"padding": "causal"}, "padding"),
        ({"dilation_rate": (1, 0)}, "dilation_rate"),
    ],
)
def test_bad_arguments(kwargs, match):
    with pytest.raises(ValueError, match=match) as info:
        layers.SeparableConv2D(**{"filters": 2, "kernel_size": 3, **kwargs})
    assert "SeparableConv2D" in str(info.value)


def test_input_checks_symbolic_and_model():
    inputs = keras_core.Input((None, 3))
    layer = layers.SeparableConv1D(
        2, 3, depthwise_initializer="ones", pointwise_initializer="ones"
    )
    outputs = layer(inputs)
    assert outputs.shape == (None, None, 2)
    model = keras_core.Model(inputs, outputs)
    x = _inputs(2, 6, 3)
    np.testing.assert_allclose(
        _np(model(x)), _reference(layer, x), rtol=1e-4, atol=1e-4
    )
    with pytest.raises(ValueError, match="axis -1 of input shape to have value 3"):
        layer(_inputs(2, 6, 2))


def test_mixed_precision_and_stateless_call():
    layer = layers.SeparableConv1D(
        2, 2, depthwise_initializer="ones", dtype="mixed_float16"
    )
    out = layer(_inputs(2, 4, 3))
    assert ops.convert_to_numpy(out).dtype == np.float16
    assert [w.dtype for w in layer.weights] == ["float32"] * 3
    layer = layers.SeparableConv1D(2, 2, depthwise_initializer="ones")
    layer.build((None, 4, 3))
    depthwise = _inputs(2, 3, 1, seed=5)
    pointwise = _inputs(1, 3, 2, seed=6)
    bias = np.array([0.5, -0.5], "float32")
    x = _inputs(2, 4, 3)
    out, _ = layer.stateless_call([depthwise, pointwise, bias], [], x)
    expected = conv_reference.conv(
        conv_reference.depthwise_conv(x, depthwise, (1,), "valid", (1,)),
        pointwise,
        (1,),
        "valid",
        (1,),
    )
    np.testing.assert_allclose(_np(out), expected + bias, rtol=1e-4, atol=1e-4)


@needs_gradients
@pytest.mark.parametrize("rank", [1, 2])
def test_gradients_reach_all_weights(rank):
    layer = SEPARABLE[rank](
        2, 2, depthwise_initializer="zeros", pointwise_initializer="zeros"
    )
    conv_reference.build_with_random_weights(layer, (2, *(3,) * rank, 2))
    assert_gradients_reach_all_weights(layer, _inputs(2, *(3,) * rank, 2))
