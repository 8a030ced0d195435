"""The recurrent loop on NumPy: a Python loop over the time steps.

There is no compiler to hand the loop to, so `unroll` changes nothing, and
no fused kernels: `lstm` and `gru` decline and the layers take this loop.
"""

import numpy as np

from keras_core._src.backend.common import rnn_loop
from keras_core._src.tree import tree_api


class FastPathUnavailable(Exception):
    """Raised by `lstm`/`gru` when no fused kernel can run the layer."""


_ARRAY = rnn_loop.ArrayFunctions(
    take=lambda x, index, axis: np.take(x, index, axis=axis),
    where=np.where,
    zeros_like=np.zeros_like,
    stack=lambda values, axis: np.stack(values, axis=axis),
    reshape=np.reshape,
)


def rnn(
    step_function,
    inputs,
    initial_states,
    go_backwards=False,
    mask=None,
    constants=None,
    unroll=False,
    input_length=None,
    time_major=False,
    zero_output_for_mask=False,
    return_all_outputs=True,
):
    flat_inputs = [np.asarray(x) for x in tree_api.flatten(inputs)]
    time_axis = 0 if time_major else 1
    if mask is not None:
        mask = np.asarray(mask).astype(bool)
    constants = list(constants or ())
    return rnn_loop.python_loop(
        _ARRAY,
        step_function,
        inputs,
        flat_inputs,
        initial_states,
        mask,
        constants,
        go_backwards,
        time_axis,
        zero_output_for_mask,
        return_all_outputs,
    )


def lstm(
    inputs,
    initial_state_h,
    initial_state_c,
    mask,
    kernel,
    recurrent_kernel,
    bias,
    return_sequences=False,
    go_backwards=False,
    zero_output_for_mask=False,
):
    raise FastPathUnavailable("numpy has no fused LSTM kernel")


def gru(
    inputs,
    initial_state,
    mask,
    kernel,
    recurrent_kernel,
    bias,
    return_sequences=False,
    go_backwards=False,
    zero_output_for_mask=False,
):
    raise FastPathUnavailable("numpy has no fused GRU kernel")
