"""The recurrent loop on TensorFlow: `tf.while_loop` in graphs.

Eagerly (and with `unroll=True`, which needs a static number of steps) the
loop is plain Python. Inside a `tf.function` it is a `tf.while_loop` writing
a `TensorArray`, so the time axis may be unknown and XLA compiles it. The
first step runs before the loop: masked steps repeat the previous output,
whose shape only the step itself tells. TensorFlow's fused recurrent
kernels are cuDNN-only: `lstm` and `gru` project every step's inputs in one
product before the loop instead (see `common/gated_steps.py`).
"""

from keras_core._src.backend.common import gated_steps
from keras_core._src.backend.tensorflow.tf_import import tf
from keras_core._src.tree import tree_api


class FastPathUnavailable(Exception):
    """Raised by `lstm`/`gru` when no fused kernel can run the layer."""


def _broadcast_mask(mask_t, value):
    extra = len(value.shape) - 1
    return tf.reshape(mask_t, tf.concat([tf.shape(mask_t), [1] * extra], 0))


def _masked_step(mask_t, output, new_states, states, previous, zero_output):
    new_states = [
        tf.where(_broadcast_mask(mask_t, new), new, old)
        for new, old in zip(new_states, states, strict=True)
    ]
    fallback = tf.zeros_like(output) if zero_output else previous
    return tf.where(_broadcast_mask(mask_t, output), output, fallback), new_states


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
    flat_inputs = [tf.convert_to_tensor(x) for x in tree_api.flatten(inputs)]
    if not time_major:
        flat_inputs = [_swap_batch_time(x) for x in flat_inputs]
        if mask is not None:
            mask = _swap_batch_time(tf.convert_to_tensor(mask))
    if mask is not None:
        mask = tf.cast(mask, "bool")
    if go_backwards:
        flat_inputs = [tf.reverse(x, [0]) for x in flat_inputs]
        if mask is not None:
            mask = tf.reverse(mask, [0])
    constants = list(constants or ())
    states = [tf.convert_to_tensor(s) for s in tree_api.flatten(initial_states)]

    def call_step(time, states):
        step_inputs = [x[time] for x in flat_inputs]
        packed = tree_api.pack_sequence_as(initial_states, list(states))
        if constants:
            packed = list(packed) + constants
        output, new_states = step_function(
            tree_api.pack_sequence_as(inputs, step_inputs), packed
        )
        return output, [tf.convert_to_tensor(s) for s in tree_api.flatten(new_states)]

    output, new_states = call_step(0, states)
    if mask is not None:
        output, new_states = _masked_step(
            mask[0], output, new_states, states, tf.zeros_like(output), True
        )
    states = new_states
    static_steps = flat_inputs[0].shape[0]
    if (unroll or tf.executing_eagerly()) and static_steps is not None:
        outputs = [output]
        for time in range(1, static_steps):
            new_output, new_states = call_step(time, states)
            if mask is not None:
                new_output, new_states = _masked_step(
                    mask[time],
                    new_output,
                    new_states,
                    states,
                    output,
                    zero_output_for_mask,
                )
            output, states = new_output, new_states
            outputs.append(output)
        outputs = tf.stack(outputs if return_all_outputs else outputs[-1:])
    else:
        outputs, output, states = _while_loop(
            call_step, flat_inputs, mask, output, states, zero_output_for_mask
        )
        if not return_all_outputs:
            outputs = outputs[-1:]
    if not time_major:
        outputs = _swap_batch_time(outputs)
    return output, outputs, tree_api.pack_sequence_as(initial_states, states)


def _while_loop(call_step, flat_inputs, mask, output, states, zero_output_for_mask):
    time_steps = tf.shape(flat_inputs[0])[0]
    static_steps = flat_inputs[0].shape[0]
    written = tf.TensorArray(
        output.dtype,
        size=time_steps,
        element_shape=output.shape,
        dynamic_size=False,
    ).write(0, output)

    def body(time, written, output, states):
        new_output, new_states = call_step(time, states)
        if mask is not None:
            new_output, new_states = _masked_step(
                mask[time],
                new_output,
                new_states,
                states,
                output,
                zero_output_for_mask,
            )
        new_states = [
            tf.ensure_shape(new, old.shape)
            for new, old in zip(new_states, states, strict=True)
        ]
        return time + 1, written.write(time, new_output), new_output, new_states

    _, written, output, states = tf.while_loop(
        lambda time, *_: time < time_steps,
        body,
        (tf.constant(1), written, output, states),
        maximum_iterations=static_steps - 1 if static_steps else None,
    )
    return written.stack(), output, states


def _swap_batch_time(x):
    rank = len(x.shape)
    return tf.transpose(x, [1, 0, *range(2, rank)])


_GATES = gated_steps.GateFunctions(
    sigmoid=tf.sigmoid,
    tanh=tf.tanh,
    where=tf.where,
    zeros_like=tf.zeros_like,
    split=lambda x, parts: tf.split(x, parts, axis=-1),
)


def _projected_loop(
    step, inputs, kernel, bias, states, mask, go_backwards, zero_output, sequences
):
    """Runs `step(projected_t, states)` over time after one input projection.

    A `tf.while_loop` (a Python loop when eager); returns
    `(last, outputs, states)`.
    """
    inputs = tf.convert_to_tensor(inputs)
    # Time-major before the projection: the transpose moves `features`
    # values per step instead of `gates * units`.
    projected = tf.einsum(
        "tbf,fg->tbg", _swap_batch_time(inputs), tf.convert_to_tensor(kernel)
    )
    if bias is not None:
        projected = projected + bias
    if mask is not None:
        mask = _swap_batch_time(tf.cast(mask, "bool"))[:, :, None]
    if go_backwards:
        projected = tf.reverse(projected, [0])
        mask = None if mask is None else tf.reverse(mask, [0])
    states = [tf.convert_to_tensor(s) for s in states]
    time_steps = tf.shape(projected)[0]
    # Read through TensorArrays: the gradient of `projected[time]` inside
    # the loop would build a full-size zero tensor per step.
    projected_steps = tf.TensorArray(projected.dtype, size=time_steps).unstack(
        projected
    )
    if mask is not None:
        mask_steps = tf.TensorArray(tf.bool, size=time_steps).unstack(mask)

    def advance(time, states, previous):
        new_states = step(projected_steps.read(time), states)
        if mask is None:
            return new_states[0], new_states
        return gated_steps.masked_step(
            _GATES, mask_steps.read(time), new_states, states, previous, zero_output
        )

    written = tf.TensorArray(projected.dtype, size=time_steps if sequences else 0)

    def body(time, written, states, previous):
        output, new_states = advance(time, states, previous)
        new_states = [
            tf.ensure_shape(new, old.shape)
            for new, old in zip(new_states, states, strict=True)
        ]
        if sequences:
            written = written.write(time, output)
        return time + 1, written, new_states, output

    static_steps = projected.shape[0]
    _, written, states, last_output = tf.while_loop(
        lambda time, *_: time < time_steps,
        body,
        (tf.constant(0), written, states, tf.zeros_like(states[0])),
        maximum_iterations=static_steps,
    )
    outputs = _swap_batch_time(written.stack()) if sequences else last_output[:, None]
    return last_output, outputs, states


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
    """A Keras-layout LSTM with the input projection hoisted out of the loop."""
    recurrent_kernel = tf.convert_to_tensor(recurrent_kernel)
    return _projected_loop(
        lambda x_t, states: gated_steps.lstm_step(
            _GATES, x_t, states, recurrent_kernel
        ),
        inputs,
        kernel,
        bias,
        [initial_state_h, initial_state_c],
        mask,
        go_backwards,
        zero_output_for_mask,
        return_sequences,
    )


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
    """A Keras-layout GRU (`reset_after=True`), input projection hoisted."""
    input_bias, recurrent_bias = gated_steps.split_gru_bias(
        None if bias is None else tf.convert_to_tensor(bias)
    )
    recurrent_kernel = tf.convert_to_tensor(recurrent_kernel)
    return _projected_loop(
        lambda x_t, states: gated_steps.gru_step(
            _GATES, x_t, states, recurrent_kernel, recurrent_bias
        ),
        inputs,
        kernel,
        input_bias,
        [initial_state],
        mask,
        go_backwards,
        zero_output_for_mask,
        return_sequences,
    )
