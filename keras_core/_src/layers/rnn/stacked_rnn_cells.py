"""`StackedRNNCells`: several recurrent cells acting as one.

At each step the first cell reads the step input, each next cell reads the
output of the one before, and the last cell's output is the stack's. The
stack's states are the cells' states in order, one entry per cell.
"""

from keras_core._src.api_export import keras_public
from keras_core._src.layers.layer import Layer
from keras_core._src.layers.rnn import cell_arguments
from keras_core._src.saving import serialization_lib
from keras_core._src.tree import tree_api

__all__ = ["StackedRNNCells"]


def check_cell(cell, owner):
    """Raises a ValueError unless `cell` can run inside a recurrent layer."""
    if not callable(getattr(cell, "call", None)):
        raise ValueError(
            f"{owner}: argument `cell` should have a `call` method (a layer "
            "computing one time step). Received: "
            f"cell={cell!r}"
        )
    if getattr(cell, "state_size", None) is None:
        raise ValueError(
            f"{owner}: the RNN cell should have a `state_size` attribute (single "
            "integer or list of integers, one integer per RNN state). "
            f"Received: cell={cell!r}"
        )


def _initial_cell_state(cell, batch_size, dtype):
    get_initial_state = getattr(cell, "get_initial_state", None)
    if get_initial_state is not None:
        states = get_initial_state(batch_size=batch_size)
    else:
        states = [
            cell_arguments.zeros_state(batch_size, size, dtype)
            for size in tree_api.flatten(cell.state_size)
        ]
    return tree_api.pack_sequence_as(cell.state_size, tree_api.flatten(states))


@keras_public("keras.layers")
class StackedRNNCells(Layer):
    """Wraps a list of recurrent cells so that they act as a single cell.

    Used to build stacked (deep) recurrent layers efficiently: `RNN` given
    a list of cells wraps them in this class.

    Args:
        cells: A list of recurrent cells (layers with `call(inputs, states)`
            and `state_size`).
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> cells = [keras_core.layers.SimpleRNNCell(4),
    ...          keras_core.layers.LSTMCell(3)]
    >>> layer = keras_core.layers.RNN(
    ...     keras_core.layers.StackedRNNCells(cells))
    >>> layer(numpy.ones((2, 5, 6))).shape
    (2, 3)
    """

    def __init__(self, cells, **kwargs):
        super().__init__(**kwargs)
        for cell in cells:
            check_cell(cell, "StackedRNNCells")
        self.cells = list(cells)

    @property
    def state_size(self):
        """The cells' state sizes, one entry per cell."""
        return [cell.state_size for cell in self.cells]

    @property
    def output_size(self):
        """The output size of the last cell."""
        last = self.cells[-1]
        size = getattr(last, "output_size", None)
        if size is None:
            size = tree_api.flatten(last.state_size)[0]
        return size

    def get_initial_state(self, batch_size=None):
        """Returns each cell's initial states, one entry per cell.

        Args:
            batch_size: The number of sequences in the batch.
        """
        return [
            _initial_cell_state(cell, batch_size, self.compute_dtype)
            for cell in self.cells
        ]

    def build(self, input_shape):
        for cell in self.cells:
            if not cell.built:
                cell.build(input_shape)
            size = getattr(cell, "output_size", None)
            if size is None:
                size = tree_api.flatten(cell.state_size)[0]
            input_shape = (input_shape[0],) + (
                tuple(size) if isinstance(size, (list, tuple)) else (size,)
            )

    def call(self, inputs, states, training=False, **kwargs):
        new_states = []
        for cell, cell_states in zip(self.cells, states, strict=True):
            flat = tree_api.flatten(cell_states)
            given = cell_states if isinstance(cell.state_size, (list, tuple)) else flat
            inputs, cell_new = cell(inputs, given, training=training, **kwargs)
            new_states.append(
                tree_api.pack_sequence_as(cell.state_size, tree_api.flatten(cell_new))
            )
        return inputs, new_states

    def get_config(self):
        return {
            **super().get_config(),
            "cells": [serialization_lib.serialize_keras_object(c) for c in self.cells],
        }

    @classmethod
    def from_config(cls, config, custom_objects=None):
        config = dict(config)
        cells = [
            serialization_lib.deserialize_keras_object(c, custom_objects=custom_objects)
            for c in config.pop("cells")
        ]
        return super().from_config({**config, "cells": cells})
