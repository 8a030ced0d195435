"""Masks and masked softmax shared by the attention layers.

Keras's attention layers treat masks in two ways, kept apart here:
`Attention`/`AdditiveAttention` push masked logits to a large negative
value (a fully masked row then averages the values uniformly), while the
scores `MultiHeadAttention`/`GroupQueryAttention` return are also
multiplied by the mask (a fully masked row is all zeros).
"""

from keras_core import ops
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.layers import call_context


def large_negative(dtype):
    """A logit offset that is "minus infinity" yet finite in `dtype`."""
    return -65504.0 if standardize_dtype(dtype) == "float16" else -1e9


def implicit_mask(tensor):
    """The mask a previous layer attached to `tensor` (e.g. `mask_zero`)."""
    return call_context.get_mask(tensor, getattr(call_context.THREAD, "context", None))


def mask_logits(logits, mask):
    """`logits` where `mask` is True, a large negative value elsewhere."""
    if mask is None:
        return logits
    return ops.where(
        ops.cast(mask, "bool"),
        logits,
        ops.cast(large_negative(logits.dtype), logits.dtype),
    )


def masked_softmax(logits, mask, axis):
    """Softmax over `axis` that gives exactly 0 where `mask` is False."""
    probabilities = ops.softmax(mask_logits(logits, mask), axis=axis)
    if mask is None:
        return probabilities
    return ops.multiply(probabilities, ops.cast(mask, probabilities.dtype))


def causal_mask(query_length, key_length, sliding_window=None, causal=True):
    """A `(1, T, S)` boolean mask: `s <= t`, within `sliding_window` if given.

    Positions are counted from the start of both sequences. Without
    `causal`, the sliding window alone keeps `|t - s| < sliding_window`.
    """
    rows = ops.expand_dims(ops.arange(query_length), 1)
    columns = ops.expand_dims(ops.arange(key_length), 0)
    offset = ops.subtract(rows, columns)
    mask = None
    if causal:
        mask = ops.greater_equal(offset, 0)
    if sliding_window is not None:
        window = ops.less(ops.abs(offset), sliding_window)
        mask = window if mask is None else ops.logical_and(mask, window)
    return ops.expand_dims(mask, 0)


def _and(first, second):
    if first is None:
        return second
    if second is None:
        return first
    return ops.logical_and(first, second)


def combined_attention_mask(
    query,
    value,
    key,
    query_mask=None,
    value_mask=None,
    key_mask=None,
    attention_mask=None,
    use_causal_mask=False,
    sliding_window=None,
):
    """The `(B, T, S)` mask of a multi-head attention call, or None.

    Explicit `*_mask` arguments take precedence over the implicit mask of
    the same tensor; `key` is None when the caller gave no key (its mask is
    then the value's). All present masks are combined with a logical AND.
    """
    if query_mask is None:
        query_mask = implicit_mask(query)
    if value_mask is None:
        value_mask = implicit_mask(value)
    if key_mask is None and key is not None:
        key_mask = implicit_mask(key)
    mask = None
    if query_mask is not None:
        mask = ops.expand_dims(ops.cast(query_mask, "bool"), -1)
    for sequence_mask in (value_mask, key_mask):
        if sequence_mask is not None:
            mask = _and(mask, ops.expand_dims(ops.cast(sequence_mask, "bool"), -2))
    if use_causal_mask or sliding_window is not None:
        mask = _and(
            mask,
            causal_mask(
                ops.shape(query)[1],
                ops.shape(value)[1],
                sliding_window=sliding_window,
                causal=use_causal_mask,
            ),
        )
    if attention_mask is not None:
        mask = _and(mask, ops.cast(attention_mask, "bool"))
    return mask
