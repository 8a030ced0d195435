"""The numpy backend table: crossentropy losses.

See keras_core/_src/ops/nn/losses.py for the declarations.
"""

import numpy as np

from keras_core._src.backend.common.config import epsilon


def _log_softmax(x, axis):
    shifted = x - np.max(x, axis=axis, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=axis, keepdims=True))


def _clipped_log(p, axis=None):
    # Rescaled to sum to 1 along the class axis (categorical only), then
    # clipped as Keras does so that log(0) costs -log(epsilon).
    if axis is not None:
        p = p / np.sum(p, axis=axis, keepdims=True)
    eps = np.asarray(epsilon(), p.dtype)
    return np.log(np.clip(p, eps, 1 - eps))


def binary_crossentropy(target, output, from_logits=False):
    if from_logits:
        # max(x, 0) - x z + log(1 + exp(-|x|)): no overflow for huge |x|.
        return (
            np.maximum(output, 0) - output * target + np.log1p(np.exp(-np.abs(output)))
        )
    eps = np.asarray(epsilon(), output.dtype)
    p = np.clip(output, eps, 1 - eps)
    return -(target * np.log(p) + (1 - target) * np.log(1 - p))


def categorical_crossentropy(target, output, from_logits=False, axis=-1):
    if from_logits:
        log_p = _log_softmax(output, axis)
    else:
        log_p = _clipped_log(output, axis)
    return -np.sum(target * log_p, axis=axis)


def sparse_categorical_crossentropy(target, output, from_logits=False, axis=-1):
    axis = axis % output.ndim
    if from_logits:
        log_p = _log_softmax(output, axis)
    else:
        log_p = _clipped_log(output, axis)
    classes = np.arange(output.shape[axis], dtype=target.dtype)
    classes = np.reshape(classes, (-1,) + (1,) * (output.ndim - 1 - axis))
    # One-hot by comparison: out-of-range indices select nothing (loss 0).
    one_hot = np.expand_dims(target, axis) == classes
    return -np.sum(np.where(one_hot, log_p, 0), axis=axis).astype(output.dtype)
