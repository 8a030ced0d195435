"""The tensorflow backend table: arithmetic NumPy-API ops (ops/numpy/arithmetic.py).
TensorFlow has no arithmetic on booleans; NumPy's meaning is used instead
(`+` and `maximum` are `or`, `*` and `minimum` are `and`).
"""

from keras_core._src.backend.tensorflow.tf_import import tf


def _is_bool(x):
    return x.dtype == tf.bool


def add(x1, x2):
    if _is_bool(x1):
        return tf.logical_or(x1, x2)
    return tf.add(x1, x2)


def subtract(x1, x2):
    return tf.subtract(x1, x2)


def multiply(x1, x2):
    if _is_bool(x1):
        return tf.logical_and(x1, x2)
    return tf.multiply(x1, x2)


def true_divide(x1, x2):
    return tf.math.truediv(x1, x2)


divide = true_divide


def maximum(x1, x2):
    if _is_bool(x1):
        return tf.logical_or(x1, x2)
    # tf.maximum drops NaNs on some devices; NumPy propagates them.
    result = tf.maximum(x1, x2)
    if x1.dtype.is_floating:
        result = tf.where(tf.math.is_nan(x1) | tf.math.is_nan(x2), x1 + x2, result)
    return result


def minimum(x1, x2):
    if _is_bool(x1):
        return tf.logical_and(x1, x2)
    result = tf.minimum(x1, x2)
    if x1.dtype.is_floating:
        result = tf.where(tf.math.is_nan(x1) | tf.math.is_nan(x2), x1 + x2, result)
    return result


def equal(x1, x2):
    return tf.equal(x1, x2)


def less(x1, x2):
    if _is_bool(x1):
        return tf.logical_and(tf.logical_not(x1), x2)
    return tf.less(x1, x2)


def negative(x):
    return tf.negative(x)


def absolute(x):
    if _is_bool(x):
        return x
    if x.dtype.is_unsigned:
        return x
    return tf.abs(x)


def sqrt(x):
    return tf.sqrt(x)


def exp(x):
    return tf.exp(x)


def _ignoring_nans(x1, x2, result):
    # The other operand where exactly one is NaN; NaN where both are.
    return tf.where(tf.math.is_nan(x1), x2, tf.where(tf.math.is_nan(x2), x1, result))


def fmax(x1, x2):
    if _is_bool(x1):
        return tf.logical_or(x1, x2)
    if x1.dtype.is_floating:
        return _ignoring_nans(x1, x2, tf.maximum(x1, x2))
    return tf.maximum(x1, x2)


def fmin(x1, x2):
    if _is_bool(x1):
        return tf.logical_and(x1, x2)
    if x1.dtype.is_floating:
        return _ignoring_nans(x1, x2, tf.minimum(x1, x2))
    return tf.minimum(x1, x2)
