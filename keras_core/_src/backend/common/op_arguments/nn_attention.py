"""Shape checks of `dot_product_attention`, shared by every backend.

They read static shapes only (unknown dimensions, None, are let through to
be checked when the function runs), so each backend refuses bad inputs
with the same message before it computes anything.
"""


def _differ(a, b):
    # Unknown dimensions (None) are checked when the function runs.
    return a is not None and b is not None and a != b


def check_attention_inputs(query_shape, key_shape, value_shape, flash, backend_name):
    """Refuses inputs `dot_product_attention` cannot take.

    Args:
        query_shape, key_shape, value_shape: The static shapes (B, T/S, N/K, H).
        flash: Whether flash attention was asked for where the backend
            cannot run it.
        backend_name: How the error names the backend ("numpy backend",
            "jax backend without a GPU"...).
    """
    query_shape, key_shape, value_shape = (
        tuple(query_shape),
        tuple(key_shape),
        tuple(value_shape),
    )
    shapes = (
        f"query.shape={query_shape}, key.shape={key_shape}, value.shape={value_shape}"
    )
    if not len(query_shape) == len(key_shape) == len(value_shape) == 4:
        raise ValueError(
            f"`dot_product_attention` only supports 4D inputs. Received: {shapes}."
        )
    heads, kv_heads = query_shape[2], key_shape[2]
    if heads % kv_heads or value_shape[2] != kv_heads:
        raise ValueError(
            "dot_product_attention: the query heads must be a multiple of the "
            f"key/value heads, and key and value must agree. Received: {shapes}."
        )
    if _differ(query_shape[3], key_shape[3]) or _differ(key_shape[1], value_shape[1]):
        raise ValueError(
            "dot_product_attention: query and key need the same head size, key "
            f"and value the same length. Received: {shapes}."
        )
    if flash:
        raise ValueError(
            "dot_product_attention: flash attention is not supported on the "
            f"{backend_name}; received flash_attention=True. Pass "
            "flash_attention=None or False."
        )
