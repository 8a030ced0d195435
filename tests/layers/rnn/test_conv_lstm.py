"""ConvLSTM1D/2D/3D (and their cell) against a NumPy convolutional LSTM.

Training through a ConvLSTM1D is checked with Bidirectional's fit test
(test_bidirectional.py), which trains a model holding both layers.
"""

import numpy as np
import pytest
from layers.convolution import conv_reference
from layers.rnn import rnn_reference

import keras_core
from keras_core import layers
from keras_core import ops
from keras_core._src.layers.rnn.conv_lstm_cell import ConvLSTMCell

RNG = np.random.default_rng(0)
CONV_LSTM = {1: layers.ConvLSTM1D, 2: layers.ConvLSTM2D, 3: layers.ConvLSTM3D}
CONFIG_KEYS = [
    "name",
    "trainable",
    "dtype",
    "return_sequences",
    "return_state",
    "go_backwards",
    "stateful",
    "unroll",
    "zero_output_for_mask",
    "filters",
    "kernel_size",
    "strides",
    "padding",
    "data_format",
    "dilation_rate",
    "activation",
    "recurrent_activation",
    "use_bias",
    "kernel_initializer",
    "recurrent_initializer",
    "bias_initializer",
    "unit_forget_bias",
    "kernel_regularizer",
    "recurrent_regularizer",
    "bias_regularizer",
    "activity_regularizer",
    "kernel_constraint",
    "recurrent_constraint",
    "bias_constraint",
    "dropout",
    "recurrent_dropout",
    "seed",
]


def to_numpy(value):
    return np.asarray(ops.convert_to_numpy(value))


def normal(*shape):
    return RNG.normal(size=shape).astype("float32")


def randomize(layer, seed=0):
    """Random weights (bias included) so that every gate and tap matters."""
    rng = np.random.default_rng(seed)
    layer.set_weights(
        [rng.normal(scale=0.4, size=w.shape).astype("float32") for w in layer.weights]
    )


# Weights are randomized after the build anyway: zero initializers spare the
# orthogonal initializer's (slow to compile) QR decomposition.
CHEAP = {"kernel_initializer": "zeros", "recurrent_initializer": "zeros"}


def conv_lstm_1d(weights_seed=0, input_shape=(2, 4, 5, 1), **arguments):
    """A built ConvLSTM1D(2, 3) with random weights; most tests share its shapes."""
    layer = layers.ConvLSTM1D(2, 3, **{**CHEAP, **arguments})
    layer.build(input_shape)
    randomize(layer, weights_seed)
    return layer


def conv_lstm_step(cell_or_layer):
    """The NumPy step of a ConvLSTM cell, on channels-last maps."""
    kernel, recurrent_kernel, bias = (
        np.asarray(w, "float64") for w in cell_or_layer.get_weights()
    )
    rank = kernel.ndim - 2
    strides = cell_or_layer.strides
    padding = cell_or_layer.padding
    dilation = cell_or_layer.dilation_rate
    same = (1,) * rank

    def step(x, states):
        h, c = states
        z = conv_reference.conv(x, kernel, strides, padding, dilation)
        z = z + conv_reference.conv(h, recurrent_kernel, same, "same", same) + bias
        gate_i, gate_f, candidate, gate_o = np.split(z, 4, axis=-1)
        sigmoid = rnn_reference.sigmoid
        c = sigmoid(gate_f) * c + sigmoid(gate_i) * np.tanh(candidate)
        h = sigmoid(gate_o) * np.tanh(c)
        return h, [h, c]

    return step


def reference(layer, x, initial_state=None, mask=None):
    """`(outputs, h, c)` of the NumPy ConvLSTM, in the layer's data format."""
    channels_first = layer.data_format == "channels_first"
    x = np.asarray(x, "float64")
    if channels_first:
        x = np.moveaxis(x, 2, -1)
    step = conv_lstm_step(layer)
    if initial_state is None:
        kernel = np.asarray(layer.get_weights()[0], "float64")
        first = conv_reference.conv(
            x[:, 0], kernel, layer.strides, layer.padding, layer.dilation_rate
        )
        zeros = np.zeros((*first.shape[:-1], layer.filters))
        initial_state = [zeros, zeros]
    elif channels_first:
        initial_state = [np.moveaxis(np.asarray(s), 1, -1) for s in initial_state]
    outputs, (h, c) = rnn_reference.run(
        step,
        x,
        initial_state,
        mask=mask,
        go_backwards=layer.go_backwards,
        zero_output_for_mask=layer.zero_output_for_mask,
    )
    if channels_first:
        return np.moveaxis(outputs, -1, 2), np.moveaxis(h, -1, 1), np.moveaxis(c, -1, 1)
    return outputs, h, c


CASES = [
    # rank, arguments, input shape: valid padding with dilation shrinks 9 -> 5.
    (1, {"kernel_size": 3, "dilation_rate": 2}, (2, 3, 9, 2)),
    (
        2,
        {
            "kernel_size": (3, 2),
            "strides": (2, 1),
            "padding": "same",
            "data_format": "channels_first",
        },
        (2, 3, 2, 5, 4),
    ),
    (3, {"kernel_size": 2, "go_backwards": True}, (1, 2, 3, 3, 3, 1)),
]


@pytest.mark.parametrize(("rank", "arguments", "shape"), CASES)
def test_functional_model_matches_numpy_reference(rank, arguments, shape):
    layer = CONV_LSTM[rank](
        2, return_sequences=True, return_state=True, **CHEAP, **arguments
    )
    inputs = keras_core.Input(shape[1:])
    symbolic = layer(inputs)
    output_shapes = layer.compute_output_shape((None, *shape[1:]))
    assert [tuple(t.shape) for t in symbolic] == [tuple(s) for s in output_shapes]
    assert all(t.dtype == "float32" for t in symbolic)
    randomize(layer)
    # One compiled predict step costs less than the eager loop's many small
    # op compilations on JAX; the eager path is exercised by the tests below.
    model = keras_core.Model(inputs, symbolic)
    x = normal(*shape)
    outputs = model.predict(x, verbose=0)
    for got, want in zip(outputs, reference(layer, x), strict=True):
        np.testing.assert_allclose(got, want, atol=1e-5)


def test_cell_step_matches_numpy():
    cell = ConvLSTMCell(1, 2, 3, padding="same", **CHEAP)
    x, h, c = normal(2, 5, 1), normal(2, 5, 2), normal(2, 5, 2)
    cell.build(x.shape)
    randomize(cell, seed=1)
    output, (new_h, new_c) = cell(x, [h, c])
    want_h, (_, want_c) = conv_lstm_step(cell)(x, [h, c])
    np.testing.assert_allclose(to_numpy(output), want_h, atol=1e-5)
    np.testing.assert_allclose(to_numpy(new_h), want_h, atol=1e-5)
    np.testing.assert_allclose(to_numpy(new_c), want_c, atol=1e-5)


def test_weight_layout_and_unit_forget_bias():
    layer = layers.ConvLSTM2D(3, (2, 2), **CHEAP)
    layer.build((None, 4, 5, 5, 2))
    assert [(w.path, tuple(w.shape)) for w in layer.weights] == [
        ("conv_lstm2d/conv_lstm_cell/kernel", (2, 2, 2, 12)),
        ("conv_lstm2d/conv_lstm_cell/recurrent_kernel", (2, 2, 3, 12)),
        ("conv_lstm2d/conv_lstm_cell/bias", (12,)),
    ]
    np.testing.assert_array_equal(
        to_numpy(layer.weights[2]), [0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]
    )
    plain = layers.ConvLSTM1D(2, 3, unit_forget_bias=False, **CHEAP)
    plain.build((None, 2, 5, 1))
    np.testing.assert_array_equal(to_numpy(plain.weights[2]), np.zeros(8))
    no_bias = layers.ConvLSTM1D(2, 3, use_bias=False, **CHEAP)
    no_bias.build((None, 2, 5, 1))
    assert [w.name for w in no_bias.weights] == ["kernel", "recurrent_kernel"]


def test_initial_state_and_mask():
    layer = conv_lstm_1d(weights_seed=2, padding="same", return_sequences=True)
    x = normal(2, 4, 5, 1)
    mask = np.array([[True, False, True, True], [True, True, True, False]])
    initial = [normal(2, 5, 2), normal(2, 5, 2)]
    outputs = layer(x, initial_state=initial, mask=mask)
    expected, _, _ = reference(layer, x, initial_state=initial, mask=mask)
    np.testing.assert_allclose(to_numpy(outputs), expected, atol=1e-5)
    with pytest.raises(ValueError, match="initial state"):
        layer(x, initial_state=initial[:1])


def test_config_and_saving(tmp_path):
    inputs = keras_core.Input((4, 5, 1))
    outputs = layers.ConvLSTM1D(2, 3, strides=2, name="clstm", **CHEAP)(inputs)
    model = keras_core.Model(inputs, outputs)
    assert tuple(outputs.shape) == (None, 2, 2)
    layer = model.get_layer("clstm")
    randomize(layer, seed=3)

    config = layer.get_config()
    assert list(config) == CONFIG_KEYS
    assert config["kernel_size"] == (3,) and config["strides"] == (2,)
    clone = layers.ConvLSTM1D.from_config(config)
    assert clone.get_config() == config

    path = str(tmp_path / "conv_lstm.keras")
    model.save(path)
    loaded = keras_core.saving.load_model(path)
    assert loaded.get_layer("clstm").get_config() == config
    for saved, restored in zip(model.weights, loaded.weights, strict=True):
        assert saved.path == restored.path
        np.testing.assert_array_equal(to_numpy(saved), to_numpy(restored))


def test_stateful_carries_states_between_calls():
    layer = conv_lstm_1d(weights_seed=4, stateful=True, return_sequences=True)
    first, second = normal(2, 4, 5, 1), normal(2, 4, 5, 1)
    layer(first)
    outputs = layer(second)
    expected, _, c = reference(layer, np.concatenate([first, second], axis=1))
    np.testing.assert_allclose(to_numpy(outputs), expected[:, 4:], atol=1e-5)
    np.testing.assert_allclose(to_numpy(layer.states[1]), c, atol=1e-5)
    assert len(layer.weights) == 3
    layer.reset_state()
    assert not np.any(to_numpy(layer.states[0]))
    with pytest.raises(ValueError, match="static"):
        layers.ConvLSTM1D(2, 2, stateful=True)(
            keras_core.Input((3, None, 1), batch_size=2)
        )


def test_dropout_is_seeded_and_off_in_inference():
    x = normal(2, 4, 5, 1)
    arguments = {"dropout": 0.5, "recurrent_dropout": 0.4, "seed": 7}
    noisy = conv_lstm_1d(weights_seed=5, padding="same", **arguments)
    twin = conv_lstm_1d(weights_seed=5, padding="same", **arguments)
    inference = reference(noisy, x)[1]
    np.testing.assert_allclose(to_numpy(noisy(x, training=False)), inference, atol=1e-5)
    dropped = to_numpy(noisy(x, training=True))
    assert not np.allclose(dropped, inference, atol=1e-3)
    np.testing.assert_allclose(to_numpy(twin(x, training=True)), dropped, atol=1e-6)


@pytest.mark.parametrize(
    ("arguments", "match"),
    [
        ({"filters": 0, "kernel_size": 3}, "filters"),
        ({"filters": 2, "kernel_size": (3, 3)}, "kernel_size"),
        ({"filters": 2, "kernel_size": 3, "padding": "causal"}, "padding"),
        ({"filters": 2, "kernel_size": 3, "strides": 2, "dilation_rate": 2}, "strides"),
        ({"filters": 2, "kernel_size": 3, "data_format": "nhwc"}, "data_format"),
    ],
)
def test_bad_arguments(arguments, match):
    with pytest.raises(ValueError, match=match):
        layers.ConvLSTM1D(**arguments)


def test_bad_input_rank():
    with pytest.raises(ValueError, match="ndim=4"):
        layers.ConvLSTM1D(2, 3, **CHEAP)(normal(2, 3, 5))
