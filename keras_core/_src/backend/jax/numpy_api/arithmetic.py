"""The jax backend table: arithmetic NumPy-API ops (ops/numpy/arithmetic.py)."""

import jax.numpy as jnp


def add(x1, x2):
    return jnp.add(x1, x2)


def subtract(x1, x2):
    return jnp.subtract(x1, x2)


def multiply(x1, x2):
    return jnp.multiply(x1, x2)


def true_divide(x1, x2):
    return jnp.true_divide(x1, x2)


divide = true_divide


def maximum(x1, x2):
    return jnp.maximum(x1, x2)


def minimum(x1, x2):
    return jnp.minimum(x1, x2)


def equal(x1, x2):
    return jnp.equal(x1, x2)


def less(x1, x2):
    return jnp.less(x1, x2)


def negative(x):
    return jnp.negative(x)


def absolute(x):
    return jnp.absolute(x)


def sqrt(x):
    return jnp.sqrt(x)


def exp(x):
    return jnp.exp(x)


def fmax(x1, x2):
    return jnp.fmax(x1, x2)


def fmin(x1, x2):
    return jnp.fmin(x1, x2)
