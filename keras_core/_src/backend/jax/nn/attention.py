"""The jax backend table: nn attention ops.

See keras_core/_src/ops/nn/attention.py for the declaration and the numpy
table for the shared steps. `flash_attention=True` runs cuDNN's fused
attention through `jax.nn.dot_product_attention` on GPUs and is refused
elsewhere, as in Keras.
"""

import jax
import jax.numpy as jnp

from keras_core._src.backend.common.op_arguments.nn_attention import (
    check_attention_inputs,
)

_HALF = (jnp.float16, jnp.bfloat16)


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
        query.shape,
        key.shape,
        value.shape,
        flash_attention and jax.default_backend() != "gpu",
        "jax backend without a GPU",
    )
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
