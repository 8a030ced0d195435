"""The numpy backend table: CTC loss and decoding.

See keras_core/_src/ops/nn/ctc.py for the declarations. The same
algorithms run on every backend: the forward recursion over the extended
label sequence for the loss, and a fixed-width prefix beam search whose
beams are arrays (so the jax and tensorflow versions compile).
"""

import numpy as np

# Log of "impossible" for the loss recursion, finite so that gradients of
# impossible states are 0 rather than NaN (Keras uses the same value).
_LOSS_LOG_ZERO = -1e5
# Log of "no beam" in the beam search: far below any reachable score.
_BEAM_LOG_ZERO = -1e30


def _log_softmax(x):
    shifted = x - np.max(x, axis=-1, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=-1, keepdims=True))


def _logaddexp(*xs):
    top = xs[0]
    for x in xs[1:]:
        top = np.maximum(top, x)
    return top + np.log(sum(np.exp(x - top) for x in xs))


def ctc_loss(target, output, target_length, output_length, mask_index=0):
    batch, steps, _ = output.shape
    labels = target.shape[1]
    log_probs = _log_softmax(output)
    # The extended sequence: blank, l1, blank, l2, ..., blank.
    states = 2 * labels + 1
    extended = np.full((batch, states), mask_index, target.dtype)
    extended[:, 1::2] = target
    # A state may skip the blank before it unless it repeats the label.
    skip = np.zeros((batch, states), bool)
    skip[:, 3::2] = target[:, 1:] != target[:, :-1]
    emit = np.take_along_axis(log_probs, extended[:, None, :], axis=2)  # (B, T, S)
    zero = np.asarray(_LOSS_LOG_ZERO, output.dtype)
    alpha = np.full((batch, states), zero)
    alpha[:, 0] = emit[:, 0, 0]
    if labels:
        alpha[:, 1] = np.where(target_length > 0, emit[:, 0, 1], zero)
    for t in range(1, steps):
        one = np.concatenate([np.full((batch, 1), zero), alpha[:, :-1]], axis=1)
        two = np.concatenate([np.full((batch, 2), zero), alpha[:, :-2]], axis=1)
        two = np.where(skip, two, zero)
        step = _logaddexp(alpha, one, two) + emit[:, t]
        alpha = np.where((t < output_length)[:, None], step, alpha)
    # Paths end on the last label or on the blank after it.
    last = np.take_along_axis(alpha, 2 * target_length[:, None], axis=1)[:, 0]
    before = np.take_along_axis(
        alpha, np.maximum(2 * target_length - 1, 0)[:, None], axis=1
    )[:, 0]
    before = np.where(target_length > 0, before, zero)
    # Keras's numpy backend gives float32 whatever the logits' dtype.
    return -_logaddexp(last, before).astype("float32")


def _greedy(inputs, sequence_lengths, merge_repeated, blank):
    batch, steps, _ = inputs.shape
    best = np.argmax(inputs, axis=-1).astype("int32")
    valid = np.arange(steps)[None, :] < sequence_lengths[:, None]
    scores = -np.sum(np.where(valid, np.max(inputs, axis=-1), 0), axis=1)
    keep = valid & (best != blank)
    if merge_repeated:
        previous = np.concatenate([np.full((batch, 1), -1, "int32"), best[:, :-1]], 1)
        keep &= best != previous
    # A stable sort moves the kept labels to the front, in order.
    order = np.argsort(~keep, axis=1, kind="stable")
    decoded = np.take_along_axis(best, order, axis=1)
    decoded = np.where(np.take_along_axis(keep, order, axis=1), decoded, -1)
    return decoded[None].astype("int32"), scores[:, None].astype("float32")


def _beam_search(inputs, sequence_lengths, beam_width, top_paths, blank):
    batch, steps, classes = inputs.shape
    width = beam_width
    log_probs = _log_softmax(inputs)
    zero = np.asarray(_BEAM_LOG_ZERO, inputs.dtype)
    prefix = np.full((batch, width, steps), -1, "int32")
    length = np.zeros((batch, width), "int32")
    p_blank = np.full((batch, width), zero)
    p_blank[:, 0] = 0
    p_label = np.full((batch, width), zero)
    class_ids = np.arange(classes)
    positions = np.arange(steps)
    # Keras always reads the first step, even for empty sequences.
    lengths = np.maximum(sequence_lengths, 1)
    for t in range(steps):
        lp = log_probs[:, t]  # (B, C)
        total = _logaddexp(p_blank, p_label)
        last = np.take_along_axis(prefix, np.maximum(length - 1, 0)[..., None], 2)[
            ..., 0
        ]
        has_last = length > 0
        alive = total > zero / 2
        # Staying on the same prefix: a blank, or the last label repeated.
        stay_blank = total + lp[:, blank][:, None]
        repeat = np.take_along_axis(lp, np.maximum(last, 0), axis=1)
        stay_label = np.where(has_last, p_label + repeat, zero)
        # Extending by a label: after a repeat only via a blank.
        repeats = has_last[..., None] & (class_ids == last[..., None])
        extend = np.where(repeats, p_blank[..., None], total[..., None]) + lp[:, None]
        extend = np.where(class_ids == blank, zero, extend)  # (B, W, C)
        # An extension that equals another beam's prefix merges into it.
        same = np.all(
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
        child_label = np.broadcast_to(np.maximum(last, 0)[:, None, :], parent.shape)
        into = np.where(parent, np.take_along_axis(extend, child_label, axis=2), zero)
        stay_label = _logaddexp(stay_label, np.max(into, axis=1))
        merged = np.any(
            parent[..., None] & (last[:, None, :, None] == class_ids), axis=2
        )
        extend = np.where(merged, zero, extend)
        stay_total = _logaddexp(stay_blank, stay_label)
        candidates = np.concatenate([stay_total, extend.reshape(batch, -1)], axis=1)
        chosen = np.argsort(-candidates, axis=1, kind="stable")[:, :width]
        is_extension = chosen >= width
        source = np.where(is_extension, (chosen - width) // classes, chosen)
        label = ((chosen - width) % classes).astype("int32")
        new_prefix = np.take_along_axis(prefix, source[..., None], axis=1)
        new_length = np.take_along_axis(length, source, axis=1)
        new_prefix = np.where(
            is_extension[..., None] & (positions == new_length[..., None]),
            label[..., None],
            new_prefix,
        )
        new_blank = np.where(
            is_extension, zero, np.take_along_axis(stay_blank, source, axis=1)
        )
        new_label = np.where(
            is_extension,
            np.take_along_axis(candidates, chosen, axis=1),
            np.take_along_axis(stay_label, source, axis=1),
        )
        running = (t < lengths)[:, None]
        prefix = np.where(running[..., None], new_prefix, prefix)
        length = np.where(running, new_length + is_extension, length)
        p_blank = np.where(running, new_blank, p_blank)
        p_label = np.where(running, new_label, p_label)
    scores = _logaddexp(p_blank, p_label)
    alive = scores > zero / 2
    scores = np.where(alive, scores, -np.inf)
    prefix = np.where(alive[..., None], prefix, -1)
    if top_paths > width:
        extra = top_paths - width
        scores = np.concatenate([scores, np.full((batch, extra), -np.inf)], axis=1)
        prefix = np.concatenate(
            [prefix, np.full((batch, extra, steps), -1, "int32")], axis=1
        )
    decoded = np.transpose(prefix[:, :top_paths], (1, 0, 2))
    return decoded.astype("int32"), scores[:, :top_paths].astype("float32")


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
