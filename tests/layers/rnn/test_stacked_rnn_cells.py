"""keras_core.layers.StackedRNNCells: cells chained within each step."""

import numpy as np
import pytest
from layers.rnn import rnn_reference

import keras_core
from keras_core import layers
from keras_core import ops

RNG = np.random.default_rng(4)
X = RNG.normal(size=(2, 4, 3)).astype("float32")
MASK = np.array([[True, False, True, True], [True, True, True, True]])


def to_numpy(x):
    return ops.convert_to_numpy(x)


def stacked_reference(stack):
    gru_weights, lstm_weights = (
        [np.asarray(w, "float64") for w in cell.get_weights()] for cell in stack.cells
    )

    def step(x, states):
        h, (h1,) = rnn_reference.gru_step(x, states[:1], gru_weights)
        h, (h2, c2) = rnn_reference.lstm_step(h, states[1:], lstm_weights)
        return h, [h1, h2, c2]

    return step


def make_stack():
    return layers.StackedRNNCells(
        [
            layers.GRUCell(3, **rnn_reference.random_weights()),
            layers.LSTMCell(3, **rnn_reference.random_weights(3)),
        ]
    )


def test_sizes_and_initial_state():
    stack = make_stack()
    assert stack.state_size == [3, [3, 3]]
    assert stack.output_size == 3
    h1, (h2, c2) = stack.get_initial_state(batch_size=2)
    assert [tuple(ops.shape(t)) for t in (h1, h2, c2)] == [(2, 3)] * 3


def test_in_rnn_matches_the_chained_equations():
    layer = layers.RNN(make_stack(), return_sequences=True, return_state=True)
    outputs, h1, (h2, c2) = layer(X, mask=MASK)
    expected, states = rnn_reference.run(
        stacked_reference(layer.cell), X, [np.zeros((2, 3))] * 3, mask=MASK
    )
    np.testing.assert_allclose(to_numpy(outputs), expected, atol=1e-5)
    for got, want in zip((h1, h2, c2), states, strict=True):
        np.testing.assert_allclose(to_numpy(got), want, atol=1e-5)
    assert [w.path for w in layer.weights][::3] == [
        "rnn/stacked_rnn_cells/gru_cell/kernel",
        "rnn/stacked_rnn_cells/lstm_cell/kernel",
    ]


def test_symbolic_call_shapes():
    outputs = layers.RNN(make_stack(), return_state=True)(keras_core.Input((4, 3)))
    assert [t.shape for t in keras_core.tree.flatten(outputs)] == [(None, 3)] * 4


def test_dropout_identity_at_inference():
    stack = layers.StackedRNNCells(
        [
            layers.GRUCell(3, dropout=0.5, **rnn_reference.random_weights()),
            layers.LSTMCell(3, recurrent_dropout=0.5, **rnn_reference.random_weights()),
        ]
    )
    layer = layers.RNN(stack)
    inference = to_numpy(layer(X))
    expected, _ = rnn_reference.run(stacked_reference(stack), X, [np.zeros((2, 3))] * 3)
    np.testing.assert_allclose(inference, expected[:, -1], atol=1e-5)
    assert not np.allclose(to_numpy(layer(X, training=True)), inference, atol=1e-3)


def test_config_round_trip_and_saving(tmp_path):
    zeros = rnn_reference.ZEROS
    stack = layers.StackedRNNCells(
        [layers.GRUCell(3, **zeros), layers.LSTMCell(3, **zeros)]
    )
    config = stack.get_config()
    assert [c["class_name"] for c in config["cells"]] == ["GRUCell", "LSTMCell"]
    clone = layers.StackedRNNCells.from_config(config)
    assert clone.get_config() == config
    inputs = keras_core.Input((4, 3))
    model = keras_core.Model(inputs, layers.RNN(stack)(inputs))
    rnn_reference.randomize(stack)
    path = str(tmp_path / "stacked.keras")
    model.save(path)
    loaded = keras_core.saving.load_model(path)
    np.testing.assert_allclose(to_numpy(loaded(X)), to_numpy(model(X)), atol=1e-6)


def test_bad_cells():
    with pytest.raises(ValueError, match="state_size"):
        layers.StackedRNNCells([layers.GRUCell(3), layers.Dense(3)])
