"""The jax backend table: unary misc ops.

See keras_core/_src/ops/numpy/unary_misc.py for the declarations.
"""

import jax.numpy as jnp


def floor(x):
    return jnp.floor(x)


def ceil(x):
    return jnp.ceil(x)


def trunc(x):
    return jnp.trunc(x)


def _round_int(x, decimals):
    # jnp.round refuses integers with decimals < 0: half to even on the
    # exact integers instead. Without x64 the widest dtype is 32-bit, so the
    # remainder is compared with `scale - remainder` (no doubling overflow).
    wide = x.astype(jnp.int32) if x.dtype.itemsize < 4 else x
    scale = jnp.asarray(10 ** (-decimals), wide.dtype)
    quotient = jnp.floor_divide(wide, scale)
    remainder = wide - quotient * scale
    up = (remainder > scale - remainder) | (
        (remainder == scale - remainder) & (quotient % 2 != 0)
    )
    return ((quotient + up.astype(wide.dtype)) * scale).astype(x.dtype)


def round(x, decimals=0):
    if jnp.issubdtype(x.dtype, jnp.integer) and decimals < 0:
        return _round_int(x, decimals)
    return jnp.round(x, decimals=decimals)


def fabs(x):
    return jnp.fabs(x)


def isnan(x):
    return jnp.isnan(x)


def isinf(x):
    return jnp.isinf(x)


def isfinite(x):
    return jnp.isfinite(x)


def isneginf(x):
    return jnp.isneginf(x)


def isposinf(x):
    return jnp.isposinf(x)


def isreal(x):
    return jnp.isreal(x)


def logical_not(x):
    return jnp.logical_not(x)


def signbit(x):
    return jnp.signbit(x)


def conjugate(x):
    return jnp.conjugate(x)


conj = conjugate


def real(x):
    return jnp.real(x)


def imag(x):
    return jnp.imag(x)


def angle(x):
    return jnp.angle(x)


def copy(x):
    return jnp.array(x, copy=True)


def nan_to_num(x, nan=0.0, posinf=None, neginf=None):
    return jnp.nan_to_num(x, nan=nan, posinf=posinf, neginf=neginf)


def bitwise_invert(x):
    return jnp.invert(x)


bitwise_not = bitwise_invert
