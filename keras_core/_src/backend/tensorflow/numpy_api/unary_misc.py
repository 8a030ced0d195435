"""The tensorflow backend table: unary misc ops.

See keras_core/_src/ops/numpy/unary_misc.py for the declarations.
TensorFlow's float ops have no kernels for integers or booleans, and few
kernels for unsigned integers; those inputs take NumPy's answer directly or
are computed in a wider signed dtype.
"""

import math

from keras_core._src.backend.tensorflow.tf_import import tf

# Signed integers of the same width, to read the sign bit of a float.
_SAME_WIDTH_INT = {
    tf.bfloat16: tf.int16,
    tf.float16: tf.int16,
    tf.float32: tf.int32,
    tf.float64: tf.int64,
}


def _is_float(x):
    return x.dtype.is_floating


def _falses(x):
    return tf.zeros(tf.shape(x), dtype=tf.bool)


def _trues(x):
    return tf.ones(tf.shape(x), dtype=tf.bool)


def floor(x):
    return tf.math.floor(x)


def ceil(x):
    return tf.math.ceil(x)


def trunc(x):
    if not _is_float(x):
        return tf.identity(x)
    return tf.where(x < 0, tf.math.ceil(x), tf.math.floor(x))


def _round_int(x, decimals):
    # Half to even on the exact integers, in int64 so that the scale and the
    # remainder cannot overflow narrow dtypes; the cast back wraps as NumPy.
    scale = tf.constant(10 ** (-decimals), tf.int64)
    wide = tf.cast(x, tf.int64)
    quotient = tf.math.floordiv(wide, scale)
    remainder = wide - quotient * scale
    up = (remainder > scale - remainder) | (
        (remainder == scale - remainder) & (tf.math.floormod(quotient, 2) != 0)
    )
    return tf.cast((quotient + tf.cast(up, tf.int64)) * scale, x.dtype)


def round(x, decimals=0):
    if not _is_float(x):
        return _round_int(x, decimals) if decimals < 0 else tf.identity(x)
    # NumPy's scaling: multiply by 10**decimals (or divide for negative
    # decimals, so that the scale stays exact); tf.round is half to even.
    if decimals >= 0:
        scale = tf.constant(10.0**decimals, x.dtype)
        return tf.round(x * scale) / scale
    scale = tf.constant(10.0 ** (-decimals), x.dtype)
    return tf.round(x / scale) * scale


def fabs(x):
    return tf.abs(x)


def isnan(x):
    if _is_float(x):
        return tf.math.is_nan(x)
    if x.dtype.is_complex:
        return tf.math.is_nan(tf.math.real(x)) | tf.math.is_nan(tf.math.imag(x))
    return _falses(x)


def isinf(x):
    if _is_float(x):
        return tf.math.is_inf(x)
    if x.dtype.is_complex:
        return tf.math.is_inf(tf.math.real(x)) | tf.math.is_inf(tf.math.imag(x))
    return _falses(x)


def isfinite(x):
    if _is_float(x):
        return tf.math.is_finite(x)
    if x.dtype.is_complex:
        return tf.math.is_finite(tf.math.real(x)) & tf.math.is_finite(tf.math.imag(x))
    return _trues(x)


def isneginf(x):
    if _is_float(x):
        return tf.equal(x, tf.constant(-math.inf, x.dtype))
    return _falses(x)


def isposinf(x):
    if _is_float(x):
        return tf.equal(x, tf.constant(math.inf, x.dtype))
    return _falses(x)


def isreal(x):
    if x.dtype.is_complex:
        return tf.equal(tf.math.imag(x), 0)
    return _trues(x)


def logical_not(x):
    if x.dtype == tf.bool:
        return tf.logical_not(x)
    if x.dtype.is_unsigned:
        # No comparison kernels for some unsigned dtypes; int64 holds them.
        x = tf.cast(x, tf.int64)
    return tf.equal(x, tf.zeros([], x.dtype))


def signbit(x):
    if _is_float(x):
        # The sign bit itself, so that -0.0 and negative NaNs count.
        return tf.bitcast(x, _SAME_WIDTH_INT[x.dtype]) < 0
    if x.dtype == tf.bool or x.dtype.is_unsigned:
        return _falses(x)
    return x < 0


def conjugate(x):
    if x.dtype.is_complex:
        return tf.math.conj(x)
    return tf.identity(x)


conj = conjugate


def real(x):
    if x.dtype.is_complex:
        return tf.math.real(x)
    return tf.identity(x)


def imag(x):
    if x.dtype.is_complex:
        return tf.math.imag(x)
    return tf.zeros_like(x)


def angle(x):
    if x.dtype.is_complex:
        return tf.math.angle(x)
    # atan2(0, x): pi for negatives and -0.0, NaN for NaN, as NumPy.
    return tf.math.atan2(tf.zeros_like(x), x)


def copy(x):
    return tf.identity(x)


def nan_to_num(x, nan=0.0, posinf=None, neginf=None):
    if not _is_float(x):
        return tf.identity(x)
    posinf = x.dtype.max if posinf is None else posinf
    neginf = x.dtype.min if neginf is None else neginf
    x = tf.where(tf.math.is_nan(x), tf.constant(nan, x.dtype), x)
    x = tf.where(tf.equal(x, math.inf), tf.constant(posinf, x.dtype), x)
    return tf.where(tf.equal(x, -math.inf), tf.constant(neginf, x.dtype), x)


def bitwise_invert(x):
    if x.dtype == tf.bool:
        return tf.logical_not(x)
    return tf.bitwise.invert(x)


bitwise_not = bitwise_invert
