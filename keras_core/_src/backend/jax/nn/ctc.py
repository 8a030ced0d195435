"""The jax backend table: CTC loss and decoding.

See keras_core/_src/ops/nn/ctc.py for the declarations. The same algorithms
as the numpy table, with the time loops as `lax.scan` so that they compile:
the forward recursion over the extended label sequence for the loss, and a
fixed-width prefix beam search whose beams are arrays.
"""

import functools

import jax
import jax.numpy as jnp

# Log of "impossible" for the loss recursion, finite so that gradients of
# impossible states are 0 rather than NaN (Keras uses the same value).
_LOSS_LOG_ZERO = -1e5
# Log of "no beam" in the beam search: far below any reachable score.
_BEAM_LOG_ZERO = -1e30


def _logaddexp(*xs):
    top = xs[0]
    for x in xs[1:]:
        top = jnp.maximum(top, x)
    # The maximum cancels out of the gradient: no stop_gradient needed.
    return top + jnp.log(sum(jnp.exp(x - top) for x in xs))


def _gather(x, index, axis):
    return jnp.take_along_axis(x, index, axis=axis)


# Jitted so that eager calls reuse the compiled scan (static: the blank).
@functools.partial(jax.jit, static_argnames=("mask_index",))
def ctc_loss(target, output, target_length, output_length, mask_index=0):
    batch, _, _ = output.shape
    labels = target.shape[1]
    log_probs = jax.nn.log_softmax(output, axis=-1)
    # The extended sequence: blank, l1, blank, l2, ..., blank.
    states = 2 * labels + 1
    blanks = jnp.full((batch, labels + 1), mask_index, target.dtype)
    extended = jnp.concatenate(
        [
            jnp.stack([blanks[:, :-1], target], axis=2).reshape(batch, 2 * labels),
            blanks[:, -1:],
        ],
        axis=1,
    )
    # A label state may skip the blank before it unless it repeats a label.
    position = jnp.arange(states)
    previous = jnp.roll(extended, 2, axis=1)
    skip = (position >= 3) & (position % 2 == 1) & (extended != previous)
    emit = _gather(log_probs, extended[:, None, :], axis=2)  # (B, T, S)
    zero = jnp.asarray(_LOSS_LOG_ZERO, output.dtype)
    first = jnp.where(
        (position == 0) | ((position == 1) & (target_length[:, None] > 0)),
        emit[:, 0],
        zero,
    )

    def step(alpha, inputs):
        t, emit_t = inputs
        one = jnp.concatenate([jnp.full((batch, 1), zero), alpha[:, :-1]], axis=1)
        two = jnp.concatenate([jnp.full((batch, 2), zero), alpha[:, :-2]], axis=1)
        two = jnp.where(skip, two, zero)
        new = _logaddexp(alpha, one, two) + emit_t
        return jnp.where((t < output_length)[:, None], new, alpha), None

    steps = jnp.arange(1, emit.shape[1])
    alpha, _ = jax.lax.scan(step, first, (steps, jnp.swapaxes(emit[:, 1:], 0, 1)))
    # Paths end on the last label or on the blank after it.
    last = _gather(alpha, 2 * target_length[:, None], axis=1)[:, 0]
    before = _gather(alpha, jnp.maximum(2 * target_length - 1, 0)[:, None], axis=1)
    before = jnp.where(target_length > 0, before[:, 0], zero)
    # float32 as Keras's jax backend gives (also where x64 is enabled).
    return -_logaddexp(last, before).astype("float32")


def _greedy(inputs, sequence_lengths, merge_repeated, blank):
    batch, steps, _ = inputs.shape
    best = jnp.argmax(inputs, axis=-1).astype("int32")
    valid = jnp.arange(steps)[None, :] < sequence_lengths[:, None]
    scores = -jnp.sum(jnp.where(valid, jnp.max(inputs, axis=-1), 0), axis=1)
    keep = valid & (best != blank)
    if merge_repeated:
        previous = jnp.concatenate(
            [jnp.full((batch, 1), -1, "int32"), best[:, :-1]], axis=1
        )
        keep &= best != previous
    # A stable sort moves the kept labels to the front, in order.
    order = jnp.argsort(~keep, axis=1, stable=True)
    decoded = _gather(best, order, axis=1)
    decoded = jnp.where(_gather(keep, order, axis=1), decoded, -1)
    return decoded[None], scores[:, None].astype("float32")


@functools.partial(jax.jit, static_argnums=(2, 3, 4))
def _beam_search(inputs, sequence_lengths, beam_width, top_paths, blank):
    batch, steps, classes = inputs.shape
    width = beam_width
    log_probs = jax.nn.log_softmax(inputs, axis=-1)
    zero = jnp.asarray(_BEAM_LOG_ZERO, inputs.dtype)
    first = jnp.arange(width) == 0
    state = (
        jnp.full((batch, width, steps), -1, "int32"),  # label prefixes
        jnp.zeros((batch, width), "int32"),  # prefix lengths
        jnp.broadcast_to(jnp.where(first, 0, zero), (batch, width)),  # ends in blank
        jnp.full((batch, width), zero),  # ends in a label
    )
    class_ids = jnp.arange(classes)
    positions = jnp.arange(steps)
    # Keras always reads the first step, even for empty sequences.
    lengths = jnp.maximum(sequence_lengths, 1)

    def step(state, inputs):
        prefix, length, p_blank, p_label = state
        t, lp = inputs  # lp: (B, C)
        total = _logaddexp(p_blank, p_label)
        last = _gather(prefix, jnp.maximum(length - 1, 0)[..., None], 2)[..., 0]
        has_last = length > 0
        alive = total > zero / 2
        # Staying on the same prefix: a blank, or the last label repeated.
        stay_blank = total + lp[:, blank][:, None]
        repeat = _gather(lp, jnp.maximum(last, 0), axis=1)
        stay_label = jnp.where(has_last, p_label + repeat, zero)
        # Extending by a label: after a repeat only via a blank.
        repeats = has_last[..., None] & (class_ids == last[..., None])
        extend = jnp.where(repeats, p_blank[..., None], total[..., None]) + lp[:, None]
        extend = jnp.where(class_ids == blank, zero, extend)  # (B, W, C)
        # An extension that equals another beam's prefix merges into it.
        same = jnp.all(
            (prefix[:, :, None, :] == prefix[:, None, :, :])
            | (positions >= length[:, :, None, None]),
            axis=-1,
        )
        parent = (
            same
            & (length[:, None, :] == length[:, :, None] + 1)
            & alive[:, :, None]
            & alive[:, None, :]
        )  # (B, parent W, child W)
        child_label = jnp.broadcast_to(jnp.maximum(last, 0)[:, None, :], parent.shape)
        into = jnp.where(parent, _gather(extend, child_label, axis=2), zero)
        stay_label = _logaddexp(stay_label, jnp.max(into, axis=1))
        merged = jnp.any(
            parent[..., None] & (last[:, None, :, None] == class_ids), axis=2
        )
        extend = jnp.where(merged, zero, extend)
        stay_total = _logaddexp(stay_blank, stay_label)
        candidates = jnp.concatenate([stay_total, extend.reshape(batch, -1)], axis=1)
        # top_k keeps the lower index first among ties, as a stable sort.
        best, chosen = jax.lax.top_k(candidates, width)
        is_extension = chosen >= width
        source = jnp.where(is_extension, (chosen - width) // classes, chosen)
        label = ((chosen - width) % classes).astype("int32")
        new_prefix = _gather(prefix, source[..., None], axis=1)
        new_length = _gather(length, source, axis=1)
        new_prefix = jnp.where(
            is_extension[..., None] & (positions == new_length[..., None]),
            label[..., None],
            new_prefix,
        )
        new_blank = jnp.where(is_extension, zero, _gather(stay_blank, source, 1))
        new_label = jnp.where(is_extension, best, _gather(stay_label, source, 1))
        running = (t < lengths)[:, None]
        return (
            jnp.where(running[..., None], new_prefix, prefix),
            jnp.where(running, new_length + is_extension, length),
            jnp.where(running, new_blank, p_blank),
            jnp.where(running, new_label, p_label),
        ), None

    xs = (jnp.arange(steps), jnp.swapaxes(log_probs, 0, 1))
    (prefix, _, p_blank, p_label), _ = jax.lax.scan(step, state, xs)
    scores = _logaddexp(p_blank, p_label)
    alive = scores > zero / 2
    scores = jnp.where(alive, scores, -jnp.inf)
    prefix = jnp.where(alive[..., None], prefix, -1)
    if top_paths > width:
        extra = top_paths - width
        scores = jnp.concatenate([scores, jnp.full((batch, extra), -jnp.inf)], 1)
        prefix = jnp.concatenate(
            [prefix, jnp.full((batch, extra, steps), -1, "int32")], axis=1
        )
    decoded = jnp.transpose(prefix[:, :top_paths], (1, 0, 2))
    return decoded, scores[:, :top_paths].astype("float32")


def ctc_decode(
    inputs,
    sequence_lengths,
    strategy="greedy",
    beam_width=100,
    top_paths=1,
    merge_repeated=True,
    mask_index=0,
):
    blank = inputs.shape[-1] - 1 if mask_index is None else mask_index
    if strategy == "greedy":
        return _greedy(inputs, sequence_lengths, merge_repeated, blank)
    return _beam_search(inputs, sequence_lengths, beam_width, top_paths, blank)
