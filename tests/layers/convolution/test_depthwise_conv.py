"""Tests of `DepthwiseConv1D` and `DepthwiseConv2D`."""

import numpy as np
import pytest
from layer_testing import assert_gradients_reach_all_weights
from layer_testing import needs_gradients
from layers.convolution import conv_reference

import keras_core
from keras_core import layers
from keras_core import ops

DEPTHWISE = {1: layers.DepthwiseConv1D, 2: layers.DepthwiseConv2D}


def _np(x):
    return np.asarray(ops.convert_to_numpy(x))


def _inputs(*shape, seed=0):
    return np.random.default_rng(seed).normal(size=shape).astype("float32")


def _reference(layer, x):
    weights = layer.get_weights()
    first = layer.data_format == "channels_first"
    if first:
        x = np.moveaxis(x, 1, -1)
    out = conv_reference.depthwise_conv(
        x, weights[0], layer.strides, layer.padding, layer.dilation_rate
    )
    if layer.use_bias:
        out = out + weights[1]
    return np.moveaxis(out, -1, 1) if first else out


@pytest.mark.parametrize(
    "rank, kwargs, spatial",
    [
        (1, {}, (7,)),
        (1, {"depth_multiplier": 2, "padding": "same", "strides": 2}, (7,)),
        (1, {"dilation_rate": 2, "data_format": "channels_first"}, (8,)),
        (2, {"depth_multiplier": 3}, (5, 6)),
        (2, {"strides": 2, "dilation_rate": 2, "padding": "same"}, (7, 6)),
        (2, {"data_format": "channels_first", "padding": "same"}, (5, 4)),
    ],
)
def test_matches_numpy_reference(rank, kwargs, spatial):
    layer = DEPTHWISE[rank](3, depthwise_initializer="zeros", **kwargs)
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
    layer = DEPTHWISE[rank](2, depth_multiplier=3, depthwise_initializer="zeros")
    layer.build((None, *(4,) * rank, 5))
    assert [w.name for w in layer.weights] == ["kernel", "bias"]
    assert layer.weights[0].path == f"{layer.name}/kernel"
    assert [tuple(w.shape) for w in layer.weights] == [(*(2,) * rank, 5, 3), (15,)]


def test_config_round_trip_and_keras_keys():
    layer = layers.DepthwiseConv2D(3, depth_multiplier=2, depthwise_regularizer="l2")
    config = layer.get_config()
    assert list(config) == [
        "name",
        "trainable",
        "dtype",
        "depth_multiplier",
        "kernel_size",
        "strides",
        "padding",
        "data_format",
        "dilation_rate",
        "activation",
        "use_bias",
        "depthwise_initializer",
        "bias_initializer",
        "depthwise_regularizer",
        "bias_regularizer",
        "activity_regularizer",
        "depthwise_constraint",
        "bias_constraint",
    ]
    assert config["kernel_size"] == (3, 3) and config["depth_multiplier"] == 2
    assert config["depthwise_regularizer"]["class_name"] == "L2"
    assert layers.DepthwiseConv2D.from_config(config).get_config() == config
    serialized = layers.serialize(layer)
    assert serialized["module"] == "keras.layers"
    assert isinstance(layers.deserialize(serialized), layers.DepthwiseConv2D)


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"depth_multiplier": 0}, "depth_multiplier"),
        ({"kernel_size": 0}, "kernel_size"),
        ({"padding": "causal"}, "padding"),
        ({"strides": (1, 2, 3)}, "strides"),
    ],
)
def test_bad_arguments(kwargs, match):
    with pytest.raises(ValueError, match=match) as info:
        layers.DepthwiseConv2D(**{"kernel_size": 3, **kwargs})
    assert "DepthwiseConv2D" in str(info.value)


def test_input_checks_and_symbolic_shapes():
    layer = layers.DepthwiseConv1D(3, depth_multiplier=2, depthwise_initializer="ones")
    with pytest.raises(ValueError, match="channel axis"):
        layer.build((None, 5, None))
    out = layer(keras_core.Input((None, 4)))
    assert out.shape == (None, None, 8)
    with pytest.raises(ValueError, match="axis -1 of input shape to have value 4"):
        layer(_inputs(1, 5, 3))
    assert layer.compute_output_shape((None, 9, None)) == (None, 7, None)


def test_mixed_precision_and_regularizer():
    layer = layers.DepthwiseConv1D(
        2,
        depthwise_initializer="ones",
        depthwise_regularizer="l2",
        dtype="mixed_float16",
    )
    out = layer(_inputs(2, 4, 3))
    assert ops.convert_to_numpy(out).dtype == np.float16
    assert [w.dtype for w in layer.weights] == ["float32", "float32"]
    np.testing.assert_allclose(_np(layer.losses[0]), 0.01 * 6, rtol=1e-4)


@needs_gradients
@pytest.mark.parametrize("rank", [1, 2])
def test_gradients_reach_all_weights(rank):
    layer = DEPTHWISE[rank](2, depth_multiplier=2, depthwise_initializer="zeros")
    conv_reference.build_with_random_weights(layer, (2, *(3,) * rank, 2))
    assert_gradients_reach_all_weights(layer, _inputs(2, *(3,) * rank, 2))
