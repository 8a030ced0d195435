"""The jax backend table: unary math ops.

See keras_core/_src/ops/numpy/unary_math.py for the declarations.
"""

import jax.numpy as jnp


def sign(x):
    return jnp.sign(x)


def square(x):
    return jnp.square(x)


def exp2(x):
    return jnp.exp2(x)


def expm1(x):
    return jnp.expm1(x)


def log(x):
    return jnp.log(x)


def log2(x):
    return jnp.log2(x)


def log10(x):
    return jnp.log10(x)


def log1p(x):
    return jnp.log1p(x)


def sin(x):
    return jnp.sin(x)


def cos(x):
    return jnp.cos(x)


def tan(x):
    return jnp.tan(x)


def arcsin(x):
    return jnp.arcsin(x)


def arccos(x):
    return jnp.arccos(x)


def arctan(x):
    return jnp.arctan(x)


def sinh(x):
    return jnp.sinh(x)


def cosh(x):
    return jnp.cosh(x)


def tanh(x):
    return jnp.tanh(x)


def arcsinh(x):
    return jnp.arcsinh(x)


def arccosh(x):
    return jnp.arccosh(x)


def arctanh(x):
    return jnp.arctanh(x)


def cbrt(x):
    return jnp.cbrt(x)


def reciprocal(x):
    return jnp.reciprocal(x)


def deg2rad(x):
    return jnp.deg2rad(x)


def rad2deg(x):
    return jnp.rad2deg(x)


def sinc(x):
    return jnp.sinc(x)


def i0(x):
    return jnp.i0(x)
