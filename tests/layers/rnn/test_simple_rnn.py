"""keras_core.layers.SimpleRNN and SimpleRNNCell against NumPy step equations."""

import numpy as np
import pytest
from layer_testing import needs_gradients
from layer_testing import weight_gradients
from layers.rnn import rnn_reference

import keras_core
from keras_core import layers
from keras_core import ops

RNG = np.random.default_rng(1)
X = RNG.normal(size=(2, 4, 3)).astype("float32")
MASK = np.array([[True, False, True, True], [True, True, True, False]])


def to_numpy(x):
    return ops.convert_to_numpy(x)


def reference_step(layer, activation=np.tanh):
    weights = [np.asarray(w, "float64") for w in layer.get_weights()]
    return lambda x, states: rnn_reference.simple_rnn_step(
        x, states, weights, activation
    )


@pytest.mark.parametrize("go_backwards, use_mask", [(False, False), (True, True)])
def test_matches_the_step_equation(go_backwards, use_mask):
    layer = layers.SimpleRNN(
        3,
        **rnn_reference.random_weights(),
        return_sequences=True,
        return_state=True,
        go_backwards=go_backwards,
    )
    mask = MASK if use_mask else None
    initial = RNG.normal(size=(2, 3)).astype("float32")
    outputs, state = layer(X, initial_state=initial, mask=mask)
    expected, (state_ref,) = rnn_reference.run(
        reference_step(layer), X, [initial], mask=mask, go_backwards=go_backwards
    )
    np.testing.assert_allclose(to_numpy(outputs), expected, atol=1e-5)
    np.testing.assert_allclose(to_numpy(state), state_ref, atol=1e-5)


def test_activation_no_bias_and_unroll():
    layer = layers.SimpleRNN(
        3,
        activation="relu",
        use_bias=False,
        unroll=True,
        **rnn_reference.random_weights(),
    )
    output = layer(X)
    assert [w.name for w in layer.weights] == ["kernel", "recurrent_kernel"]
    expected, _ = rnn_reference.run(
        reference_step(layer, lambda v: np.maximum(v, 0)), X, [np.zeros((2, 3))]
    )
    np.testing.assert_allclose(to_numpy(output), expected[:, -1], atol=1e-5)


def test_weights_layout():
    layer = layers.SimpleRNN(3, **rnn_reference.random_weights())
    layer(X)
    assert [(w.path, w.shape) for w in layer.weights] == [
        ("simple_rnn/simple_rnn_cell/kernel", (3, 3)),
        ("simple_rnn/simple_rnn_cell/recurrent_kernel", (3, 3)),
        ("simple_rnn/simple_rnn_cell/bias", (3,)),
    ]


def test_cell_call_and_initial_state():
    cell = layers.SimpleRNNCell(3, **rnn_reference.random_weights())
    output, states = cell(X[:, 0], cell.get_initial_state(batch_size=2))
    expected, _ = reference_step(cell)(X[:, 0].astype("float64"), [np.zeros((2, 3))])
    np.testing.assert_allclose(to_numpy(output), expected, atol=1e-6)
    np.testing.assert_allclose(to_numpy(states[0]), expected, atol=1e-6)
    assert (cell.state_size, cell.output_size) == (3, 3)


def test_dropout_is_identity_at_inference_and_seeded_in_training():
    layer = layers.SimpleRNN(
        3, dropout=0.5, recurrent_dropout=0.5, seed=3, **rnn_reference.ZEROS
    )
    plain = layers.SimpleRNN(3, **rnn_reference.random_weights())
    plain(X)
    layer(X)
    layer.set_weights(plain.get_weights())
    np.testing.assert_allclose(
        to_numpy(layer(X, training=False)), to_numpy(plain(X)), atol=1e-6
    )
    trained = to_numpy(layer(X, training=True))
    assert not np.allclose(trained, to_numpy(plain(X)), atol=1e-3)
    again = layers.SimpleRNN(
        3, dropout=0.5, recurrent_dropout=0.5, seed=3, **rnn_reference.ZEROS
    )
    again(X)
    again.set_weights(plain.get_weights())
    np.testing.assert_allclose(to_numpy(again(X, training=True)), trained, atol=1e-6)


def test_symbolic_call_and_model_predict():
    inputs = keras_core.Input((4, 3))
    outputs = layers.SimpleRNN(
        3, return_sequences=True, **rnn_reference.random_weights()
    )(inputs)
    assert (outputs.shape, outputs.dtype) == ((None, 4, 3), "float32")
    model = keras_core.Model(inputs, outputs)
    expected, _ = rnn_reference.run(
        reference_step(model.layers[1]), X, [np.zeros((2, 3))]
    )
    np.testing.assert_allclose(model.predict(X, verbose=0), expected, atol=1e-5)


def test_config_matches_keras_keys_and_round_trips():
    layer = layers.SimpleRNN(3, dropout=0.2, seed=4, kernel_regularizer="l2")
    config = layer.get_config()
    assert list(config) == [
        "name",
        "trainable",
        "dtype",
        "return_sequences",
        "return_state",
        "go_backwards",
        "stateful",
        "unroll",
        "zero_output_for_mask",
        "units",
        "activation",
        "use_bias",
        "kernel_initializer",
        "recurrent_initializer",
        "bias_initializer",
        "kernel_regularizer",
        "recurrent_regularizer",
        "bias_regularizer",
        "activity_regularizer",
        "kernel_constraint",
        "recurrent_constraint",
        "bias_constraint",
        "dropout",
        "recurrent_dropout",
    ]
    clone = layers.SimpleRNN.from_config(config)
    assert clone.get_config() == config
    cell_config = layers.SimpleRNNCell(3, seed=4).get_config()
    assert cell_config["seed"] == 4 and cell_config["recurrent_initializer"][
        "class_name"
    ] == ("Orthogonal")
    assert layers.SimpleRNNCell.from_config(cell_config).get_config() == cell_config


def test_save_and_load(tmp_path):
    inputs = keras_core.Input((4, 3))
    layer = layers.SimpleRNN(3, go_backwards=True, **rnn_reference.ZEROS)
    model = keras_core.Model(inputs, layer(inputs))
    rnn_reference.randomize(layer)
    path = str(tmp_path / "simple_rnn.keras")
    model.save(path)
    loaded = keras_core.saving.load_model(path)
    np.testing.assert_allclose(to_numpy(loaded(X)), to_numpy(model(X)), atol=1e-6)


def test_bad_arguments():
    with pytest.raises(ValueError, match="units"):
        layers.SimpleRNN(0)
    with pytest.raises(ValueError, match="dropout"):
        layers.SimpleRNNCell(2, dropout="half")
    with pytest.raises(ValueError, match="ndim"):
        layers.SimpleRNN(3)(X[:, 0])


@needs_gradients
def test_gradients_match_finite_differences():
    layer = layers.SimpleRNN(3, **rnn_reference.random_weights())
    grads = weight_gradients(layer, X)
    rng = np.random.default_rng(1234)
    projection = rng.normal(size=(2, 3))
    base = [np.asarray(w, "float64") for w in layer.get_weights()]

    def loss(weights):
        out, _ = rnn_reference.run(
            lambda x, s: rnn_reference.simple_rnn_step(x, s, weights),
            X,
            [np.zeros((2, 3))],
        )
        return np.sum(out[:, -1] * projection)

    eps = 1e-6
    bumped = [w.copy() for w in base]
    bumped[1][0, 1] += eps
    numeric = (loss(bumped) - loss(base)) / eps
    np.testing.assert_allclose(grads[1][0, 1], numeric, rtol=1e-3, atol=1e-4)
