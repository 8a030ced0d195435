"""The torch backend table: nn attention ops.

See keras_core/_src/ops/nn/attention.py for the declaration and the numpy
table for the shared steps. `flash_attention=True` runs PyTorch's flash
kernel on CUDA tensors and is refused elsewhere, as in Keras.
"""

import math

import torch

_HALF = (torch.float16, torch.bfloat16)


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
    if flash_attention and query.device.type != "cuda":
        raise ValueError(
            "dot_product_attention: flash attention is not supported on the "
            f"{backend_name}; received flash_attention=True. Pass "
            "flash_attention=None or False."
        )


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
    _check_inputs(query, key, value, flash_attention, "torch backend without CUDA")
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
