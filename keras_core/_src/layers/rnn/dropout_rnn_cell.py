"""`DropoutRNNCell`: one dropout mask per sequence for a recurrent cell.

A cell drops the same input and state entries at every step of a sequence
(variational dropout). `RNN` asks for the masks before its loop, so the
random draws happen once, outside any compiled scan, and resets them after;
inside the loop the cell reads the cached masks.
"""

from keras_core import ops
from keras_core._src.random import random_ops as random


class DropoutRNNCell:
    """Mixin for cells with `dropout`, `recurrent_dropout` and `seed_generator`."""

    def _draw_mask(self, like, rate):
        return random.dropout(ops.ones_like(like), rate=rate, seed=self.seed_generator)

    def get_dropout_mask(self, step_input):
        """Returns the mask applied to the step inputs (None without dropout).

        Args:
            step_input: One step of the inputs, `(batch, features)`.
        """
        if not self.dropout:
            return None
        if self.__dict__.get("_dropout_mask") is None:
            self.__dict__["_dropout_mask"] = self._draw_mask(step_input, self.dropout)
        return self._dropout_mask

    def get_recurrent_dropout_mask(self, step_state):
        """Returns the mask applied to the previous state (None without it).

        Args:
            step_state: The recurrent state, `(batch, units)`.
        """
        if not self.recurrent_dropout:
            return None
        if self.__dict__.get("_recurrent_dropout_mask") is None:
            self.__dict__["_recurrent_dropout_mask"] = self._draw_mask(
                step_state, self.recurrent_dropout
            )
        return self._recurrent_dropout_mask

    def reset_dropout_mask(self):
        """Forgets the input mask: the next sequence draws a new one."""
        self.__dict__["_dropout_mask"] = None

    def reset_recurrent_dropout_mask(self):
        """Forgets the state mask: the next sequence draws a new one."""
        self.__dict__["_recurrent_dropout_mask"] = None
