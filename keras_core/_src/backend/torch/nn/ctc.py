"""The torch backend table: CTC loss and decoding.

See keras_core/_src/ops/nn/ctc.py for the declarations. The same algorithms
as the numpy table, in torch ops on the inputs' device: the forward
recursion over the extended label sequence for the loss, and a fixed-width
prefix beam search whose beams are tensors. `torch.nn.functional.ctc_loss`
is not used: it gives `inf` (not Keras's large finite loss) for impossible
labellings.
"""

import torch

# Log of "impossible" for the loss recursion, finite so that gradients of
# impossible states are 0 rather than NaN (Keras uses the same value).
_LOSS_LOG_ZERO = -1e5
# Log of "no beam" in the beam search: far below any reachable score.
_BEAM_LOG_ZERO = -1e30


def _logaddexp(*xs):
    top = xs[0]
    for x in xs[1:]:
        top = torch.maximum(top, x)
    # The maximum cancels out of the gradient: no detach needed.
    return top + torch.log(sum(torch.exp(x - top) for x in xs))


def _full(shape, value, like):
    return torch.full(shape, value, dtype=like.dtype, device=like.device)


def ctc_loss(target, output, target_length, output_length, mask_index=0):
    batch, steps, _ = output.shape
    labels = target.shape[1]
    target = target.long()
    target_length = target_length.long()
    log_probs = torch.log_softmax(output, dim=-1)
    # The extended sequence: blank, l1, blank, l2, ..., blank.
    states = 2 * labels + 1
    extended = _full((batch, states), mask_index, target)
    extended[:, 1::2] = target
    # A label state may skip the blank before it unless it repeats a label.
    skip = torch.zeros((batch, states), dtype=torch.bool, device=output.device)
    skip[:, 3::2] = target[:, 1:] != target[:, :-1]
    emit = torch.gather(log_probs, 2, extended[:, None, :].expand(-1, steps, -1))
    zero = torch.tensor(_LOSS_LOG_ZERO, dtype=output.dtype, device=output.device)
    position = torch.arange(states, device=output.device)
    alpha = torch.where(
        (position == 0) | ((position == 1) & (target_length[:, None] > 0)),
        emit[:, 0],
        zero,
    )
    pad = _full((batch, 2), _LOSS_LOG_ZERO, output)
    for t in range(1, steps):
        one = torch.cat([pad[:, :1], alpha[:, :-1]], dim=1)
        two = torch.where(skip, torch.cat([pad, alpha[:, :-2]], dim=1), zero)
        new = _logaddexp(alpha, one, two) + emit[:, t]
        alpha = torch.where((t < output_length)[:, None], new, alpha)
    # Paths end on the last label or on the blank after it.
    last = torch.gather(alpha, 1, 2 * target_length[:, None])[:, 0]
    before = torch.gather(alpha, 1, torch.clamp(2 * target_length - 1, min=0)[:, None])
    before = torch.where(target_length > 0, before[:, 0], zero)
    # float32 whatever the logits' dtype, as Keras's numpy and jax give.
    return -_logaddexp(last, before).float()


def _greedy(inputs, sequence_lengths, merge_repeated, blank):
    steps = inputs.shape[1]
    best = torch.argmax(inputs, dim=-1).int()
    positions = torch.arange(steps, device=inputs.device)
    valid = positions[None, :] < sequence_lengths[:, None]
    best_value = torch.amax(inputs, dim=-1)
    scores = -torch.sum(torch.where(valid, best_value, 0), dim=1)
    keep = valid & (best != blank)
    if merge_repeated:
        previous = torch.cat([torch.full_like(best[:, :1], -1), best[:, :-1]], dim=1)
        keep &= best != previous
    # A stable sort moves the kept labels to the front, in order.
    order = torch.sort((~keep).int(), dim=1, stable=True).indices
    decoded = torch.gather(best, 1, order)
    decoded = torch.where(torch.gather(keep, 1, order), decoded, -1)
    return decoded[None].int(), scores[:, None].float()


def _beam_search(inputs, sequence_lengths, beam_width, top_paths, blank):
    batch, steps, classes = inputs.shape
    width = beam_width
    device = inputs.device
    log_probs = torch.log_softmax(inputs, dim=-1)
    zero = torch.tensor(_BEAM_LOG_ZERO, dtype=inputs.dtype, device=device)
    prefix = torch.full((batch, width, steps), -1, dtype=torch.long, device=device)
    length = torch.zeros((batch, width), dtype=torch.long, device=device)
    p_blank = _full((batch, width), _BEAM_LOG_ZERO, inputs)
    p_blank[:, 0] = 0
    p_label = _full((batch, width), _BEAM_LOG_ZERO, inputs)
    class_ids = torch.arange(classes, device=device)
    positions = torch.arange(steps, device=device)
    # Keras always reads the first step, even for empty sequences.
    lengths = torch.clamp(sequence_lengths, min=1)
    for t in range(steps):
        lp = log_probs[:, t]  # (B, C)
        total = _logaddexp(p_blank, p_label)
        last = torch.gather(prefix, 2, torch.clamp(length - 1, min=0)[..., None])
        last = last[..., 0]
        has_last = length > 0
        alive = total > zero / 2
        # Staying on the same prefix: a blank, or the last label repeated.
        stay_blank = total + lp[:, blank][:, None]
        repeat = torch.gather(lp, 1, torch.clamp(last, min=0))
        stay_label = torch.where(has_last, p_label + repeat, zero)
        # Extending by a label: after a repeat only via a blank.
        repeats = has_last[..., None] & (class_ids == last[..., None])
        extend = torch.where(repeats, p_blank[..., None], total[..., None])
        extend = extend + lp[:, None]
        extend = torch.where(class_ids == blank, zero, extend)  # (B, W, C)
        # An extension that equals another beam's prefix merges into it.
        same = torch.all(
            (prefix[:, :, None, :] == prefix[:, None, :, :])
            | (positions >= length[:, :, None, None]),
            dim=-1,
        )
        parent = (
            same
            & (length[:, None, :] == length[:, :, None] + 1)
            & alive[:, :, None]
            & alive[:, None, :]
        )  # (B, parent W, child W)
        child_label = torch.clamp(last, min=0)[:, None, :].expand(parent.shape)
        into = torch.where(parent, torch.gather(extend, 2, child_label), zero)
        stay_label = _logaddexp(stay_label, torch.amax(into, dim=1))
        merged = torch.any(
            parent[..., None] & (last[:, None, :, None] == class_ids), dim=2
        )
        extend = torch.where(merged, zero, extend)
        stay_total = _logaddexp(stay_blank, stay_label)
        candidates = torch.cat([stay_total, extend.reshape(batch, -1)], dim=1)
        # A stable sort: the lower index first among ties.
        best, chosen = torch.sort(candidates, dim=1, descending=True, stable=True)
        best, chosen = best[:, :width], chosen[:, :width]
        is_extension = chosen >= width
        source = torch.where(is_extension, (chosen - width) // classes, chosen)
        label = (chosen - width) % classes
        new_prefix = torch.gather(prefix, 1, source[..., None].expand(-1, -1, steps))
        new_length = torch.gather(length, 1, source)
        new_prefix = torch.where(
            is_extension[..., None] & (positions == new_length[..., None]),
            label[..., None],
            new_prefix,
        )
        new_blank = torch.where(is_extension, zero, torch.gather(stay_blank, 1, source))
        new_label = torch.where(is_extension, best, torch.gather(stay_label, 1, source))
        running = (t < lengths)[:, None]
        prefix = torch.where(running[..., None], new_prefix, prefix)
        length = torch.where(running, new_length + is_extension.long(), length)
        p_blank = torch.where(running, new_blank, p_blank)
        p_label = torch.where(running, new_label, p_label)
    scores = _logaddexp(p_blank, p_label)
    alive = scores > zero / 2
    scores = torch.where(alive, scores, -torch.inf)
    prefix = torch.where(alive[..., None], prefix, -1)
    if top_paths > width:
        extra = top_paths - width
        scores = torch.cat([scores, _full((batch, extra), -torch.inf, scores)], dim=1)
        padding = torch.full_like(prefix[:, :1], -1).expand(-1, extra, -1)
        prefix = torch.cat([prefix, padding], dim=1)
    decoded = torch.permute(prefix[:, :top_paths], (1, 0, 2))
    return decoded.int(), scores[:, :top_paths].float()


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
