"""`RNN`: runs a recurrent cell over the time axis of a sequence.

The loop itself is the backend's (`backend.rnn.rnn`: `lax.scan` on JAX,
`tf.while_loop` in TensorFlow graphs, Python loops on torch and NumPy);
this layer prepares the initial states, masks and dropout masks, and keeps
the states of a stateful layer between calls.
"""

from keras_core import ops
from keras_core._src import backend
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.layers import input_spec as input_spec_lib
from keras_core._src.layers.layer import Layer
from keras_core._src.layers.rnn import cell_arguments
from keras_core._src.layers.rnn.dropout_rnn_cell import DropoutRNNCell
from keras_core._src.layers.rnn.stacked_rnn_cells import StackedRNNCells
from keras_core._src.layers.rnn.stacked_rnn_cells import check_cell
from keras_core._src.saving import serialization_lib
from keras_core._src.tree import tree_api

__all__ = ["RNN"]


def _state_shapes(state_size):
    """One `(size, ...)` tuple per state, flat, from a cell's `state_size`."""
    return [
        tuple(size) if isinstance(size, (list, tuple)) else (size,)
        for size in tree_api.flatten(state_size)
    ]


@keras_public("keras.layers")
class RNN(Layer):
    """Base class for recurrent layers: runs a cell over a sequence.

    A cell is a layer with `call(inputs, states)` returning
    `(output, new_states)` for one time step and a `state_size` attribute
    (an int, or a list of ints for several states); optionally an
    `output_size` and `get_initial_state(batch_size)`. A list of cells is
    stacked (see `StackedRNNCells`).

    Args:
        cell: The cell, or a list of cells to stack.
        return_sequences: Whether to return the output of every step
            (`(batch, timesteps, output_size)`) rather than only the last.
        return_state: Whether to return the final states after the output.
        go_backwards: Whether to process the sequence backwards; the
            returned sequence is then in reverse order.
        stateful: Whether the final states of one batch become the initial
            states of the next (the batch size must then be fixed; reset
            them with `reset_state()`).
        unroll: Whether to unroll the loop (faster for short sequences,
            more memory); the number of steps must be known.
        zero_output_for_mask: Whether masked steps output zeros instead of
            repeating the previous output.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Call arguments:
        sequences: A `(batch, timesteps, ...)` tensor.
        initial_state: A tensor or a list of tensors, one per state; the
            cell's initial (by default zero) states otherwise.
        mask: A `(batch, timesteps)` boolean tensor: False steps leave the
            states unchanged.
        training: Whether the cell runs in training mode (dropout).

    Example:

    >>> cell = keras_core.layers.SimpleRNNCell(4)
    >>> layer = keras_core.layers.RNN(cell, return_sequences=True)
    >>> layer(numpy.ones((2, 3, 5))).shape
    (2, 3, 4)
    """

    def __init__(
        self,
        cell,
        return_sequences=False,
        return_state=False,
        go_backwards=False,
        stateful=False,
        unroll=False,
        zero_output_for_mask=False,
        **kwargs,
    ):
        if isinstance(cell, (list, tuple)):
            cell = StackedRNNCells(cell)
        check_cell(cell, type(self).__name__)
        super().__init__(**kwargs)
        self.cell = cell
        self.return_sequences = return_sequences
        self.return_state = return_state
        self.go_backwards = go_backwards
        self.stateful = stateful
        self.unroll = unroll
        self.zero_output_for_mask = zero_output_for_mask
        self.supports_masking = True
        self.input_spec = input_spec_lib.InputSpec(min_ndim=3)
        self._state_variables = []

    @property
    def _state_structure(self):
        """The structure the cell receives its states in (always a list)."""
        size = self.cell.state_size
        return list(size) if isinstance(size, (list, tuple)) else [size]

    @property
    def states(self):
        """The state variables of a stateful layer (None otherwise)."""
        if not self._state_variables:
            return None
        return tree_api.pack_sequence_as(self._state_structure, self._state_variables)

    def build(self, sequences_shape, initial_state_shape=None):
        step_shape = (sequences_shape[0], *sequences_shape[2:])
        self._build_cell(step_shape)
        if self.stateful:
            batch_size = sequences_shape[0]
            if batch_size is None:
                raise ValueError(
                    f"Layer '{self.name}' ({type(self).__name__}): when using "
                    "`stateful=True` in a RNN, the batch size must be static. "
                    f"Found dynamic batch size: sequence.shape={sequences_shape}. "
                    "Give the input a fixed batch size, e.g. "
                    "`keras_core.Input(shape, batch_size=...)`."
                )
            initial = tree_api.flatten(self.get_initial_state(batch_size))
            self._state_variables = [
                self.add_weight(
                    shape=tuple(value.shape),
                    initializer="zeros",
                    dtype=value.dtype,
                    trainable=False,
                    name="rnn_state",
                )
                for value in initial
            ]

    def get_build_config(self):
        config = super().get_build_config()
        if config is None:
            return None
        # Keras files record the sequence shape as `input_shape`.
        return {"input_shape": next(iter(config.values()))}

    def _build_cell(self, step_shape):
        if self.cell.built:
            return
        if type(self.cell).build is not Layer.build:
            self.cell.build(step_shape)
            return
        # A cell without its own `build` may create sub-layers lazily: a
        # symbolic step builds them here rather than inside the loop.
        batch = step_shape[0]
        states = [
            KerasTensor((batch, *shape), dtype=self.compute_dtype)
            for shape in _state_shapes(self.cell.state_size)
        ]
        backend.core.compute_output_spec(
            self.cell,
            KerasTensor(step_shape, dtype=self.compute_dtype),
            tree_api.pack_sequence_as(self._state_structure, states),
        )

    def get_initial_state(self, batch_size):
        """Returns the cell's initial states for a batch (zeros by default).

        Args:
            batch_size: The number of sequences in the batch.

        Returns:
            A list with one `(batch_size, ...)` tensor per state, nested as
            the cell's `state_size`.
        """
        get_initial_state = getattr(self.cell, "get_initial_state", None)
        if get_initial_state is not None:
            states = get_initial_state(batch_size=batch_size)
            if not isinstance(states, (list, tuple)):
                states = [states]
            return list(states)
        states = [
            cell_arguments.zeros_state(batch_size, shape, self.compute_dtype)
            for shape in _state_shapes(self.cell.state_size)
        ]
        return tree_api.pack_sequence_as(self._state_structure, states)

    def reset_state(self):
        """Sets the states of a stateful layer back to the cell's initial ones.

        Example:

        >>> layer = keras_core.layers.SimpleRNN(2, stateful=True)
        >>> _ = layer(numpy.ones((1, 3, 2)))
        >>> layer.reset_state()
        >>> numpy.asarray(layer.states[0]).tolist()
        [[0.0, 0.0]]
        """
        if not self._state_variables:
            return
        batch_size = self._state_variables[0].shape[0]
        initial = tree_api.flatten(self.get_initial_state(batch_size))
        for variable, value in zip(self._state_variables, initial, strict=True):
            variable.assign(value)

    def reset_states(self):
        """The same as `reset_state()`."""
        self.reset_state()

    @property
    def weights(self):
        # The states of a stateful layer are variables so that compiled steps
        # carry them, but like Keras they are not weights: not returned by
        # `get_weights()`, nor saved.
        states = {id(variable) for variable in self._state_variables}
        return [w for w in super().weights if id(w) not in states]

    def save_own_variables(self, store):
        states = {id(variable) for variable in self._state_variables}
        own = [v for v in self._all_own_variables() if id(v) not in states]
        for index, variable in enumerate(own):
            store[str(index)] = variable.numpy()

    def load_own_variables(self, store):
        states = {id(variable) for variable in self._state_variables}
        own = [v for v in self._all_own_variables() if id(v) not in states]
        if len(store.keys()) != len(own):
            raise ValueError(
                f"Layer '{self.name}' expected {len(own)} variables, but "
                f"received {len(store.keys())} variables during loading."
            )
        for index, variable in enumerate(own):
            variable.assign(store[str(index)])

    def _initial_states(self, sequences, initial_state):
        batch_size = sequences.shape[0]
        if batch_size is None:
            batch_size = ops.shape(sequences)[0]
        count = len(tree_api.flatten(self.cell.state_size))
        if initial_state is None:
            if self._state_variables:
                if batch_size != self._state_variables[0].shape[0]:
                    raise ValueError(
                        f"Layer '{self.name}' is stateful: the batch size of the "
                        "input sequences must be the same as the batch size of "
                        "the states. Expected batch size: "
                        f"{self._state_variables[0].shape[0]}, received batch "
                        f"size: {batch_size}. Call `reset_state()` after "
                        "rebuilding, or keep the batch size fixed."
                    )
                flat = [ops.convert_to_tensor(v) for v in self._state_variables]
            else:
                flat = tree_api.flatten(self.get_initial_state(batch_size))
        else:
            flat = tree_api.flatten(initial_state)
            if len(flat) != count:
                raise ValueError(
                    f"Layer '{self.name}' ({type(self).__name__}) expects "
                    f"{count} initial state tensor(s) (its cell's state_size is "
                    f"{self.cell.state_size}), but received {len(flat)}: "
                    f"initial_state={initial_state!r}. Pass one tensor per state."
                )
            flat = [ops.convert_to_tensor(s, dtype=self.compute_dtype) for s in flat]
        return tree_api.pack_sequence_as(self._state_structure, flat)

    def _cells(self):
        if isinstance(self.cell, StackedRNNCells):
            return self.cell.cells
        return [self.cell]

    def _dropout_cells(self):
        return [cell for cell in self._cells() if isinstance(cell, DropoutRNNCell)]

    def _prepare_dropout_masks(self, sequences, states):
        """Draws each cell's dropout masks once, before the loop."""
        step_input = sequences[:, 0]
        cells = self._cells()
        structured = states if isinstance(self.cell, StackedRNNCells) else [states]
        for cell, cell_states in zip(cells, structured, strict=True):
            first_state = tree_api.flatten(cell_states)[0]
            if isinstance(cell, DropoutRNNCell):
                cell.get_dropout_mask(step_input)
                cell.get_recurrent_dropout_mask(first_state)
            step_input = ops.zeros_like(first_state)

    def _reset_dropout_masks(self):
        for cell in self._dropout_cells():
            cell.reset_dropout_mask()
            cell.reset_recurrent_dropout_mask()

    def call(self, sequences, initial_state=None, mask=None, training=False):
        states = self._initial_states(sequences, initial_state)
        if mask is not None:
            mask = ops.cast(mask, "bool")
        if training and self._dropout_cells():
            self._prepare_dropout_masks(sequences, states)
        try:
            last_output, outputs, new_states = self.inner_loop(
                sequences, states, mask, training=training
            )
        finally:
            self._reset_dropout_masks()
        if self._state_variables:
            for variable, value in zip(
                self._state_variables, tree_api.flatten(new_states), strict=True
            ):
                variable.assign(value)
        output = outputs if self.return_sequences else last_output
        if self.return_state:
            return (output, *new_states)
        return output

    def inner_loop(self, sequences, initial_state, mask, training=False):
        """Runs the cell over `sequences`; returns `(last, outputs, states)`.

        Subclasses override it to use a fused kernel where one applies.

        Args:
            sequences: The `(batch, timesteps, ...)` inputs.
            initial_state: The initial states, nested as the cell expects.
            mask: A boolean `(batch, timesteps)` tensor, or None.
            training: Whether the cell runs in training mode.
        """
        cell = self.cell

        def step(inputs, states):
            output, new_states = cell(inputs, states, training=training)
            return output, tree_api.flatten(new_states)

        return backend.rnn.rnn(
            step,
            sequences,
            initial_state,
            go_backwards=self.go_backwards,
            mask=mask,
            unroll=self.unroll,
            input_length=sequences.shape[1],
            zero_output_for_mask=self.zero_output_for_mask,
            return_all_outputs=self.return_sequences,
        )

    def _output_size(self):
        size = getattr(self.cell, "output_size", None)
        if size is None:
            size = tree_api.flatten(self.cell.state_size)[0]
        return tuple(size) if isinstance(size, (list, tuple)) else (size,)

    def compute_output_shape(self, sequences_shape, initial_state_shape=None):
        batch = sequences_shape[0]
        output_size = self._output_size()
        if self.return_sequences:
            output_shape = (batch, sequences_shape[1], *output_size)
        else:
            output_shape = (batch, *output_size)
        if not self.return_state:
            return output_shape
        states = [(batch, *shape) for shape in _state_shapes(self.cell.state_size)]
        return (
            output_shape,
            *tree_api.pack_sequence_as(self._state_structure, states),
        )

    def compute_mask(self, _, mask):
        # A sequence input may carry one mask per nested input: the first
        # one is the sequence mask.
        mask = tree_api.flatten(mask)[0] if isinstance(mask, (list, tuple)) else mask
        output_mask = mask if self.return_sequences else None
        if self.return_state:
            return [output_mask] + [None] * len(self._state_structure)
        return output_mask

    def get_config(self):
        config = {
            **super().get_config(),
            "return_sequences": self.return_sequences,
            "return_state": self.return_state,
            "go_backwards": self.go_backwards,
            "stateful": self.stateful,
            "unroll": self.unroll,
            "zero_output_for_mask": self.zero_output_for_mask,
        }
        config["cell"] = serialization_lib.serialize_keras_object(self.cell)
        return config

    @classmethod
    def from_config(cls, config, custom_objects=None):
        config = dict(config)
        cell = serialization_lib.deserialize_keras_object(
            config.pop("cell"), custom_objects=custom_objects
        )
        return super().from_config({**config, "cell": cell})
