"""The tensorflow backend table: special functions (see ops/math/special.py)."""

import tensorflow as tf

from keras_core._src.backend.common.math import checks


def _half_in_float32(function, x):
    # Some TF kernels lack half precision: computed in float32 there.
    if x.dtype in (tf.float16, tf.bfloat16):
        return tf.cast(function(tf.cast(x, "float32")), x.dtype)
    return function(x)


def erf(x):
    return _half_in_float32(tf.math.erf, x)


def erfc(x):
    return _half_in_float32(tf.math.erfc, x)


def erfinv(x):
    return _half_in_float32(tf.math.erfinv, x)


def rsqrt(x):
    return _half_in_float32(tf.math.rsqrt, x)


def logsumexp(x, axis=None, keepdims=False):
    axis = list(axis) if isinstance(axis, tuple) else axis
    return _half_in_float32(
        lambda v: tf.math.reduce_logsumexp(v, axis=axis, keepdims=keepdims), x
    )


def logdet(x):
    checks.check_square("logdet", tuple(x.shape))
    # |det(x)| = |det(R)| of x = QR: XLA has no slogdet kernel and LU has
    # no gradient; QR has both.
    r = tf.linalg.qr(x)[1]
    return tf.reduce_sum(tf.math.log(tf.abs(tf.linalg.diag_part(r))), axis=-1)


def cdist(x, y):
    checks.check_cdist(tuple(x.shape), tuple(y.shape))
    difference = x[..., :, None, :] - y[..., None, :, :]
    return tf.sqrt(tf.reduce_sum(difference * difference, axis=-1))
