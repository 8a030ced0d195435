"""The torch backend table: nn attention ops.

See keras_core/_src/ops/nn/attention.py for the declaration and the numpy
table for the shared steps. `flash_attention=True` runs PyTorch's flash
kernel on CUDA tensors and is refused elsewhere, as in Keras.
"""

import math

import torch

from keras_core._src.backend.common.op_arguments.nn_attention import (
    check_attention_inputs,
)

_HALF = (torch.float16, torch.bfloat16)


def _flash_attention(query, key, value, bias, mask, scale, is_causal):
    from torch.nn.attention import SDPBackend
    from torch.nn.attention import sdpa_kernel

    # The flash kernel takes no mask or bias: PyTorch raises if given one.
    attn_mask = bias if mask is None else mask.to(torch.bool)
    with sdpa_kernel(SDPBackend.FLASH_ATTENTION):
        result = torch.nn.functional.scaled_dot_product_attention(
            query.transpose(1, 2),
            key.transpose(1, 2),
            value.transpose(1, 2),
            attn_mask=attn_mask,
            is_causal=is_causal,
            scale=scale,
            enable_gqa=query.shape[2] != key.shape[2],
        )
    return result.transpose(1, 2)


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
        flash_attention and query.device.type != "cuda",
        "torch backend without CUDA",
    )
    if flash_attention:
        return _flash_attention(query, key, value, bias, mask, scale, is_causal)
    dtype = query.dtype
    if dtype in _HALF:
        query, key, value = (t.to(torch.float32) for t in (query, key, value))
        bias = None if bias is None else bias.to(torch.float32)
    batch, length, heads, size = query.shape
    kv_length, kv_heads = key.shape[1], key.shape[2]
    groups = heads // kv_heads
    if scale is None:
        scale = 1.0 / math.sqrt(size)
    if mask is None and bias is None and attn_logits_soft_cap is None and groups == 1:
        # PyTorch's fused kernel (one pass, no logits tensor kept for the
        # backward). With a mask it is left out: rows with every key masked
        # would come out NaN, where the explicit softmax spreads them evenly.
        result = torch.nn.functional.scaled_dot_product_attention(
            query.transpose(1, 2),
            key.transpose(1, 2),
            value.transpose(1, 2),
            is_causal=is_causal,
            scale=scale,
        )
        return result.transpose(1, 2).to(dtype)
    grouped = torch.reshape(query, (batch, length, kv_heads, groups, size))
    logits = torch.einsum("btkgh,bskh->bkgts", grouped, key) * scale
    if attn_logits_soft_cap is not None:
        cap = attn_logits_soft_cap
        logits = cap * torch.tanh(logits / cap)
    logits = torch.reshape(logits, (batch, heads, length, kv_length))
    if bias is not None:
        logits = logits + bias
    allowed = None if mask is None else mask.to(torch.bool)
    if is_causal:
        causal = torch.ones((length, kv_length), dtype=torch.bool, device=query.device)
        causal = torch.tril(causal)
        allowed = causal if allowed is None else allowed & causal
    if allowed is not None:
        fill = torch.finfo(logits.dtype).min / 2
        logits = torch.where(allowed, logits, torch.full_like(logits, fill))
    weights = torch.softmax(logits, dim=-1)
    weights = torch.reshape(weights, (batch, kv_heads, groups, length, kv_length))
    result = torch.einsum("bkgts,bskh->btkgh", weights, value)
    result = torch.reshape(result, (batch, length, heads, value.shape[-1]))
    return result.to(dtype)
