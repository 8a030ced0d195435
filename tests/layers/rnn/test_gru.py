"""keras_core.layers.GRU and GRUCell against NumPy step equations."""

import numpy as np
import pytest
from layer_testing import weight_gradients
from layers.rnn import rnn_reference

import keras_core
from keras_core import layers
from keras_core import ops
from keras_core._src import backend

BACKEND = keras_core.config.backend()
RNG = np.random.default_rng(3)
X = RNG.normal(size=(2, 4, 3)).astype("float32")
MASK = np.array([[True, True, False, False], [True, True, True, True]])
INITIAL = RNG.normal(size=(2, 3)).astype("float32")


def to_numpy(x):
    return ops.convert_to_numpy(x)


def reference_step(layer, reset_after=True):
    weights = [np.asarray(w, "float64") for w in layer.get_weights()]
    return lambda x, states: rnn_reference.gru_step(
        x, states, weights, reset_after=reset_after
    )


def gru(**kwargs):
    layer = layers.GRU(3, **rnn_reference.random_weights(), **kwargs)
    layer.build((2, 4, 3))
    return layer


@pytest.mark.parametrize(
    "reset_after, go_backwards, mask",
    [(True, False, None), (True, True, MASK), (False, False, MASK)],
)
def test_matches_the_step_equation(reset_after, go_backwards, mask):
    layer = gru(
        reset_after=reset_after,
        return_sequences=True,
        return_state=True,
        go_backwards=go_backwards,
    )
    outputs, state = layer(X, initial_state=INITIAL, mask=mask)
    expected, (state_ref,) = rnn_reference.run(
        reference_step(layer, reset_after),
        X,
        [INITIAL],
        mask=mask,
        go_backwards=go_backwards,
    )
    np.testing.assert_allclose(to_numpy(outputs), expected, atol=1e-5)
    np.testing.assert_allclose(to_numpy(state), state_ref, atol=1e-5)


def test_weights_layout_both_ways():
    layer = layers.GRU(3, **rnn_reference.random_weights())
    layer.build((2, 4, 3))
    assert [(w.path, w.shape) for w in layer.weights] == [
        ("gru/gru_cell/kernel", (3, 9)),
        ("gru/gru_cell/recurrent_kernel", (3, 9)),
        ("gru/gru_cell/bias", (2, 9)),
    ]
    before = layers.GRU(3, reset_after=False, **rnn_reference.random_weights())
    before.build((2, 4, 3))
    assert before.weights[2].shape == (9,)


def test_cell_without_bias_and_unrolled_layer():
    cell = layers.GRUCell(3, use_bias=False, **rnn_reference.random_weights())
    output, states = cell(X[:, 0], cell.get_initial_state(batch_size=2))
    expected, _ = reference_step(cell)(X[:, 0].astype("float64"), [np.zeros((2, 3))])
    np.testing.assert_allclose(to_numpy(output), expected, atol=1e-6)
    np.testing.assert_allclose(to_numpy(states[0]), expected, atol=1e-6)
    layer = gru(unroll=True, reset_after=False)
    expected, _ = rnn_reference.run(reference_step(layer, False), X, [np.zeros((2, 3))])
    np.testing.assert_allclose(to_numpy(layer(X)), expected[:, -1], atol=1e-5)


def test_stateful_and_dropout_at_inference():
    layer = gru(stateful=True, dropout=0.3, recurrent_dropout=0.3, seed=5)
    first, second = to_numpy(layer(X)), to_numpy(layer(X))
    step = reference_step(layer)
    expected, states = rnn_reference.run(step, X, [np.zeros((2, 3))])
    np.testing.assert_allclose(first, expected[:, -1], atol=1e-5)
    expected, _ = rnn_reference.run(step, X, states)
    np.testing.assert_allclose(second, expected[:, -1], atol=1e-5)
    layer.reset_states()
    np.testing.assert_allclose(to_numpy(layer(X)), first, atol=1e-6)


def test_fused_kernel_matches_the_generic_loop(monkeypatch):
    calls = []
    original = backend.rnn.gru

    def spy(*args, **kwargs):
        result = original(*args, **kwargs)
        calls.append(result)
        return result

    monkeypatch.setattr(backend.rnn, "gru", spy)
    auto = gru(return_sequences=True, return_state=True)
    generic = gru(return_sequences=True, return_state=True, use_cudnn=False)
    generic.set_weights(auto.get_weights())
    for mask in (None, MASK):
        got = auto(X, initial_state=INITIAL, mask=mask)
        want = generic(X, initial_state=INITIAL, mask=mask)
        for a, b in zip(got, want, strict=True):
            np.testing.assert_allclose(to_numpy(a), to_numpy(b), atol=1e-5)
    # NumPy has no fused path; the others take it for both masks.
    assert len(calls) == (0 if BACKEND == "numpy" else 2)
    if BACKEND != "numpy":
        grads = weight_gradients(auto, X, mask=MASK)
        want = weight_gradients(generic, X, mask=MASK)
        for a, b in zip(grads, want, strict=True):
            np.testing.assert_allclose(a, b, atol=1e-5)


def test_symbolic_shapes_and_model_predict():
    inputs = keras_core.Input((4, 3))
    outputs = layers.GRU(3, return_sequences=True, **rnn_reference.random_weights())(
        inputs
    )
    assert (outputs.shape, outputs.dtype) == ((None, 4, 3), "float32")
    model = keras_core.Model(inputs, outputs)
    expected, _ = rnn_reference.run(
        reference_step(model.layers[1]), X, [np.zeros((2, 3))]
    )
    np.testing.assert_allclose(model.predict(X, verbose=0), expected, atol=1e-5)


def test_inference_follows_weight_changes():
    rnn_reference.check_inference_follows_weight_changes(
        gru(), X, reference_step, num_states=1
    )


def test_config_round_trip_and_saving(tmp_path):
    layer = layers.GRU(
        3, reset_after=False, seed=1, use_cudnn=False, **rnn_reference.ZEROS
    )
    config = layer.get_config()
    assert list(config)[-4:] == ["dropout", "recurrent_dropout", "reset_after", "seed"]
    assert "use_cudnn" not in config
    assert layers.GRU.from_config(config).get_config() == config
    cell_config = layers.GRUCell(3, reset_after=False).get_config()
    assert layers.GRUCell.from_config(cell_config).reset_after is False
    inputs = keras_core.Input((4, 3))
    model = keras_core.Model(inputs, layer(inputs))
    rnn_reference.randomize(layer)
    path = str(tmp_path / "gru.keras")
    model.save(path)
    loaded = keras_core.saving.load_model(path)
    np.testing.assert_allclose(to_numpy(loaded(X)), to_numpy(model(X)), atol=1e-6)


def test_bad_arguments():
    with pytest.raises(ValueError, match="units"):
        layers.GRU(-1)
    with pytest.raises(ValueError, match="use_cudnn"):
        layers.GRU(3, use_cudnn=None)


# A left-padded mask (torch's kernel declines it), reversed sequences, zero
# outputs at masked steps and last-output-only layers: the fused paths of
# JAX and TensorFlow must still agree with the generic loop.
LEFT_PADDED = np.array([[False, True, True, True], [True, True, True, True]])


@pytest.mark.parametrize(
    "mask, go_backwards, zero_output, sequences",
    [
        (LEFT_PADDED, False, False, True),
        (LEFT_PADDED, True, True, True),
        (MASK, False, True, False),
        (None, True, False, False),
    ],
)
def test_fused_variants_match_the_generic_loop(
    mask, go_backwards, zero_output, sequences
):
    options = dict(
        return_sequences=sequences,
        return_state=True,
        go_backwards=go_backwards,
        zero_output_for_mask=zero_output,
    )
    auto = gru(**options)
    generic = gru(use_cudnn=False, **options)
    generic.set_weights(auto.get_weights())
    got = auto(X, initial_state=INITIAL, mask=mask)
    want = generic(X, initial_state=INITIAL, mask=mask)
    for a, b in zip(got, want, strict=True):
        np.testing.assert_allclose(to_numpy(a), to_numpy(b), atol=1e-5)
    if BACKEND != "numpy":
        grads = weight_gradients(auto, X, mask=mask)
        expected = weight_gradients(generic, X, mask=mask)
        for a, b in zip(grads, expected, strict=True):
            np.testing.assert_allclose(a, b, atol=1e-5)
