"""The numpy backend table: nn attention ops.

See keras_core/_src/ops/nn/attention.py for the declaration. The other
backends follow the same steps: grouped heads by a reshape (no copies of
the key/value heads), logits and softmax in float32 for half-precision
inputs, masked logits set to a large finite negative (a fully masked row
then averages the values instead of giving NaN).
"""

import ml_dtypes
import numpy as np

_HALF = (np.dtype("float16"), np.dtype(ml_dtypes.bfloat16))


def _check_inputs(query, key, value, flash_attention, backend_name):
    shapes = (
        f"query.shape={tuple(query.shape)}, key.shape={tuple(key.shape)}, "
        f"value.shape={tuple(value.shape)}"
    )
    if not query.ndim == key.ndim == value.ndim == 4:
        raise ValueError(
            f"`dot_product_attention` only supports 4D inputs. Received: {shapes}."
        )
    heads, kv_heads = query.shape[2], key.shape[2]
    if heads % kv_heads or value.shape[2] != kv_heads:
        raise ValueError(
            "dot_product_attention: the query heads must be a multiple of the "
            f"key/value heads, and key and value must agree. Received: {shapes}."
        )
    if query.shape[3] != key.shape[3] or key.shape[1] != value.shape[1]:
        raise ValueError(
            "dot_product_attention: query and key need the same head size, key "
            f"and value the same length. Received: {shapes}."
        )
    if flash_attention:
        raise ValueError(
            "dot_product_attention: flash attention is not supported on the "
            f"{backend_name}; received flash_attention=True. Pass "
            "flash_attention=None or False."
        )


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
    _check_inputs(query, key, value, flash_attention, "numpy backend")
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
