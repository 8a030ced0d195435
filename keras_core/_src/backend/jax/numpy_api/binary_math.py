"""The jax backend table: binary math ops.

See keras_core/_src/ops/numpy/binary_math.py for the declarations.
"""

import jax.numpy as jnp


def power(x1, x2):
    return jnp.power(x1, x2)


def floor_divide(x1, x2):
    return jnp.floor_divide(x1, x2)


def mod(x1, x2):
    return jnp.mod(x1, x2)


def fmod(x1, x2):
    return jnp.fmod(x1, x2)


def not_equal(x1, x2):
    return jnp.not_equal(x1, x2)


def greater(x1, x2):
    return jnp.greater(x1, x2)


def greater_equal(x1, x2):
    return jnp.greater_equal(x1, x2)


def less_equal(x1, x2):
    return jnp.less_equal(x1, x2)


def logical_and(x1, x2):
    return jnp.logical_and(x1, x2)


def logical_or(x1, x2):
    return jnp.logical_or(x1, x2)


def logical_xor(x1, x2):
    return jnp.logical_xor(x1, x2)


def arctan2(x1, x2):
    return jnp.arctan2(x1, x2)


def hypot(x1, x2):
    return jnp.hypot(x1, x2)


def logaddexp(x1, x2):
    return jnp.logaddexp(x1, x2)


def logaddexp2(x1, x2):
    return jnp.logaddexp2(x1, x2)


def heaviside(x1, x2):
    return jnp.heaviside(x1, x2)


def nextafter(x1, x2):
    return jnp.nextafter(x1, x2)


def divide_no_nan(x1, x2):
    zero = x2 == 0
    # Divide by 1 where x2 is 0: the unused NaN branch would poison gradients.
    quotient = jnp.divide(x1, jnp.where(zero, jnp.ones_like(x2), x2))
    return jnp.where(zero, jnp.zeros_like(quotient), quotient)


def gcd(x1, x2):
    return jnp.gcd(x1, x2)


def lcm(x1, x2):
    return jnp.lcm(x1, x2)


def ldexp(x1, x2):
    if not jnp.issubdtype(x1.dtype, jnp.floating):
        x1 = x1.astype("float32")
    return jnp.ldexp(x1, x2)


def bitwise_and(x, y):
    return jnp.bitwise_and(x, y)


def bitwise_or(x, y):
    return jnp.bitwise_or(x, y)


def bitwise_xor(x, y):
    return jnp.bitwise_xor(x, y)


def bitwise_left_shift(x, y):
    return jnp.left_shift(x, y)


def bitwise_right_shift(x, y):
    return jnp.right_shift(x, y)


def isclose(x1, x2, rtol=1e-05, atol=1e-08, equal_nan=False):
    return jnp.isclose(x1, x2, rtol=rtol, atol=atol, equal_nan=equal_nan)


def allclose(x1, x2, rtol=1e-05, atol=1e-08, equal_nan=False):
    close = jnp.isclose(x1, x2, rtol=rtol, atol=atol, equal_nan=equal_nan)
    return jnp.all(close)
