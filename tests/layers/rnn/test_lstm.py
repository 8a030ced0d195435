"""keras_core.layers.LSTM and LSTMCell against NumPy step equations."""

import numpy as np
import pytest
from layer_testing import needs_gradients
from layer_testing import weight_gradients
from layers.rnn import rnn_reference

import keras_core
from keras_core import layers
from keras_core import ops
from keras_core._src import backend

BACKEND = keras_core.config.backend()
RNG = np.random.default_rng(2)
X = RNG.normal(size=(2, 4, 3)).astype("float32")
# Right-padded, so torch's fused kernel takes it too.
MASK = np.array([[True, True, True, False], [True, True, True, True]])
INITIAL = [RNG.normal(size=(2, 3)).astype("float32") for _ in range(2)]


def to_numpy(x):
    return ops.convert_to_numpy(x)


def reference_step(layer):
    weights = [np.asarray(w, "float64") for w in layer.get_weights()]
    return lambda x, states: rnn_reference.lstm_step(x, states, weights)


def lstm(**kwargs):
    layer = layers.LSTM(3, **rnn_reference.random_weights(), **kwargs)
    layer.build((2, 4, 3))
    return layer


@pytest.mark.parametrize(
    "go_backwards, mask, zero_output",
    [(False, None, False), (True, MASK, False), (False, MASK, True)],
)
def test_matches_the_step_equation(go_backwards, mask, zero_output):
    layer = lstm(
        return_sequences=True,
        return_state=True,
        go_backwards=go_backwards,
        zero_output_for_mask=zero_output,
    )
    outputs, h, c = layer(X, initial_state=INITIAL, mask=mask)
    expected, (h_ref, c_ref) = rnn_reference.run(
        reference_step(layer),
        X,
        INITIAL,
        mask=mask,
        go_backwards=go_backwards,
        zero_output_for_mask=zero_output,
    )
    np.testing.assert_allclose(to_numpy(outputs), expected, atol=1e-5)
    np.testing.assert_allclose(to_numpy(h), h_ref, atol=1e-5)
    np.testing.assert_allclose(to_numpy(c), c_ref, atol=1e-5)


def test_weights_layout_and_unit_forget_bias():
    layer = layers.LSTM(
        3,
        kernel_initializer=rnn_reference.NumpyInitializer(),
        recurrent_initializer=rnn_reference.NumpyInitializer(),
    )
    layer.build((2, 4, 3))
    assert [(w.path, w.shape) for w in layer.weights] == [
        ("lstm/lstm_cell/kernel", (3, 12)),
        ("lstm/lstm_cell/recurrent_kernel", (3, 12)),
        ("lstm/lstm_cell/bias", (12,)),
    ]
    np.testing.assert_array_equal(
        layer.get_weights()[2], np.repeat([0.0, 1.0, 0.0, 0.0], 3)
    )
    plain = layers.LSTM(
        3, unit_forget_bias=False, **{**rnn_reference.ZEROS, "bias_initializer": "ones"}
    )
    plain.build((2, 4, 3))
    np.testing.assert_array_equal(plain.get_weights()[2], np.ones(12))


def test_cell_call_and_initial_state():
    cell = layers.LSTMCell(3, **rnn_reference.random_weights())
    output, (h, c) = cell(X[:, 0], cell.get_initial_state(batch_size=2))
    expected, (h_ref, c_ref) = reference_step(cell)(
        X[:, 0].astype("float64"), [np.zeros((2, 3))] * 2
    )
    np.testing.assert_allclose(to_numpy(output), expected, atol=1e-6)
    np.testing.assert_allclose(to_numpy(h), h_ref, atol=1e-6)
    np.testing.assert_allclose(to_numpy(c), c_ref, atol=1e-6)
    assert (cell.state_size, cell.output_size) == ([3, 3], 3)


def test_stateful_across_two_calls():
    layer = lstm(stateful=True)
    first, second = to_numpy(layer(X)), to_numpy(layer(X))
    step = reference_step(layer)
    expected, states = rnn_reference.run(step, X, [np.zeros((2, 3))] * 2)
    np.testing.assert_allclose(first, expected[:, -1], atol=1e-5)
    expected, _ = rnn_reference.run(step, X, states)
    np.testing.assert_allclose(second, expected[:, -1], atol=1e-5)


def test_dropout_identity_at_inference():
    layer = lstm(dropout=0.5, recurrent_dropout=0.5, seed=1)
    expected, _ = rnn_reference.run(reference_step(layer), X, [np.zeros((2, 3))] * 2)
    np.testing.assert_allclose(to_numpy(layer(X)), expected[:, -1], atol=1e-5)
    trained = to_numpy(layer(X, training=True))
    assert not np.allclose(trained, expected[:, -1], atol=1e-3)


def test_fused_kernel_matches_the_generic_loop(monkeypatch):
    fused_results = []
    original = backend.rnn.lstm

    def spy(*args, **kwargs):
        result = original(*args, **kwargs)
        fused_results.append(result)
        return result

    monkeypatch.setattr(backend.rnn, "lstm", spy)
    auto = lstm(return_sequences=True, return_state=True)
    generic = lstm(return_sequences=True, return_state=True, use_cudnn=False)
    generic.set_weights(auto.get_weights())
    for mask in (None, MASK):
        got = auto(X, initial_state=INITIAL, mask=mask)
        want = generic(X, initial_state=INITIAL, mask=mask)
        for a, b in zip(got, want, strict=True):
            np.testing.assert_allclose(to_numpy(a), to_numpy(b), atol=1e-5)
    # NumPy has no fused path; the others take it for both masks.
    assert len(fused_results) == (0 if BACKEND == "numpy" else 2)
    if BACKEND != "numpy":
        grads = weight_gradients(auto, X, mask=MASK)
        want = weight_gradients(generic, X, mask=MASK)
        for a, b in zip(grads, want, strict=True):
            np.testing.assert_allclose(a, b, atol=1e-5)


def test_use_cudnn_argument():
    with pytest.raises(ValueError, match="use_cudnn"):
        layers.LSTM(3, use_cudnn="yes")
    required = layers.LSTM(
        3, use_cudnn=True, activation="relu", **rnn_reference.random_weights()
    )
    with pytest.raises(ValueError, match="use_cudnn=True"):
        required(X)


def test_symbolic_shapes_and_model_predict():
    inputs = keras_core.Input((4, 3))
    rnn = layers.LSTM(
        3, return_sequences=True, return_state=True, **rnn_reference.random_weights()
    )
    outputs, h, c = rnn(inputs)
    assert (outputs.shape, h.shape, c.shape) == ((None, 4, 3), (None, 3), (None, 3))
    model = keras_core.Model(inputs, outputs)
    step = reference_step(model.layers[1])
    expected, _ = rnn_reference.run(step, X, [np.zeros((2, 3))] * 2)
    np.testing.assert_allclose(model.predict(X, verbose=0), expected, atol=1e-5)


def test_inference_follows_weight_changes():
    rnn_reference.check_inference_follows_weight_changes(
        lstm(), X, reference_step, num_states=2
    )


@pytest.mark.skipif(BACKEND != "torch", reason="torch.inference_mode is torch's")
def test_runs_under_torch_inference_mode():
    # Weights made there carry no version counter for the kernel cache.
    import torch

    with torch.inference_mode():
        layer = lstm()
        expected, _ = rnn_reference.run(
            reference_step(layer), X, [np.zeros((2, 3))] * 2
        )
        np.testing.assert_allclose(to_numpy(layer(X)), expected[:, -1], atol=1e-5)


def test_config_round_trip_and_saving(tmp_path):
    layer = layers.LSTM(
        3, seed=2, implementation=1, recurrent_activation="tanh", **rnn_reference.ZEROS
    )
    config = layer.get_config()
    assert list(config)[9:] == [
        "units",
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
    assert layers.LSTM.from_config(config).get_config() == config
    cell_config = layers.LSTMCell(3).get_config()
    assert list(cell_config)[3:8] == [
        "units",
        "activation",
        "recurrent_activation",
        "use_bias",
        "unit_forget_bias",
    ]
    inputs = keras_core.Input((4, 3))
    model = keras_core.Model(inputs, layer(inputs))
    rnn_reference.randomize(layer)
    path = str(tmp_path / "lstm.keras")
    model.save(path)
    loaded = keras_core.saving.load_model(path)
    np.testing.assert_allclose(to_numpy(loaded(X)), to_numpy(model(X)), atol=1e-6)


@needs_gradients
def test_fit_reduces_the_loss():
    model = keras_core.Sequential(
        [keras_core.Input((None, 3)), layers.LSTM(3), layers.Dense(1)]
    )
    model.compile(optimizer=keras_core.optimizers.Adam(0.05), loss="mse")
    # Five sequences in batches of two: the last, smaller batch runs the
    # compiled step with another (or an unknown) batch size.
    inputs = RNG.normal(size=(5, 4, 3)).astype("float32")
    targets = inputs.sum(axis=(1, 2))[:, None]
    history = model.fit(inputs, targets, epochs=8, batch_size=2, verbose=0)
    assert history.history["loss"][-1] < history.history["loss"][0]


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
    auto = lstm(**options)
    generic = lstm(use_cudnn=False, **options)
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
