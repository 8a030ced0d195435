"""The jax backend table: crossentropy losses.

See keras_core/_src/ops/nn/losses.py for the declarations.
"""

import jax
import jax.numpy as jnp

from keras_core._src.backend.common.config import epsilon


def _clipped_log(p, axis=None):
    # Rescaled to sum to 1 along the class axis (categorical only), then
    # clipped as Keras does so that log(0) costs -log(epsilon).
    if axis is not None:
        p = p / jnp.sum(p, axis=axis, keepdims=True)
    eps = jnp.asarray(epsilon(), p.dtype)
    return jnp.log(jnp.clip(p, eps, 1 - eps))


def binary_crossentropy(target, output, from_logits=False):
    if from_logits:
        # max(x, 0) - x z + log(1 + exp(-|x|)): no overflow for huge |x|.
        return (
            jnp.maximum(output, 0)
            - output * target
            + jnp.log1p(jnp.exp(-jnp.abs(output)))
        )
    eps = jnp.asarray(epsilon(), output.dtype)
    p = jnp.clip(output, eps, 1 - eps)
    return -(target * jnp.log(p) + (1 - target) * jnp.log(1 - p))


def categorical_crossentropy(target, output, from_logits=False, axis=-1):
    if from_logits:
        log_p = jax.nn.log_softmax(output, axis=axis)
    else:
        log_p = _clipped_log(output, axis)
    return -jnp.sum(target * log_p, axis=axis)


def sparse_categorical_crossentropy(target, output, from_logits=False, axis=-1):
    axis = axis % output.ndim
    if from_logits:
        log_p = jax.nn.log_softmax(output, axis=axis)
    else:
        log_p = _clipped_log(output, axis)
    classes = jnp.arange(output.shape[axis], dtype=target.dtype)
    classes = jnp.reshape(classes, (-1,) + (1,) * (output.ndim - 1 - axis))
    # One-hot by comparison: out-of-range indices select nothing (loss 0).
    one_hot = jnp.expand_dims(target, axis) == classes
    return -jnp.sum(jnp.where(one_hot, log_p, 0), axis=axis)
