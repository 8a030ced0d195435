"""The recurrent loop on NumPy: a Python loop over the time steps.

There is no compiler to hand the loop to, so `unroll` changes nothing, and
no fused kernels: `lstm` and `gru` decline and the layers take this loop.
"""

import numpy as np

from keras_core._src.tree import tree_api


class FastPathUnavailable(Exception):
    """Raised by `lstm`/`gru` when no fused kernel can run the layer."""


def _broadcast_mask(mask_t, value):
    return np.reshape(mask_t, mask_t.shape + (1,) * (np.ndim(value) - 1))


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
    states = tree_api.flatten(initial_states)
    time_steps = flat_inputs[0].shape[time_axis]
    order = range(time_steps - 1, -1, -1) if go_backwards else range(time_steps)
    outputs = []
    previous_output = None
    for time in order:
        step_inputs = [np.take(x, time, axis=time_axis) for x in flat_inputs]
        packed = tree_api.pack_sequence_as(initial_states, states)
        if constants:
            packed = list(packed) + constants
        output, new_states = step_function(
            tree_api.pack_sequence_as(inputs, step_inputs), packed
        )
        new_states = tree_api.flatten(new_states)
        if mask is not None:
            mask_t = np.take(mask, time, axis=time_axis)
            new_states = [
                np.where(_broadcast_mask(mask_t, new), new, old)
                for new, old in zip(new_states, states, strict=True)
            ]
            if zero_output_for_mask or previous_output is None:
                fallback = np.zeros_like(output)
            else:
                fallback = previous_output
            output = np.where(_broadcast_mask(mask_t, output), output, fallback)
        states = new_states
        previous_output = output
        if return_all_outputs or not outputs:
            outputs.append(output)
        else:
            outputs[0] = output
    stacked = np.stack(outputs, axis=time_axis)
    return (
        previous_output,
        stacked,
        tree_api.pack_sequence_as(initial_states, states),
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
