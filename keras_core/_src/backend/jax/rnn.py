"""The recurrent loop on JAX: one `lax.scan` over the time axis when traced.

Under `jax.jit` (the trainers' steps) `step_function(step_inputs, states) ->
(output, new_states)` is traced once inside a `lax.scan`. Eagerly, and with
`unroll=True`, the loop is plain Python over the (static) time steps. JAX
has no fused recurrent kernels, so `lstm` and `gru` decline and the layers
take the generic loop.
"""

import jax
import jax.numpy as jnp
from jax import lax

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
    raise FastPathUnavailable("jax has no fused LSTM kernel")


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
    raise FastPathUnavailable("jax has no fused GRU kernel")
