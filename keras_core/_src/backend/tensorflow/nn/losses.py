"""The tensorflow backend table: crossentropy losses.

See keras_core/_src/ops/nn/losses.py for the declarations.
"""

import tensorflow as tf

from keras_core._src.backend.common.config import epsilon


def _clipped_log(p, axis=None):
    # Rescaled to sum to 1 along the class axis (categorical only), then
    # clipped as Keras does so that log(0) costs -log(epsilon).
    if axis is not None:
        p = p / tf.reduce_sum(p, axis=axis, keepdims=True)
    eps = tf.constant(epsilon(), p.dtype)
    return tf.math.log(tf.clip_by_value(p, eps, 1 - eps))


def binary_crossentropy(target, output, from_logits=False):
    if from_logits:
        # max(x, 0) - x z + log(1 + exp(-|x|)): no overflow for huge |x|.
        return (
            tf.maximum(output, tf.zeros_like(output))
            - output * target
            + tf.math.log1p(tf.exp(-tf.abs(output)))
        )
    eps = tf.constant(epsilon(), output.dtype)
    p = tf.clip_by_value(output, eps, 1 - eps)
    return -(target * tf.math.log(p) + (1 - target) * tf.math.log(1 - p))


def categorical_crossentropy(target, output, from_logits=False, axis=-1):
    if from_logits:
        log_p = tf.nn.log_softmax(output, axis=axis)
    else:
        log_p = _clipped_log(output, axis)
    return -tf.reduce_sum(target * log_p, axis=axis)


def sparse_categorical_crossentropy(target, output, from_logits=False, axis=-1):
    axis = axis % len(output.shape)
    if from_logits and axis == len(output.shape) - 1 and target.dtype.is_integer:
        return _fused_sparse_crossentropy(target, output)
    if from_logits:
        log_p = tf.nn.log_softmax(output, axis=axis)
    else:
        log_p = _clipped_log(output, axis)
    # One-hot by comparison: out-of-range indices select nothing (loss 0).
    rank = len(output.shape)
    classes = tf.range(tf.shape(output)[axis], dtype=target.dtype)
    classes = tf.reshape(classes, [-1] + [1] * (rank - 1 - axis))
    one_hot = tf.expand_dims(target, axis) == classes
    return -tf.reduce_sum(tf.where(one_hot, log_p, tf.zeros_like(log_p)), axis=axis)


def _fused_sparse_crossentropy(target, logits):
    # TensorFlow's fused kernel computes the loss and its gradient in one op
    # (a step's backward pass then has no softmax or one-hot ops). It
    # rejects out-of-range labels, which the generic path scores 0: those
    # go in as class 0 and come out masked.
    classes = tf.shape(logits, out_type=target.dtype)[-1]
    valid = (target >= 0) & (target < classes)
    safe = tf.where(valid, target, tf.zeros_like(target))
    loss = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=safe, logits=logits)
    return tf.where(valid, loss, tf.zeros_like(loss))
