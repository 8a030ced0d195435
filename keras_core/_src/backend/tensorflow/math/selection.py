"""The tensorflow backend table: top-k selection (see ops/math/selection.py)."""

import tensorflow as tf

from keras_core._src.backend.common.math import checks


def top_k(x, k, sorted=True):
    checks.check_top_k(tuple(x.shape), k)
    # Always sorted: one order on every backend. TF has no bool kernel.
    keys = tf.cast(x, "int32") if x.dtype == tf.bool else x
    _, indices = tf.math.top_k(keys, k=k, sorted=True)
    indices = tf.cast(indices, "int32")
    return tf.gather(x, indices, batch_dims=x.shape.rank - 1), indices


def in_top_k(targets, predictions, k):
    checks.check_in_top_k(tuple(targets.shape), tuple(predictions.shape))
    own = tf.gather(predictions, targets[:, None], batch_dims=1)
    above = tf.reduce_sum(tf.cast(predictions > own, "int32"), axis=1)
    return above < k
