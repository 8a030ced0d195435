"""keras_core.layers.RNN: the loop around a cell, on every backend."""

import numpy as np
import pytest
from layers.rnn import rnn_reference

import keras_core
from keras_core import layers
from keras_core import ops
from keras_core import tree

BACKEND = keras_core.config.backend()
RNG = np.random.default_rng(0)
X = RNG.normal(size=(2, 4, 3)).astype("float32")
MASK = np.array([[True, True, False, True], [True, True, True, False]])


@keras_core.saving.register_keras_serializable(package="rnn_core_tests")
class TwoStateCell(layers.Layer):
    """h' = tanh(x W + h U); c' = c + h': two states, output h'."""

    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.state_size = [units, units]

    def build(self, input_shape):
        self.kernel = self.add_weight(
            shape=(input_shape[-1], self.units),
            initializer=rnn_reference.NumpyInitializer(),
            name="w",
        )
        self.recurrent_kernel = self.add_weight(
            shape=(self.units, self.units),
            initializer=rnn_reference.NumpyInitializer(1),
            name="u",
        )

    def call(self, inputs, states):
        h, c = states
        h = ops.tanh(
            ops.matmul(inputs, self.kernel) + ops.matmul(h, self.recurrent_kernel)
        )
        return h, [h, c + h]

    def get_config(self):
        return {**super().get_config(), "units": self.units}


def two_state_step(layer):
    kernel, recurrent_kernel = (np.asarray(w, "float64") for w in layer.get_weights())

    def step(x, states):
        h, c = states
        h = np.tanh(x @ kernel + h @ recurrent_kernel)
        return h, [h, c + h]

    return step


class NestedStateCell(layers.Layer):
    """A state of size 2 and a pair of states of size 1: sums of inputs."""

    state_size = [2, [1, 1]]
    output_size = 2

    def call(self, inputs, states):
        total = ops.sum(inputs, axis=-1, keepdims=True)
        a, (b, c) = states
        return a + total, [a + total, [b + total, c - total]]


def to_numpy(x):
    return ops.convert_to_numpy(x)


def zeros_states(units=3, count=2, batch=2):
    return [np.zeros((batch, units)) for _ in range(count)]


@pytest.mark.parametrize(
    "go_backwards, use_mask, zero_output",
    [(False, False, False), (True, True, False), (False, True, True)],
)
def test_custom_cell_matches_reference(go_backwards, use_mask, zero_output):
    layer = layers.RNN(
        TwoStateCell(3),
        return_sequences=True,
        return_state=True,
        go_backwards=go_backwards,
        zero_output_for_mask=zero_output,
    )
    mask = MASK if use_mask else None
    outputs, h, c = layer(X, mask=mask)
    expected, (h_ref, c_ref) = rnn_reference.run(
        two_state_step(layer),
        X,
        zeros_states(),
        mask=mask,
        go_backwards=go_backwards,
        zero_output_for_mask=zero_output,
    )
    np.testing.assert_allclose(to_numpy(outputs), expected, atol=1e-5)
    np.testing.assert_allclose(to_numpy(h), h_ref, atol=1e-5)
    np.testing.assert_allclose(to_numpy(c), c_ref, atol=1e-5)
    last = layers.RNN(
        layer.cell, go_backwards=go_backwards, zero_output_for_mask=zero_output
    )(X, mask=mask)
    np.testing.assert_allclose(to_numpy(last), expected[:, -1], atol=1e-5)


def test_unroll_and_initial_state():
    cell = TwoStateCell(3)
    initial = [RNG.normal(size=(2, 3)).astype("float32") for _ in range(2)]
    looped = layers.RNN(cell, return_sequences=True)(X, initial_state=initial)
    unrolled = layers.RNN(cell, return_sequences=True, unroll=True)
    result = unrolled(X, initial_state=initial)
    expected, _ = rnn_reference.run(two_state_step(unrolled), X, initial)
    np.testing.assert_allclose(to_numpy(result), expected, atol=1e-5)
    np.testing.assert_allclose(to_numpy(looped), expected, atol=1e-5)


def test_nested_state_sizes():
    layer = layers.RNN(NestedStateCell(), return_state=True)
    output, _, (b, c) = layer(X)
    totals = X.sum(-1).sum(-1)
    np.testing.assert_allclose(to_numpy(output), np.stack([totals] * 2, -1), rtol=1e-5)
    np.testing.assert_allclose(to_numpy(b)[:, 0], totals, rtol=1e-5)
    np.testing.assert_allclose(to_numpy(c)[:, 0], -totals, rtol=1e-5)
    symbolic = layer(keras_core.Input((4, 3)))
    assert [t.shape for t in tree.flatten(symbolic)] == [
        (None, 2),
        (None, 2),
        (None, 1),
        (None, 1),
    ]


def test_symbolic_shapes_and_masks():
    inputs = keras_core.Input((5, 3))
    sequences, h, c = layers.RNN(
        TwoStateCell(3), return_sequences=True, return_state=True
    )(inputs)
    assert (sequences.shape, h.shape, c.shape) == ((None, 5, 3), (None, 3), (None, 3))
    assert sequences.dtype == "float32"
    layer = layers.RNN(TwoStateCell(3))
    assert layer.compute_output_shape((2, 5, 3)) == (2, 3)
    mask = np.ones((2, 5), bool)
    assert layer.compute_mask(X, mask) is None
    with_states = layers.RNN(TwoStateCell(3), return_sequences=True, return_state=True)
    output_mask, *state_masks = with_states.compute_mask(X, mask)
    assert output_mask is mask and state_masks == [None, None]


def test_mask_from_embedding_in_a_functional_model():
    inputs = keras_core.Input((4,), dtype="int32")
    embedded = layers.Embedding(10, 3, mask_zero=True)(inputs)
    rnn = layers.RNN(TwoStateCell(3), return_sequences=True)
    model = keras_core.Model(inputs, rnn(embedded))
    tokens = np.array([[1, 2, 0, 0], [3, 0, 4, 5]], "int32")
    vectors = to_numpy(model.layers[1](tokens))
    expected, _ = rnn_reference.run(
        two_state_step(rnn), vectors, zeros_states(), mask=tokens != 0
    )
    np.testing.assert_allclose(to_numpy(model(tokens)), expected, atol=1e-5)
    np.testing.assert_allclose(model.predict(tokens, verbose=0), expected, atol=1e-5)


def test_initial_state_as_graph_inputs():
    inputs = keras_core.Input((4, 3))
    h0, c0 = keras_core.Input((3,)), keras_core.Input((3,))
    rnn = layers.RNN(TwoStateCell(3))
    model = keras_core.Model([inputs, h0, c0], rnn(inputs, initial_state=[h0, c0]))
    initial = [RNG.normal(size=(2, 3)).astype("float32") for _ in range(2)]
    expected, _ = rnn_reference.run(two_state_step(rnn), X, initial)
    np.testing.assert_allclose(
        model.predict([X, *initial], verbose=0), expected[:, -1], atol=1e-5
    )


def test_stateful_keeps_and_resets_states():
    layer = layers.RNN(TwoStateCell(3), stateful=True)
    first = to_numpy(layer(X))
    second = to_numpy(layer(X))
    step = two_state_step(layer)
    expected, states = rnn_reference.run(step, X, zeros_states())
    np.testing.assert_allclose(first, expected[:, -1], atol=1e-5)
    expected, _ = rnn_reference.run(step, X, states)
    np.testing.assert_allclose(second, expected[:, -1], atol=1e-5)
    assert len(layer.weights) == 2 and len(layer.states) == 2
    layer.reset_state()
    np.testing.assert_array_equal(to_numpy(layer.states[0]), np.zeros((2, 3)))
    np.testing.assert_allclose(to_numpy(layer(X)), first, atol=1e-6)
    with pytest.raises(ValueError, match="batch size"):
        layer(X[:1])


def test_stateful_in_a_compiled_predict():
    model = keras_core.Sequential(
        [
            keras_core.Input((4, 3), batch_size=2),
            layers.RNN(TwoStateCell(3), stateful=True),
        ]
    )
    first = model.predict(X, verbose=0)
    second = model.predict(X, verbose=0)
    step = two_state_step(model.layers[0])
    expected, states = rnn_reference.run(step, X, zeros_states())
    np.testing.assert_allclose(first, expected[:, -1], atol=1e-5)
    expected, _ = rnn_reference.run(step, X, states)
    np.testing.assert_allclose(second, expected[:, -1], atol=1e-5)
    with pytest.raises(ValueError, match="batch size must be static"):
        layers.RNN(TwoStateCell(3), stateful=True)(keras_core.Input((4, 3)))


def test_stacked_cells_from_a_list():
    layer = layers.RNN([TwoStateCell(3), TwoStateCell(3)], return_state=True)
    output, first_states, second_states = layer(X)
    assert isinstance(layer.cell, layers.StackedRNNCells)
    assert layer.cell.state_size == [[3, 3], [3, 3]]
    first, second = (two_state_step(cell) for cell in layer.cell.cells)

    def stacked_step(x, states):
        h, first_states = first(x, states[:2])
        h, second_states = second(h, states[2:])
        return h, first_states + second_states

    expected, states = rnn_reference.run(stacked_step, X, zeros_states(count=4))
    np.testing.assert_allclose(to_numpy(output), expected[:, -1], atol=1e-5)
    for got, want in zip([*first_states, *second_states], states, strict=True):
        np.testing.assert_allclose(to_numpy(got), want, atol=1e-5)


def test_config_round_trip_and_saving(tmp_path):
    layer = layers.RNN(TwoStateCell(3), return_sequences=True, go_backwards=True)
    config = layer.get_config()
    assert config["cell"]["registered_name"] == "rnn_core_tests>TwoStateCell"
    assert {k: config[k] for k in ("return_sequences", "go_backwards", "unroll")} == {
        "return_sequences": True,
        "go_backwards": True,
        "unroll": False,
    }
    clone = layers.RNN.from_config(config)
    assert clone.get_config() == config
    inputs = keras_core.Input((4, 3))
    model = keras_core.Model(inputs, layer(inputs))
    # Keras's key, so files load both ways.
    assert layer.get_build_config() == {"input_shape": (None, 4, 3)}
    path = str(tmp_path / "rnn.keras")
    model.save(path)
    loaded = keras_core.saving.load_model(path)
    np.testing.assert_allclose(to_numpy(loaded(X)), to_numpy(model(X)), atol=1e-6)


def test_bad_arguments():
    with pytest.raises(ValueError, match="should have a `call` method"):
        layers.RNN("cell")
    with pytest.raises(ValueError, match="state_size"):
        layers.RNN(layers.Dense(2))
    with pytest.raises(ValueError, match="expects 2 initial state"):
        layers.RNN(TwoStateCell(3))(X, initial_state=[np.zeros((2, 3))])
    with pytest.raises(ValueError, match="ndim"):
        layers.RNN(TwoStateCell(3))(X[:, 0])
