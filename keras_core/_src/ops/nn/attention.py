"""keras_core.ops.nn: attention (scaled dot-product attention)."""

from keras_core._src.backend.common.dtypes import is_float_dtype
from keras_core._src.backend.common.dtypes import result_type
from keras_core._src.ops.op_definition import backend_op

__all__ = ["dot_product_attention"]


def _attention_dtypes(query, key, value, bias, mask):
    """The result has the promoted dtype of query, key and value.

    Integers and bools are computed in floatx and cast back (as Keras's
    NumPy and JAX backends do); `bias` joins the compute dtype; `mask` keeps
    its own dtype (only nonzero-ness counts).
    """
    dtype = result_type(query, key, value)
    compute = dtype if is_float_dtype(dtype) else result_type(dtype, float)
    return [compute, compute, compute, compute, None], dtype


@backend_op("nn", _attention_dtypes, tensors=("query", "key", "value", "bias", "mask"))
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
    """Scaled dot-product attention: `softmax(Q K^T * scale + bias) V`.

    Shapes: B batch, T query length, S key/value length, N query heads,
    K key/value heads (N a multiple of K: grouped-query attention, K = 1
    multi-query attention), H head size.

    Args:
        query: Tensor of shape `(B, T, N, H)`.
        key: Tensor of shape `(B, S, K, H)`.
        value: Tensor of shape `(B, S, K, H_v)`.
        bias: Optional tensor added to the logits, broadcastable to
            `(B, N, T, S)`.
        mask: Optional mask broadcastable to `(B, N, T, S)`: True (nonzero)
            where a query may attend to a key. Fully masked rows average
            the values uniformly.
        scale: Scale of the logits. Defaults to `1 / sqrt(H)`.
        is_causal: Whether query `t` may only attend to keys `s <= t`.
        flash_attention: Whether to use flash attention. None or False use
            the regular computation; True raises a ValueError where flash
            attention is unavailable (CPU, the numpy and TensorFlow
            backends), as in Keras.
        attn_logits_soft_cap: Optional cap `c`: the scaled logits become
            `c * tanh(logits / c)` before the bias and mask. (Keras computes
            it only with JAX on TPU; every backend computes it here.)

    Returns:
        Tensor of shape `(B, T, N, H_v)`.

    Example:

    >>> query = keras_core.random.normal((2, 4, 8, 16))
    >>> key = keras_core.random.normal((2, 6, 2, 16))
    >>> value = keras_core.random.normal((2, 6, 2, 16))
    >>> keras_core.ops.dot_product_attention(query, key, value).shape
    (2, 4, 8, 16)
    """
