"""Tests of `Conv1D`, `Conv2D`, `Conv3D` against direct NumPy convolutions."""

import numpy as np
import pytest
from layer_testing import assert_gradients_reach_all_weights
from layer_testing import needs_gradients
from layers.convolution import conv_reference

import keras_core
from keras_core import layers
from keras_core import ops

CONV = {1: layers.Conv1D, 2: layers.Conv2D, 3: layers.Conv3D}
CONFIG_KEYS = [
    "name",
    "trainable",
    "dtype",
    "filters",
    "kernel_size",
    "strides",
    "padding",
    "data_format",
    "dilation_rate",
    "groups",
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


def _np(x):
    return np.asarray(ops.convert_to_numpy(x))


def _inputs(*shape, seed=0):
    return np.random.default_rng(seed).normal(size=shape).astype("float32")


def _reference(layer, x, kernel=None):
    """The layer's output from its own weights, by direct convolution."""
    weights = layer.get_weights()
    kernel = weights[0] if kernel is None else kernel
    first = layer.data_format == "channels_first"
    if first:
        x = np.moveaxis(x, 1, -1)
    out = conv_reference.conv(
        x, kernel, layer.strides, layer.padding, layer.dilation_rate, layer.groups
    )
    if layer.use_bias:
        out = out + weights[1]
    return np.moveaxis(out, -1, 1) if first else out


@pytest.mark.parametrize(
    "rank, kwargs, spatial",
    [
        (1, {}, (9,)),
        (1, {"padding": "same", "strides": 2}, (9,)),
        (1, {"padding": "causal", "dilation_rate": 2}, (9,)),
        (1, {"padding": "causal", "data_format": "channels_first"}, (7,)),
        (1, {"groups": 2, "padding": "same"}, (8,)),
        (2, {}, (6, 7)),
        (2, {"padding": "same", "strides": (2, 3)}, (7, 8)),
        (2, {"dilation_rate": (2, 1), "kernel_size": (3, 2)}, (7, 6)),
        (2, {"data_format": "channels_first", "padding": "same"}, (5, 6)),
        (2, {"groups": 2, "strides": 2}, (7, 7)),
        (3, {}, (4, 5, 4)),
        (
            3,
            {"padding": "same", "strides": 2, "data_format": "channels_first"},
            (5, 4, 3),
        ),
    ],
)
def test_matches_numpy_reference(rank, kwargs, spatial):
    kwargs = {"kernel_size": 3, **kwargs}
    layer = CONV[rank](6, kernel_initializer="zeros", **kwargs)
    channels = 4
    first = kwargs.get("data_format") == "channels_first"
    shape = (2, channels, *spatial) if first else (2, *spatial, channels)
    conv_reference.build_with_random_weights(layer, shape)
    x = _inputs(*shape)
    out = _np(layer(x))
    expected = _reference(layer, x)
    assert out.shape == expected.shape
    np.testing.assert_allclose(out, expected, rtol=1e-4, atol=1e-4)
    assert layer.compute_output_shape(shape) == expected.shape


def test_causal_output_depends_only_on_the_past():
    layer = layers.Conv1D(
        2, 3, padding="causal", dilation_rate=2, kernel_initializer="zeros"
    )
    conv_reference.build_with_random_weights(layer, (1, 10, 3))
    x = _inputs(1, 10, 3)
    changed = x.copy()
    changed[:, 6:] += 1.0
    before, after = _np(layer(x)), _np(layer(changed))
    np.testing.assert_allclose(before[:, :6], after[:, :6], rtol=1e-6)
    assert not np.allclose(before[:, 6:], after[:, 6:])


def test_activation_and_no_bias():
    layer = layers.Conv2D(
        3, 2, activation="relu", use_bias=False, kernel_initializer="zeros"
    )
    conv_reference.build_with_random_weights(layer, (2, 4, 4, 2))
    x = _inputs(2, 4, 4, 2)
    out = _np(layer(x))
    assert [w.name for w in layer.weights] == ["kernel"]
    assert layer.bias is None
    np.testing.assert_allclose(
        out, np.maximum(_reference(layer, x), 0), rtol=1e-4, atol=1e-4
    )


@pytest.mark.parametrize("rank", [1, 2, 3])
def test_weights_names_shapes_and_order(rank):
    layer = CONV[rank](4, 3, groups=2, kernel_initializer="zeros")
    layer.build((None, *(5,) * rank, 6))
    assert [w.name for w in layer.weights] == ["kernel", "bias"]
    assert layer.weights[0].path == f"{layer.name}/kernel"
    assert [tuple(w.shape) for w in layer.weights] == [(*(3,) * rank, 3, 4), (4,)]
    assert layer.input_spec.axes == {-1: 6}


def test_aliases_are_the_same_objects():
    assert layers.Convolution1D is layers.Conv1D
    assert layers.Convolution2D is layers.Conv2D
    assert layers.Convolution3D is layers.Conv3D


def test_config_round_trip_and_keras_keys():
    layer = layers.Conv2D(
        4, [3, 2], strides=2, padding="SAME", activation="tanh", kernel_regularizer="l2"
    )
    config = layer.get_config()
    assert list(config) == CONFIG_KEYS
    assert config["kernel_size"] == (3, 2)
    assert config["strides"] == (2, 2)
    assert config["dilation_rate"] == (1, 1)
    assert config["padding"] == "same"
    assert config["data_format"] == "channels_last"
    assert config["activation"] == "tanh"
    assert config["kernel_initializer"]["class_name"] == "GlorotUniform"
    assert config["bias_initializer"]["class_name"] == "Zeros"
    clone = layers.Conv2D.from_config(config)
    assert clone.get_config() == config
    serialized = layers.serialize(layer)
    assert serialized["module"] == "keras.layers"
    assert serialized["class_name"] == "Conv2D"
    restored = layers.deserialize(serialized)
    assert isinstance(restored, layers.Conv2D) and restored.kernel_size == (3, 2)
    conv1 = layers.Conv1D(2, 3, padding="causal").get_config()
    assert conv1["padding"] == "causal" and conv1["kernel_size"] == (3,)


def test_default_data_format_follows_config():
    previous = keras_core.config.image_data_format()
    try:
        keras_core.config.set_image_data_format("channels_first")
        layer = layers.Conv2D(2, 3)
        assert layer.data_format == "channels_first"
    finally:
        keras_core.config.set_image_data_format(previous)
    assert layers.Conv2D(2, 3, data_format="CHANNELS_FIRST").data_format == (
        "channels_first"
    )


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"filters": 0}, "filters"),
        ({"filters": -2}, "filters"),
        ({"filters": 2.5}, "filters"),
        ({"filters": None}, "filters"),
        ({"kernel_size": 0}, "kernel_size"),
        ({"kernel_size": (3, 3, 3)}, "kernel_size"),
        ({"kernel_size": 2.0}, "kernel_size"),
        ({"strides": 0}, "strides"),
        ({"dilation_rate": 0}, "dilation_rate"),
        ({"padding": "full"}, "padding"),
        ({"padding": "causal"}, "padding"),
        ({"data_format": "NHWC"}, "data_format"),
        ({"groups": 0}, "groups"),
        ({"filters": 3, "groups": 2}, "evenly divisible"),
        ({"strides": 2, "dilation_rate": 2}, "dilation_rate > 1"),
        ({"lora_rank": 0}, "lora_rank"),
    ],
)
def test_bad_arguments(kwargs, match):
    arguments = {"filters": 4, "kernel_size": 3, **kwargs}
    with pytest.raises(ValueError, match=match) as info:
        layers.Conv2D(**arguments)
    assert "Conv2D" in str(info.value)


def test_unknown_keyword_is_refused():
    with pytest.raises(ValueError, match="groupz"):
        layers.Conv2D(4, 3, groupz=2)


def test_input_checks():
    layer = layers.Conv2D(4, 3, kernel_initializer="ones")
    with pytest.raises(ValueError, match="expects inputs of rank 4"):
        layer(_inputs(2, 8, 8))
    layer(_inputs(2, 8, 8, 3))
    with pytest.raises(ValueError, match="ndim=4"):
        layer(_inputs(2, 1, 8, 8, 3))
    with pytest.raises(ValueError, match="axis -1 of input shape to have value 3"):
        layer(_inputs(2, 8, 8, 2))
    with pytest.raises(ValueError, match="groups"):
        layers.Conv2D(4, 3, groups=2).build((None, 8, 8, 3))
    with pytest.raises(ValueError, match="channel axis"):
        layers.Conv2D(4, 3).build((None, 8, 8, None))
    with pytest.raises(ValueError, match="zero or negative"):
        layers.Conv2D(4, 5)(_inputs(1, 3, 3, 1))
    with pytest.raises(ValueError, match="zero or negative"):
        layers.Conv2D(4, 5).compute_output_shape((1, 3, 3, 1))
    channels_first = layers.Conv1D(4, 3, data_format="channels_first")
    channels_first.build((None, 2, 9))
    assert channels_first.input_spec.axes == {1: 2}


def test_symbolic_shapes_with_unknown_dims_and_model():
    inputs = keras_core.Input((None, 7, 3))
    layer = layers.Conv2D(4, 3, strides=2, padding="same", kernel_initializer="ones")
    outputs = layer(inputs)
    assert outputs.shape == (None, None, 4, 4) and outputs.dtype == "float32"
    model = keras_core.Model(inputs, outputs)
    x = _inputs(2, 5, 7, 3)
    eager = _np(model(x))
    assert eager.shape == (2, 3, 4, 4)
    np.testing.assert_allclose(eager, _reference(layer, x), rtol=1e-4, atol=1e-4)
    causal = layers.Conv1D(2, 3, padding="causal")(keras_core.Input((None, 3)))
    assert causal.shape == (None, None, 2)


def test_mixed_precision():
    layer = layers.Conv1D(3, 2, kernel_initializer="ones", dtype="mixed_float16")
    out = layer(_inputs(2, 5, 4))
    assert ops.convert_to_numpy(out).dtype == np.float16
    assert [w.dtype for w in layer.weights] == ["float32", "float32"]
    assert layer(keras_core.Input((5, 4))).dtype == "float16"


def test_stateless_call():
    layer = layers.Conv1D(2, 2, kernel_initializer="ones")
    layer.build((None, 5, 3))
    kernel = _inputs(2, 3, 2, seed=3)
    bias = np.array([1.0, -1.0], "float32")
    x = _inputs(4, 5, 3)
    out, non_trainable = layer.stateless_call([kernel, bias], [], x)
    expected = conv_reference.conv(x, kernel, (1,), "valid", (1,)) + bias
    np.testing.assert_allclose(_np(out), expected, rtol=1e-4, atol=1e-4)
    assert non_trainable == []
    assert not np.allclose(layer.get_weights()[0], kernel)


def test_regularizers_and_constraints():
    layer = layers.Conv1D(
        2,
        2,
        kernel_regularizer="l2",
        bias_regularizer="l1",
        activity_regularizer="l2",
        kernel_constraint="non_neg",
    )
    x = _inputs(2, 4, 3)
    out = _np(layer(x))
    kernel = layer.get_weights()[0]
    expected = [0.01 * np.sum(kernel**2), 0.0, 0.01 * np.sum(out**2) / 2]
    losses = [float(_np(loss)) for loss in layer.losses]
    np.testing.assert_allclose(sorted(losses), sorted(expected), rtol=1e-4)
    assert layer.kernel.constraint is not None
    layer.kernel.assign(-np.ones_like(kernel))
    np.testing.assert_array_equal(_np(layer.kernel.constraint(layer.kernel)), 0.0)


def test_lora_constructor_and_enable():
    layer = layers.Conv2D(3, 2, lora_rank=2, lora_alpha=6, kernel_initializer="ones")
    layer.build((None, 5, 5, 4))
    assert [w.name for w in layer.weights] == [
        "kernel",
        "bias",
        "lora_kernel_a",
        "lora_kernel_b",
    ]
    assert [w.name for w in layer.trainable_weights] == [
        "bias",
        "lora_kernel_a",
        "lora_kernel_b",
    ]
    assert tuple(layer.lora_kernel_a.shape) == (2, 2, 4, 2)
    assert tuple(layer.lora_kernel_b.shape) == (2, 3)
    a = _inputs(2, 2, 4, 2, seed=1)
    b = _inputs(2, 3, seed=2)
    layer.lora_kernel_a.assign(a)
    layer.lora_kernel_b.assign(b)
    merged = layer._kernel.numpy() + 3.0 * (a @ b)
    np.testing.assert_allclose(_np(layer.kernel), merged, rtol=1e-5, atol=1e-5)
    x = _inputs(2, 5, 5, 4)
    np.testing.assert_allclose(
        _np(layer(x)), _reference(layer, x, kernel=merged), rtol=1e-4, atol=1e-4
    )
    config = layer.get_config()
    assert list(config)[-2:] == ["lora_rank", "lora_alpha"]
    assert (config["lora_rank"], config["lora_alpha"]) == (2, 6)
    assert layers.Conv2D.from_config(config).lora_rank == 2
    with pytest.raises(ValueError, match="already enabled"):
        layer.enable_lora(2)
    with pytest.raises(ValueError, match="isn't yet built"):
        layers.Conv1D(3, 2).enable_lora(2)


def test_lora_starts_unchanged():
    layer = layers.Conv1D(3, 2, kernel_initializer="ones", kernel_regularizer="l2")
    x = _inputs(2, 5, 4)
    before = _np(layer(x))
    layer.enable_lora(2, a_initializer="ones")
    np.testing.assert_allclose(_np(layer(x)), before, rtol=1e-6)
    assert layer.get_config()["lora_alpha"] == 2
    assert len(layer.losses) == 2


def test_no_masking_and_quantize_not_supported():
    layer = layers.Conv1D(2, 2, kernel_initializer="ones")
    assert not layer.supports_masking
    layer.build((None, 4, 3))
    with pytest.raises(NotImplementedError):
        layer.quantize("int8")


@needs_gradients
@pytest.mark.parametrize("rank", [1, 2, 3])
def test_gradients_reach_all_weights(rank):
    layer = CONV[rank](2, 2, padding="same", kernel_initializer="zeros")
    conv_reference.build_with_random_weights(layer, (2, *(3,) * rank, 3))
    assert_gradients_reach_all_weights(layer, _inputs(2, *(3,) * rank, 3))


@needs_gradients
def test_gradients_reach_lora_weights():
    layer = layers.Conv2D(2, 2, kernel_initializer="zeros")
    conv_reference.build_with_random_weights(layer, (None, 4, 4, 3))
    layer.enable_lora(1, a_initializer="ones", b_initializer="ones")
    assert_gradients_reach_all_weights(layer, _inputs(2, 4, 4, 3))
