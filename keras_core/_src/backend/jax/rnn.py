"""The recurrent loop on JAX: one `lax.scan` over the time axis when traced.

Under `jax.jit` (the trainers' steps) `step_function(step_inputs, states) ->
(output, new_states)` is traced once inside a `lax.scan`. Eagerly, and with
`unroll=True`, the loop is plain Python over the (static) time steps. JAX
has no fused recurrent kernels: `lstm` and `gru` project every step's inputs
in one product before the loop (see `common/gated_steps.py`).
"""

import jax
import jax.numpy as jnp
from jax import lax

from keras_core._src.backend.common import gated_steps
from keras_core._src.tree import tree_api


class FastPathUnavailable(Exception):
    """Raised by `lstm`/`gru` when no fused kernel can run the layer."""


def _broadcast_mask(mask_t, value):
    return jnp.reshape(mask_t, mask_t.shape + (1,) * (value.ndim - 1))


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
    flat_inputs = [jnp.asarray(x) for x in tree_api.flatten(inputs)]
    if not time_major:
        flat_inputs = [jnp.swapaxes(x, 0, 1) for x in flat_inputs]
        if mask is not None:
            mask = jnp.swapaxes(jnp.asarray(mask), 0, 1)
    if mask is not None:
        mask = jnp.asarray(mask).astype(bool)
    if go_backwards:
        flat_inputs = [jnp.flip(x, 0) for x in flat_inputs]
        if mask is not None:
            mask = jnp.flip(mask, 0)
    constants = list(constants or ())
    flat_states = tree_api.flatten(initial_states)

    def call_step(step_inputs, states):
        packed = tree_api.pack_sequence_as(initial_states, list(states))
        if constants:
            packed = list(packed) + constants
        output, new_states = step_function(
            tree_api.pack_sequence_as(inputs, list(step_inputs)), packed
        )
        return output, tree_api.flatten(new_states)

    def body(carry, step):
        states, previous_output = carry
        step_inputs, mask_t = step
        output, new_states = call_step(step_inputs, states)
        if mask_t is None:
            return (new_states, previous_output), output
        new_states = [
            jnp.where(_broadcast_mask(mask_t, new), new, old)
            for new, old in zip(new_states, states, strict=True)
        ]
        if zero_output_for_mask or previous_output is None:
            previous_output = jnp.zeros_like(output)
        output = jnp.where(_broadcast_mask(mask_t, output), output, previous_output)
        # With zero outputs nothing needs the previous output: carry None.
        return (new_states, None if zero_output_for_mask else output), output

    time_steps = flat_inputs[0].shape[0]
    traced = any(
        isinstance(x, jax.core.Tracer)
        for x in [*flat_inputs, *flat_states, mask, *constants]
    )
    if unroll or not traced:
        # Eagerly a Python loop dispatches a few small ops per step, where a
        # `lax.scan` would compile its body again on every call.
        carry = (flat_states, None)
        outputs = []
        for time in range(time_steps):
            step = (
                [x[time] for x in flat_inputs],
                None if mask is None else mask[time],
            )
            carry, output = body(carry, step)
            outputs.append(output)
        outputs = jnp.stack(outputs)
    else:
        previous = None
        if mask is not None and not zero_output_for_mask:
            # Masked steps repeat the carried output, whose shape only the
            # step tells: trace it abstractly before the loop.
            output_spec = jax.eval_shape(
                lambda s, h: call_step(s, h)[0],
                [x[0] for x in flat_inputs],
                flat_states,
            )
            previous = jnp.zeros(output_spec.shape, output_spec.dtype)
        xs = (flat_inputs, mask)
        carry, outputs = lax.scan(body, (flat_states, previous), xs)
    final_states = carry[0]
    last_output = outputs[-1]
    if not return_all_outputs:
        outputs = outputs[-1:]
    if not time_major:
        outputs = jnp.swapaxes(outputs, 0, 1)
    return (
        last_output,
        outputs,
        tree_api.pack_sequence_as(initial_states, list(final_states)),
    )


_GATES = gated_steps.GateFunctions(
    sigmoid=jax.nn.sigmoid,
    tanh=jnp.tanh,
    where=jnp.where,
    zeros_like=jnp.zeros_like,
    split=lambda x, parts: jnp.split(x, parts, axis=-1),
)


def _projected_loop(
    step, inputs, kernel, bias, states, mask, go_backwards, zero_output, sequences
):
    """Runs `step(projected_t, states)` over time after one input projection.

    A `lax.scan` when traced; eagerly a Python loop (an eager scan would
    compile its body on every call). Returns `(last, outputs, states)`.
    """
    # Time-major before the projection: the transpose moves `features`
    # values per step instead of `gates * units`.
    projected = jnp.swapaxes(jnp.asarray(inputs), 0, 1) @ jnp.asarray(kernel)
    if bias is not None:
        projected = projected + jnp.asarray(bias)
    if mask is not None:
        mask = jnp.swapaxes(jnp.asarray(mask).astype(bool), 0, 1)[:, :, None]
    if go_backwards:
        projected = jnp.flip(projected, 0)
        mask = None if mask is None else jnp.flip(mask, 0)
    states = [jnp.asarray(s) for s in states]

    def body(carry, step_inputs):
        states, previous = carry
        projected_t, mask_t = step_inputs
        new_states = step(projected_t, states)
        output = new_states[0]
        if mask_t is not None:
            output, new_states = gated_steps.masked_step(
                _GATES, mask_t, new_states, states, previous, zero_output
            )
        carried = None if mask_t is None else output
        return (new_states, carried), output if sequences else None

    # Only a masked loop needs the previous output apart from the states.
    carry = (states, None if mask is None else jnp.zeros_like(states[0]))
    traced = any(
        isinstance(x, jax.core.Tracer) for x in [projected, mask, *states, kernel]
    )
    if traced:
        carry, outputs = lax.scan(body, carry, (projected, mask))
    else:
        outputs = []
        for time in range(projected.shape[0]):
            step_mask = None if mask is None else mask[time]
            carry, output = body(carry, (projected[time], step_mask))
            outputs.append(output)
        outputs = jnp.stack(outputs) if sequences else None
    final_states, last_output = carry
    if last_output is None:
        last_output = final_states[0]
    if sequences:
        outputs = jnp.swapaxes(outputs, 0, 1)
    else:
        outputs = last_output[:, None]
    return last_output, outputs, final_states


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
    """A Keras-layout LSTM with the input projection hoisted out of the scan."""
    recurrent_kernel = jnp.asarray(recurrent_kernel)
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
        None if bias is None else jnp.asarray(bias)
    )
    recurrent_kernel = jnp.asarray(recurrent_kernel)
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
