"""The tensorflow backend table: CTC loss and decoding.

See keras_core/_src/ops/nn/ctc.py for the declarations. The same algorithms
as the numpy table, with the time loops as `tf.scan` / `tf.while_loop` so
that they run in `tf.function` (also with XLA) and for any batch size: the
forward recursion over the extended label sequence for the loss, and a
fixed-width prefix beam search whose beams are tensors. `tf.nn.ctc_loss` is
not used: it gives `inf` (not a large finite loss) for impossible
labellings, unlike the other backends.
"""

import tensorflow as tf

# Log of "impossible" for the loss recursion, finite so that gradients of
# impossible states are 0 rather than NaN (Keras uses the same value).
_LOSS_LOG_ZERO = -1e5
# Log of "no beam" in the beam search: far below any reachable score.
_BEAM_LOG_ZERO = -1e30


def _logaddexp(*xs):
    top = xs[0]
    for x in xs[1:]:
        top = tf.maximum(top, x)
    # The maximum cancels out of the gradient: no stop_gradient needed.
    return top + tf.math.log(tf.add_n([tf.exp(x - top) for x in xs]))


def _take_last(x, index):
    """`take_along_axis(x, index, axis=-1)`; `index` matches `x` but the last
    axis."""
    return tf.gather(x, index, batch_dims=len(index.shape) - 1)


def _shift(x, count, value):
    # x moved `count` states to the right along axis 1, `value` coming in.
    pad = tf.fill(tf.stack([tf.shape(x)[0], count]), value)
    return tf.concat([pad, x[:, :-count]], axis=1)


def ctc_loss(target, output, target_length, output_length, mask_index=0):
    shape = tf.shape(output)
    batch, steps = shape[0], shape[1]
    labels = target.shape[1]
    log_probs = tf.nn.log_softmax(output, axis=-1)
    # The extended sequence: blank, l1, blank, l2, ..., blank.
    states = 2 * labels + 1
    blanks = tf.fill(tf.stack([batch, labels + 1]), tf.constant(mask_index, "int32"))
    pairs = tf.reshape(tf.stack([blanks[:, :-1], target], axis=2), [batch, -1])
    extended = tf.concat([pairs, blanks[:, -1:]], axis=1)
    # A label state may skip the blank before it unless it repeats a label.
    position = tf.range(states)
    previous = tf.roll(extended, 2, axis=1)
    skip = (position >= 3) & (position % 2 == 1) & (extended != previous)
    index = tf.broadcast_to(extended[:, None, :], tf.stack([batch, steps, states]))
    emit = _take_last(log_probs, index)  # (B, T, S)
    zero = tf.constant(_LOSS_LOG_ZERO, output.dtype)
    first = tf.where(
        (position == 0) | ((position == 1) & (target_length[:, None] > 0)),
        emit[:, 0],
        zero,
    )

    def step(alpha, inputs):
        t, emit_t = inputs
        one = _shift(alpha, 1, zero)
        two = tf.where(skip, _shift(alpha, 2, zero), zero)
        new = _logaddexp(alpha, one, two) + emit_t
        new = tf.where((t < output_length)[:, None], new, alpha)
        # Step 0 (the scan covers every step, so any length compiles).
        return tf.where(t == 0, first, new)

    elems = (tf.range(steps), tf.transpose(emit, [1, 0, 2]))
    alpha = tf.scan(step, elems, initializer=first)[-1]
    # Paths end on the last label or on the blank after it.
    last = _take_last(alpha, 2 * target_length[:, None])[:, 0]
    before = _take_last(alpha, tf.maximum(2 * target_length - 1, 0)[:, None])
    before = tf.where(target_length > 0, before[:, 0], zero)
    # In the logits' dtype: Keras's TensorFlow backend keeps float64.
    return -_logaddexp(last, before)


def _greedy(inputs, sequence_lengths, merge_repeated, blank):
    best = tf.argmax(inputs, axis=-1, output_type="int32")
    valid = tf.range(tf.shape(inputs)[1])[None, :] < sequence_lengths[:, None]
    best_value = tf.reduce_max(inputs, axis=-1)
    scores = -tf.reduce_sum(tf.where(valid, best_value, 0), axis=1)
    keep = valid & (best != blank)
    if merge_repeated:
        previous = _shift(best, 1, -1)
        keep &= best != previous
    # A stable sort moves the kept labels to the front, in order.
    order = tf.argsort(tf.cast(~keep, "int32"), axis=1, stable=True)
    decoded = _take_last(best, order)
    decoded = tf.where(_take_last(keep, order), decoded, -1)
    return decoded[None], scores[:, None]


def _beam_search(inputs, sequence_lengths, beam_width, top_paths, blank):
    shape = tf.shape(inputs)
    batch, steps = shape[0], shape[1]
    classes = inputs.shape[-1]
    width = beam_width
    log_probs = tf.nn.log_softmax(inputs, axis=-1)
    zero = tf.constant(_BEAM_LOG_ZERO, inputs.dtype)
    first = tf.range(width) == 0
    state = (
        tf.fill(tf.stack([batch, width, steps]), -1),  # label prefixes
        tf.zeros(tf.stack([batch, width]), "int32"),  # prefix lengths
        # Log-probability of each prefix ending in a blank: the empty one.
        tf.broadcast_to(tf.where(first, tf.zeros_like(zero), zero), [batch, width]),
        tf.fill(tf.stack([batch, width]), zero),  # ... in a label
    )
    class_ids = tf.range(classes)
    positions = tf.range(steps)
    # Keras always reads the first step, even for empty sequences.
    lengths = tf.maximum(sequence_lengths, 1)

    def step(t, prefix, length, p_blank, p_label):
        lp = log_probs[:, t]  # (B, C)
        total = _logaddexp(p_blank, p_label)
        last = _take_last(prefix, tf.maximum(length - 1, 0)[..., None])[..., 0]
        has_last = length > 0
        alive = total > zero / 2
        # Staying on the same prefix: a blank, or the last label repeated.
        stay_blank = total + lp[:, blank][:, None]
        repeat = _take_last(lp, tf.maximum(last, 0))
        stay_label = tf.where(has_last, p_label + repeat, zero)
        # Extending by a label: after a repeat only via a blank.
        repeats = has_last[..., None] & (class_ids == last[..., None])
        extend = tf.where(repeats, p_blank[..., None], total[..., None]) + lp[:, None]
        extend = tf.where(class_ids == blank, zero, extend)  # (B, W, C)
        # An extension that equals another beam's prefix merges into it.
        same = tf.reduce_all(
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
        child_label = tf.broadcast_to(tf.maximum(last, 0)[:, None, :], tf.shape(parent))
        into = tf.where(parent, _take_last(extend, child_label), zero)
        stay_label = _logaddexp(stay_label, tf.reduce_max(into, axis=1))
        merged = tf.reduce_any(
            parent[..., None] & (last[:, None, :, None] == class_ids), axis=2
        )
        extend = tf.where(merged, zero, extend)
        stay_total = _logaddexp(stay_blank, stay_label)
        candidates = tf.concat(
            [stay_total, tf.reshape(extend, [batch, width * classes])], axis=1
        )
        # top_k keeps the lower index first among ties, as a stable sort.
        best, chosen = tf.math.top_k(candidates, k=width)
        is_extension = chosen >= width
        source = tf.where(is_extension, (chosen - width) // classes, chosen)
        label = (chosen - width) % classes
        new_prefix = tf.gather(prefix, source, batch_dims=1)
        new_length = tf.gather(length, source, batch_dims=1)
        new_prefix = tf.where(
            is_extension[..., None] & (positions == new_length[..., None]),
            label[..., None],
            new_prefix,
        )
        new_blank = tf.where(
            is_extension, zero, tf.gather(stay_blank, source, batch_dims=1)
        )
        new_label = tf.where(
            is_extension, best, tf.gather(stay_label, source, batch_dims=1)
        )
        running = (t < lengths)[:, None]
        new_length += tf.cast(is_extension, "int32")
        return (
            t + 1,
            tf.where(running[..., None], new_prefix, prefix),
            tf.where(running, new_length, length),
            tf.where(running, new_blank, p_blank),
            tf.where(running, new_label, p_label),
        )

    _, prefix, _, p_blank, p_label = tf.while_loop(
        lambda t, *_: t < steps, step, (tf.constant(0), *state)
    )
    scores = _logaddexp(p_blank, p_label)
    alive = scores > zero / 2
    scores = tf.where(alive, scores, tf.constant(-float("inf"), inputs.dtype))
    prefix = tf.where(alive[..., None], prefix, -1)
    if top_paths > width:
        extra = top_paths - width
        missing = tf.fill(tf.stack([batch, extra]), -float("inf"))
        scores = tf.concat([scores, tf.cast(missing, scores.dtype)], axis=1)
        padding = tf.fill(tf.stack([batch, extra, steps]), -1)
        prefix = tf.concat([prefix, padding], axis=1)
    decoded = tf.transpose(prefix[:, :top_paths], [1, 0, 2])
    return decoded, scores[:, :top_paths]


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
