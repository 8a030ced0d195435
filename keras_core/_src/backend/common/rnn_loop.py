"""The recurrent loop as plain Python over the time steps, for eager backends.

NumPy and eager torch run the loop the same way and differ only in their
array functions, which they pass in as an `ArrayFunctions`.
"""

import collections

from keras_core._src.tree import tree_api

# take(x, index, axis), where(condition, x, y), zeros_like(x),
# stack(list, axis), reshape(x, shape)
ArrayFunctions = collections.namedtuple(
    "ArrayFunctions", ["take", "where", "zeros_like", "stack", "reshape"]
)


def python_loop(
    array,
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
):
    """Runs `step_function` step by step; returns `(last, outputs, states)`.

    Args:
        array: The backend's `ArrayFunctions`.
        step_function: `step_function(step_inputs, states)` returning
            `(output, new_states)`.
        inputs: The inputs as given (their structure is kept per step).
        flat_inputs: The flattened inputs, as backend arrays.
        initial_states: The initial states (their structure is kept).
        mask: None, or a boolean array `(batch, time)` (time first when
            `time_axis` is 0).
        constants: A list of extra step arguments.
        go_backwards: Whether to run from the last step to the first.
        time_axis: 1 for batch-major inputs, 0 for time-major ones.
        zero_output_for_mask: Whether masked steps output zeros (else the
            previous output).
        return_all_outputs: Whether to keep every step's output.
    """

    def broadcast(mask_t, value):
        return array.reshape(
            mask_t, tuple(mask_t.shape) + (1,) * (len(value.shape) - 1)
        )

    states = tree_api.flatten(initial_states)
    time_steps = flat_inputs[0].shape[time_axis]
    order = range(time_steps - 1, -1, -1) if go_backwards else range(time_steps)
    outputs = []
    previous_output = None
    for time in order:
        step_inputs = [array.take(x, time, time_axis) for x in flat_inputs]
        packed = tree_api.pack_sequence_as(initial_states, states)
        if constants:
            packed = list(packed) + constants
        output, new_states = step_function(
            tree_api.pack_sequence_as(inputs, step_inputs), packed
        )
        new_states = tree_api.flatten(new_states)
        if mask is not None:
            mask_t = array.take(mask, time, time_axis)
            new_states = [
                array.where(broadcast(mask_t, new), new, old)
                for new, old in zip(new_states, states, strict=True)
            ]
            if zero_output_for_mask or previous_output is None:
                fallback = array.zeros_like(output)
            else:
                fallback = previous_output
            output = array.where(broadcast(mask_t, output), output, fallback)
        states = new_states
        previous_output = output
        if return_all_outputs or not outputs:
            outputs.append(output)
        else:
            outputs[0] = output
    stacked = array.stack(outputs, time_axis)
    return (
        previous_output,
        stacked,
        tree_api.pack_sequence_as(initial_states, states),
    )
