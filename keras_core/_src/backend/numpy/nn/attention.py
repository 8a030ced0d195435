"""The numpy backend table: nn attention ops.

See keras_core/_src/ops/nn/attention.py for the declaration. The other
backends follow the same steps: grouped heads by a reshape (no copies of
the key/value heads), logits and softmax in float32 for half-precision
inputs, masked logits set to a large finite negative (a fully masked row
then averages the values instead of giving NaN).
"""

import ml_dtypes
import numpy as np

from keras_core._src.backend.common.op_arguments.nn_attention import (
    check_attention_inputs,
)

_HALF = (np.dtype("float16"), np.dtype(ml_dtypes.bfloat16))


def dot_product_attention(
    query,
    key,
    value,
    bias=None,
    mask=None,
    scale=None,
    is_causal=False,
    flash_attention=None,
    attn_logits_soft_cap=None,
):
    check_attention_inputs(
        query.shape, key.shape, value.shape, flash_attention, "numpy backend"
    )
    dtype = query.dtype
    if dtype in _HALF:
        query, key, value = (t.astype("float32") for t in (query, key, value))
        bias = None if bias is None else bias.astype("float32")
    batch, length, heads, size = query.shape
    kv_length, kv_heads = key.shape[1], key.shape[2]
    groups = heads // kv_heads
    if scale is None:
        scale = 1.0 / np.sqrt(size)
    grouped = query.reshape(batch, length, kv_heads, groups, size)
    logits = np.einsum("btkgh,bskh->bkgts", grouped, key) * np.asarray(
        scale, query.dtype
    )
    if attn_logits_soft_cap is not None:
        cap = np.asarray(attn_logits_soft_cap, query.dtype)
        logits = cap * np.tanh(logits / cap)
    logits = logits.reshape(batch, heads, length, kv_length)
    if bias is not None:
        logits = logits + bias
    allowed = None if mask is None else mask.astype(bool)
    if is_causal:
        causal = np.tril(np.ones((length, kv_length), dtype=bool))
        allowed = causal if allowed is None else allowed & causal
    if allowed is not None:
        fill = np.asarray(np.finfo(logits.dtype).min / 2, logits.dtype)
        logits = np.where(allowed, logits, fill)
    logits = logits - np.max(logits, axis=-1, keepdims=True)
    weights = np.exp(logits)
    weights = weights / np.sum(weights, axis=-1, keepdims=True)
    weights = weights.reshape(batch, kv_heads, groups, length, kv_length)
    result = np.einsum("bkgts,bskh->btkgh", weights, value)
    result = result.reshape(batch, length, heads, value.shape[-1])
    return result.astype(dtype)
