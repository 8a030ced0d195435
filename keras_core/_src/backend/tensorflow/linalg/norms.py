"""The tensorflow backend table: vector and matrix norms.

See keras_core/_src/ops/linalg/norms.py for the declaration. `tf.norm`
lacks several of NumPy's orders (matrix 2, -2, 'nuc', -1, -inf), so each
order is written out here; reductions keep their axes until the end.
"""

import math

from keras_core._src.backend.common import linalg_checks as checks
from keras_core._src.backend.tensorflow.tf_import import tf


def _vector_norm(x, ord, axis):
    magnitude = tf.abs(x)
    if ord is None or ord == 2:
        return tf.sqrt(tf.reduce_sum(magnitude * magnitude, axis, keepdims=True))
    if ord == math.inf:
        return tf.reduce_max(magnitude, axis, keepdims=True)
    if ord == -math.inf:
        return tf.reduce_min(magnitude, axis, keepdims=True)
    if ord == 0:
        return tf.reduce_sum(tf.cast(x != 0, x.dtype), axis, keepdims=True)
    if ord == 1:
        return tf.reduce_sum(magnitude, axis, keepdims=True)
    total = tf.reduce_sum(magnitude**ord, axis, keepdims=True)
    return total ** (1.0 / ord)


def _singular_value_norm(x, ord, axes):
    """'nuc', 2 or -2 over the matrices on `axes`, both axes kept (length 1)."""
    others = [a for a in range(len(x.shape)) if a not in axes]
    values = tf.linalg.svd(tf.transpose(x, others + list(axes)), compute_uv=False)
    if ord == "nuc":
        result = tf.reduce_sum(values, -1)
    elif ord == 2:
        result = tf.reduce_max(values, -1)
    else:
        result = tf.reduce_min(values, -1)
    for a in sorted(axes):
        result = tf.expand_dims(result, a)
    return result


def _matrix_norm(x, ord, axes):
    rows, columns = axes
    if ord is None or ord == "fro":
        return tf.sqrt(tf.reduce_sum(tf.abs(x) ** 2, axes, keepdims=True))
    if ord in ("nuc", 2, -2):
        return _singular_value_norm(x, ord, axes)
    # 1 / -1: largest / smallest column sum; inf / -inf: row sums.
    summed = rows if abs(ord) == 1 else columns
    kept = columns if abs(ord) == 1 else rows
    sums = tf.reduce_sum(tf.abs(x), summed, keepdims=True)
    reduce = tf.reduce_max if ord > 0 else tf.reduce_min
    return reduce(sums, kept, keepdims=True)


def norm(x, ord=None, axis=None, keepdims=False):
    kind, axes = checks.norm_axes(x, ord, axis)
    if kind == "flat":
        result = tf.sqrt(tf.reduce_sum(tf.abs(x) ** 2, axes, keepdims=True))
    elif kind == "vector":
        result = _vector_norm(x, ord, axes)
    else:
        result = _matrix_norm(x, ord, axes)
    return result if keepdims else tf.squeeze(result, list(axes))
