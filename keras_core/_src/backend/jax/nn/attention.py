"""The jax backend table: nn attention ops.

See keras_core/_src/ops/nn/attention.py for the declaration and the numpy
table for the shared steps. `flash_attention=True` runs cuDNN's fused
attention through `jax.nn.dot_product_attention` on GPUs and is refused
elsewhere, as in Keras.
"""

import jax
import jax.numpy as jnp

_HALF = (jnp.float16, jnp.bfloat16)


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
    if flash_attention and jax.default_backend() != "gpu":
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
    _check_inputs(query, key, value, flash_attention, "jax backend without a GPU")
    if flash_attention:
        # cuDNN raises its own error for layouts or dtypes it cannot take.
        return jax.nn.dot_product_attention(
            query,
            key,
            value,
            bias=bias,
            mask=None if mask is None else mask.astype(bool),
            scale=scale,
            is_causal=is_causal,
            implementation="cudnn",
        )
    dtype = query.dtype
    if dtype in _HALF:
        query, key, value = (t.astype(jnp.float32) for t in (query, key, value))
        bias = None if bias is None else bias.astype(jnp.float32)
    batch, length, heads, size = query.shape
    kv_length, kv_heads = key.shape[1], key.shape[2]
    groups = heads // kv_heads
    if scale is None:
        scale = 1.0 / size**0.5
    grouped = jnp.reshape(query, (batch, length, kv_heads, groups, size))
    logits = jnp.einsum("btkgh,bskh->bkgts", grouped, key) * jnp.asarray(
        scale, query.dtype
    )
    if attn_logits_soft_cap is not None:
        cap = jnp.asarray(attn_logits_soft_cap, query.dtype)
        logits = cap * jnp.tanh(logits / cap)
    logits = jnp.reshape(logits, (batch, heads, length, kv_length))
    if bias is not None:
        logits = logits + bias
    allowed = None if mask is None else mask.astype(bool)
    if is_causal:
        causal = jnp.tril(jnp.ones((length, kv_length), dtype=bool))
        allowed = causal if allowed is None else allowed & causal
    if allowed is not None:
        fill = jnp.asarray(jnp.finfo(logits.dtype).min / 2, logits.dtype)
        logits = jnp.where(allowed, logits, fill)
    weights = jax.nn.softmax(logits, axis=-1)
    weights = jnp.reshape(weights, (batch, kv_heads, groups, length, kv_length))
    result = jnp.einsum("bkgts,bskh->btkgh", weights, value)
    result = jnp.reshape(result, (batch, length, heads, value.shape[-1]))
    return result.astype(dtype)
