"""The numpy backend table: binary math ops.

See keras_core/_src/ops/numpy/binary_math.py for the declarations.
"""

import numpy as np


def power(x1, x2):
    return np.power(x1, x2)


def floor_divide(x1, x2):
    return np.floor_divide(x1, x2)


def mod(x1, x2):
    return np.mod(x1, x2)


def fmod(x1, x2):
    return np.fmod(x1, x2)


def not_equal(x1, x2):
    return np.not_equal(x1, x2)


def greater(x1, x2):
    return np.greater(x1, x2)


def greater_equal(x1, x2):
    return np.greater_equal(x1, x2)


def less_equal(x1, x2):
    return np.less_equal(x1, x2)


def logical_and(x1, x2):
    return np.logical_and(x1, x2)


def logical_or(x1, x2):
    return np.logical_or(x1, x2)


def logical_xor(x1, x2):
    return np.logical_xor(x1, x2)


def arctan2(x1, x2):
    return np.arctan2(x1, x2)


def hypot(x1, x2):
    return np.hypot(x1, x2)


def logaddexp(x1, x2):
    return np.logaddexp(x1, x2)


def logaddexp2(x1, x2):
    return np.logaddexp2(x1, x2)


def heaviside(x1, x2):
    return np.heaviside(x1, x2)


def nextafter(x1, x2):
    return np.nextafter(x1, x2)


def divide_no_nan(x1, x2):
    zero = x2 == 0
    # Divide by 1 where x2 is 0 so that no warning or NaN is produced.
    quotient = np.divide(x1, np.where(zero, np.ones_like(x2), x2))
    return np.where(zero, np.zeros_like(quotient), quotient)


def gcd(x1, x2):
    return np.gcd(x1, x2)


def lcm(x1, x2):
    return np.lcm(x1, x2)


def ldexp(x1, x2):
    if not np.issubdtype(x1.dtype, np.floating):
        x1 = x1.astype("float32")
    return np.ldexp(x1, x2)


def bitwise_and(x, y):
    return np.bitwise_and(x, y)


def bitwise_or(x, y):
    return np.bitwise_or(x, y)


def bitwise_xor(x, y):
    return np.bitwise_xor(x, y)


def bitwise_left_shift(x, y):
    return np.left_shift(x, y)


def bitwise_right_shift(x, y):
    return np.right_shift(x, y)


def isclose(x1, x2, rtol=1e-05, atol=1e-08, equal_nan=False):
    return np.asarray(np.isclose(x1, x2, rtol=rtol, atol=atol, equal_nan=equal_nan))


def allclose(x1, x2, rtol=1e-05, atol=1e-08, equal_nan=False):
    close = np.isclose(x1, x2, rtol=rtol, atol=atol, equal_nan=equal_nan)
    return np.asarray(np.all(close))
