"""The tensorflow backend table: nn attention ops.

See keras_core/_src/ops/nn/attention.py for the declaration and the numpy
table for the shared steps. TensorFlow has no flash attention kernel:
`flash_attention=True` is refused, as in Keras.
"""

import math

from keras_core._src.backend.common.op_arguments.nn_attention import (
    check_attention_inputs,
)
from keras_core._src.backend.tensorflow.tf_import import tf

_HALF = (tf.float16, tf.bfloat16)


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
        query.shape, key.shape, value.shape, flash_attention, "tensorflow backend"
    )
    dtype = query.dtype
    if dtype in _HALF:
        query, key, value = (tf.cast(t, tf.float32) for t in (query, key, value))
        bias = None if bias is None else tf.cast(bias, tf.float32)
    heads, size = query.shape[2], query.shape[3]
    kv_heads, value_size = key.shape[2], value.shape[3]
    groups = heads // kv_heads
    batch, length = tf.shape(query)[0], tf.shape(query)[1]
    kv_length = tf.shape(key)[1]
    if scale is None:
        scale = 1.0 / math.sqrt(size)
    grouped = tf.reshape(query, tf.stack([batch, length, kv_heads, groups, size]))
    logits = tf.einsum("btkgh,bskh->bkgts", grouped, key) * tf.cast(scale, query.dtype)
    if attn_logits_soft_cap is not None:
        cap = tf.cast(attn_logits_soft_cap, query.dtype)
        logits = cap * tf.tanh(logits / cap)
    logits = tf.reshape(logits, tf.stack([batch, heads, length, kv_length]))
    if bias is not None:
        logits = logits + bias
    allowed = None if mask is None else tf.cast(mask, tf.bool)
    if is_causal:
        ones = tf.ones(tf.stack([length, kv_length]), dtype=tf.bool)
        causal = tf.cast(tf.linalg.band_part(tf.cast(ones, tf.int8), -1, 0), tf.bool)
        allowed = causal if allowed is None else tf.logical_and(allowed, causal)
    if allowed is not None:
        fill = tf.cast(logits.dtype.min / 2, logits.dtype)
        logits = tf.where(allowed, logits, fill)
    weights = tf.nn.softmax(logits, axis=-1)
    weights = tf.reshape(
        weights, tf.stack([batch, kv_heads, groups, length, kv_length])
    )
    result = tf.einsum("bkgts,bskh->btkgh", weights, value)
    result = tf.reshape(result, tf.stack([batch, length, heads, value_size]))
    return tf.cast(result, dtype)
