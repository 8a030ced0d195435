"""The tensorflow backend table: unary math ops.

See keras_core/_src/ops/numpy/unary_math.py for the declarations.
TensorFlow lacks a few of NumPy's functions (exp2, log2, cbrt, sinc, ...)
and some kernels (sign of unsigned ints, Bessel functions under XLA);
they are written here from the ones it has.
"""

import math

from keras_core._src.backend.tensorflow.tf_import import tf


def _constant(value, like):
    return tf.constant(value, dtype=like.dtype)


def sign(x):
    if x.dtype.is_unsigned:
        # No Sign kernel for unsigned ints: the sign is 1 or 0.
        return tf.cast(x > 0, x.dtype)
    return tf.sign(x)


def square(x):
    return tf.square(x)


def exp2(x):
    return tf.pow(_constant(2, x), x)


def expm1(x):
    return tf.math.expm1(x)


def log(x):
    return tf.math.log(x)


def log2(x):
    return tf.math.log(x) / _constant(math.log(2.0), x)


def log10(x):
    return tf.math.log(x) / _constant(math.log(10.0), x)


def log1p(x):
    return tf.math.log1p(x)


def sin(x):
    return tf.sin(x)


def cos(x):
    return tf.cos(x)


def tan(x):
    return tf.tan(x)


def arcsin(x):
    return tf.asin(x)


def arccos(x):
    return tf.acos(x)


def arctan(x):
    return tf.atan(x)


def sinh(x):
    return tf.sinh(x)


def cosh(x):
    return tf.cosh(x)


def tanh(x):
    return tf.tanh(x)


def arcsinh(x):
    return tf.asinh(x)


def arccosh(x):
    return tf.acosh(x)


def arctanh(x):
    return tf.atanh(x)


def cbrt(x):
    # |x| ** (1/3) with the sign of x; tf.sign keeps NaN.
    return tf.sign(x) * tf.pow(tf.abs(x), _constant(1.0 / 3.0, x))


def reciprocal(x):
    return tf.math.reciprocal(x)


def deg2rad(x):
    return x * _constant(math.pi / 180.0, x)


def rad2deg(x):
    return x * _constant(180.0 / math.pi, x)


def sinc(x):
    # sin(pi x) / (pi x), with x = 0 replaced before dividing so that
    # neither the value nor the gradient sees 0 / 0.
    is_zero = tf.equal(x, 0)
    safe = tf.where(is_zero, tf.ones_like(x), x)
    scaled = safe * _constant(math.pi, x)
    return tf.where(is_zero, tf.ones_like(x), tf.sin(scaled) / scaled)


def i0(x):
    # BesselI0 has no XLA kernel but the scaled I0e does:
    # i0(x) = i0e(x) * exp(|x|), the exponential taken in two halves so that
    # it does not overflow before i0 itself does. The Bessel kernels lack
    # bfloat16 (and half on some devices): compute those in float32.
    dtype = x.dtype
    if dtype in (tf.bfloat16, tf.float16):
        x = tf.cast(x, tf.float32)
    half = tf.exp(tf.abs(x) / 2)
    result = tf.math.bessel_i0e(x) * half * half
    return tf.cast(result, dtype)
