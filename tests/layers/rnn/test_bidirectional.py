"""Bidirectional against NumPy recurrences run forwards and backwards."""

import json

import numpy as np
import pytest
from layer_testing import needs_gradients
from layers.rnn import rnn_reference

import keras_core
from keras_core import layers
from keras_core import ops

RNG = np.random.default_rng(0)
X = RNG.normal(size=(2, 4, 3)).astype("float32")
MASK = np.array([[True, True, True, False], [True, False, True, True]])


def to_numpy(value):
    return np.asarray(ops.convert_to_numpy(value))


# Weights are randomized after the build: zero initializers spare the
# orthogonal initializer's QR decomposition (slow to compile on JAX).
CHEAP = {"kernel_initializer": "zeros", "recurrent_initializer": "zeros"}


def randomize(layer, seed=0):
    rng = np.random.default_rng(seed)
    layer.set_weights(
        [rng.normal(scale=0.5, size=w.shape).astype("float32") for w in layer.weights]
    )


def built(layer, seed=0, shape=X.shape):
    layer.build(shape)
    randomize(layer, seed)
    return layer


def directions(layer, step_function, x, states=None, mask=None):
    """Forward and backward `(outputs, states)` of the NumPy recurrence.

    The backward outputs are put back in forward time order, as
    Bidirectional merges them.
    """
    results = []
    for index, direction in enumerate((layer.forward_layer, layer.backward_layer)):
        weights = [np.asarray(w, "float64") for w in direction.get_weights()]

        def step(x_t, s, weights=weights):
            return step_function(x_t, s, weights)

        initial = states[index] if states is not None else None
        if initial is None:
            units = weights[1].shape[0]
            count = 2 if step_function is rnn_reference.lstm_step else 1
            initial = [np.zeros((x.shape[0], units))] * count
        outputs, final = rnn_reference.run(
            step,
            x,
            initial,
            mask=mask,
            go_backwards=direction.go_backwards,
            zero_output_for_mask=direction.zero_output_for_mask,
        )
        if direction.go_backwards:
            outputs = outputs[:, ::-1]
        results.append((outputs, final))
    return results


MERGES = {
    "concat": lambda f, b: np.concatenate([f, b], axis=-1),
    "sum": lambda f, b: f + b,
    "mul": lambda f, b: f * b,
    "ave": lambda f, b: (f + b) / 2,
}


@pytest.mark.parametrize("merge_mode", ["concat", "sum", "mul", "ave", None])
def test_merge_modes_match_numpy(merge_mode):
    layer = built(
        layers.Bidirectional(
            layers.SimpleRNN(3, return_sequences=True, **CHEAP), merge_mode=merge_mode
        )
    )
    (forward, _), (backward, _) = directions(layer, rnn_reference.simple_rnn_step, X)
    outputs = layer(X)
    if merge_mode is None:
        assert isinstance(outputs, tuple) and len(outputs) == 2
        np.testing.assert_allclose(to_numpy(outputs[0]), forward, atol=1e-5)
        np.testing.assert_allclose(to_numpy(outputs[1]), backward, atol=1e-5)
    else:
        expected = MERGES[merge_mode](forward, backward)
        np.testing.assert_allclose(to_numpy(outputs), expected, atol=1e-5)


def test_states_order_and_initial_state_split():
    layer = built(layers.Bidirectional(layers.LSTM(2, return_state=True, **CHEAP)))
    states = [RNG.normal(size=(2, 2)).astype("float32") for _ in range(4)]
    outputs = layer(X, initial_state=states)
    assert len(outputs) == 5
    (forward, forward_states), (backward, backward_states) = directions(
        layer, rnn_reference.lstm_step, X, states=[states[:2], states[2:]]
    )
    # The last output of the backward direction is its state after step 0.
    expected = np.concatenate([forward[:, -1], backward[:, 0]], axis=-1)
    np.testing.assert_allclose(to_numpy(outputs[0]), expected, atol=1e-5)
    for got, want in zip(outputs[1:], [*forward_states, *backward_states], strict=True):
        np.testing.assert_allclose(to_numpy(got), want, atol=1e-5)
    with pytest.raises(ValueError, match="even number"):
        layer(X, initial_state=states[:3])


def test_masked_steps_output_zeros_in_both_directions():
    layer = built(
        layers.Bidirectional(layers.SimpleRNN(3, return_sequences=True, **CHEAP)),
        seed=1,
    )
    assert layer.forward_layer.zero_output_for_mask
    assert layer.backward_layer.zero_output_for_mask
    (forward, _), (backward, _) = directions(
        layer, rnn_reference.simple_rnn_step, X, mask=MASK
    )
    outputs = to_numpy(layer(X, mask=MASK))
    np.testing.assert_allclose(
        outputs, np.concatenate([forward, backward], -1), atol=1e-5
    )
    assert not np.any(outputs[~MASK])
    np.testing.assert_array_equal(to_numpy(layer.compute_mask(X, MASK)), MASK)
    last = layers.Bidirectional(layers.SimpleRNN(3))
    assert last.compute_mask(X, MASK) is None
    pair = layers.Bidirectional(
        layers.SimpleRNN(3, return_sequences=True, return_state=True), merge_mode=None
    )
    masks = pair.compute_mask(X, MASK)
    assert len(masks) == 4 and masks[2] is None and masks[3] is None


def test_weights_names_and_config_round_trip():
    layer = layers.Bidirectional(layers.SimpleRNN(3, name="enc"), merge_mode="sum")
    layer.build(X.shape)
    name = layer.name
    assert [w.path for w in layer.weights] == [
        f"{name}/{direction}_enc/simple_rnn_cell/{weight}"
        for direction in ("forward", "backward")
        for weight in ("kernel", "recurrent_kernel", "bias")
    ]
    assert not layer.forward_layer.go_backwards
    assert layer.backward_layer.go_backwards
    config = layer.get_config()
    assert list(config) == [
        "name",
        "trainable",
        "dtype",
        "merge_mode",
        "layer",
        "backward_layer",
    ]
    assert config["layer"]["config"]["name"] == "forward_enc"
    assert config["backward_layer"]["config"]["go_backwards"] is True
    clone = layers.Bidirectional.from_config(config)
    assert clone.forward_layer.name == "forward_enc"
    assert clone.backward_layer.name == "backward_enc"
    assert clone.merge_mode == "sum"


def test_custom_backward_layer_and_weights_argument():
    backward = layers.SimpleRNN(3, go_backwards=True, name="back")
    layer = built(
        layers.Bidirectional(layers.SimpleRNN(3), backward_layer=backward), seed=2
    )
    assert layer.backward_layer is backward
    assert layer.weights[3].path == f"{layer.name}/back/simple_rnn_cell/kernel"
    copy = layers.Bidirectional(layers.SimpleRNN(3), weights=layer.get_weights())
    copy.build(X.shape)
    for original, copied in zip(layer.weights, copy.weights, strict=True):
        np.testing.assert_array_equal(to_numpy(original), to_numpy(copied))


@pytest.mark.parametrize(
    ("arguments", "match"),
    [
        ({"layer": layers.Dense(3)}, "recurrent layer"),
        ({"layer": "lstm"}, "recurrent layer"),
        ({"layer": layers.SimpleRNN(3), "merge_mode": "max"}, "merge mode"),
        (
            {"layer": layers.SimpleRNN(3), "backward_layer": layers.SimpleRNN(3)},
            "go_backwards",
        ),
        (
            {
                "layer": layers.SimpleRNN(3),
                "backward_layer": layers.SimpleRNN(
                    3, go_backwards=True, return_sequences=True
                ),
            },
            "return_sequences",
        ),
        (
            {
                "layer": layers.SimpleRNN(3),
                "backward_layer": layers.SimpleRNN(
                    3, go_backwards=True, return_state=True
                ),
            },
            "return_state",
        ),
        (
            {
                "layer": layers.SimpleRNN(3, stateful=True),
                "backward_layer": layers.SimpleRNN(3, go_backwards=True),
            },
            "stateful",
        ),
        (
            {"layer": layers.SimpleRNN(3), "backward_layer": layers.Dense(3)},
            "backward_layer",
        ),
    ],
)
def test_bad_arguments(arguments, match):
    with pytest.raises(ValueError, match=match):
        layers.Bidirectional(**arguments)


@pytest.mark.parametrize(
    ("merge_mode", "return_sequences", "return_state", "expected"),
    [
        ("concat", True, False, (None, 4, 6)),
        ("sum", False, False, (None, 3)),
        (None, True, False, ((None, 4, 3), (None, 4, 3))),
        (
            "concat",
            False,
            True,
            ((None, 6), (None, 3), (None, 3), (None, 3), (None, 3)),
        ),
        (
            None,
            False,
            True,
            ((None, 3), (None, 3), (None, 3), (None, 3), (None, 3), (None, 3)),
        ),
    ],
)
def test_output_shapes(merge_mode, return_sequences, return_state, expected):
    layer = layers.Bidirectional(
        layers.LSTM(
            3, return_sequences=return_sequences, return_state=return_state, **CHEAP
        ),
        merge_mode=merge_mode,
    )
    assert layer.compute_output_shape((None, 4, 5)) == expected
    symbolic = layer(keras_core.Input((4, 5)))
    if isinstance(expected[0], tuple):
        assert tuple(tuple(t.shape) for t in symbolic) == expected
    else:
        assert tuple(symbolic.shape) == expected
        assert symbolic.dtype == "float32"


def test_functional_model_predict_and_saving(tmp_path):
    inputs = keras_core.Input((4, 3))
    masked = layers.Masking(mask_value=0.0)(inputs)
    outputs = layers.Bidirectional(
        layers.SimpleRNN(3, return_sequences=True, **CHEAP), name="bi"
    )(masked)
    assert tuple(outputs.shape) == (None, 4, 6)
    model = keras_core.Model(inputs, outputs)
    layer = model.get_layer("bi")
    randomize(layer, seed=3)
    x = np.where(MASK[..., None], X, 0.0).astype("float32")
    (forward, _), (backward, _) = directions(
        layer, rnn_reference.simple_rnn_step, x, mask=MASK
    )
    expected = np.concatenate([forward, backward], axis=-1)
    np.testing.assert_allclose(model.predict(x, verbose=0), expected, atol=1e-5)

    path = str(tmp_path / "bidirectional.keras")
    model.save(path)
    loaded = keras_core.saving.load_model(path)
    # JSON turns the tuples of shapes into lists: compare as JSON.
    assert json.dumps(loaded.get_layer("bi").get_config()) == json.dumps(
        layer.get_config()
    )
    for saved, restored in zip(model.weights, loaded.weights, strict=True):
        assert saved.path == restored.path
        np.testing.assert_array_equal(to_numpy(saved), to_numpy(restored))


def test_stateful_directions_keep_their_states():
    layer = built(
        layers.Bidirectional(layers.SimpleRNN(3, stateful=True, **CHEAP)), seed=4
    )
    first, second = X[:, :2], X[:, 2:]
    layer(first)
    outputs = layer(second)
    assert len(layer.states) == 2 and len(layer.weights) == 6
    forward_weights = [
        np.asarray(w, "float64") for w in layer.forward_layer.get_weights()
    ]
    expected, _ = rnn_reference.run(
        lambda x_t, s: rnn_reference.simple_rnn_step(x_t, s, forward_weights),
        X,
        [np.zeros((2, 3))],
    )
    np.testing.assert_allclose(to_numpy(outputs)[:, :3], expected[:, -1], atol=1e-5)
    layer.reset_state()
    assert not any(np.any(to_numpy(state)) for state in layer.states)


@needs_gradients
def test_fit_reduces_loss_through_both_directions():
    # A ConvLSTM1D feeds the Bidirectional layer: one compiled train step
    # checks that gradients flow through both files' layers.
    keras_core.utils.set_random_seed(0)
    model = keras_core.Sequential(
        [
            keras_core.Input((4, 5, 1)),
            layers.ConvLSTM1D(2, 3, padding="same", return_sequences=True),
            layers.Reshape((4, 10)),
            layers.Bidirectional(layers.SimpleRNN(4)),
            layers.Dense(1),
        ]
    )
    model.compile(optimizer=keras_core.optimizers.Adam(0.05), loss="mse")
    x = RNG.normal(size=(16, 4, 5, 1)).astype("float32")
    y = x[:, 0, :2, 0] - x[:, -1, 2:4, 0]
    history = model.fit(
        x, y.sum(axis=1, keepdims=True), epochs=8, batch_size=16, verbose=0
    )
    losses = history.history["loss"]
    assert losses[-1] < 0.7 * losses[0]
