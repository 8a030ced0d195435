"""The jax backend table: special functions (see ops/math/special.py)."""

import jax
import jax.numpy as jnp

from keras_core._src.backend.common.math import checks


def erf(x):
    return jax.scipy.special.erf(x)


def erfc(x):
    return jax.scipy.special.erfc(x)


def erfinv(x):
    return jax.scipy.special.erfinv(x)


def rsqrt(x):
    return jax.lax.rsqrt(x)


def logsumexp(x, axis=None, keepdims=False):
    axis = tuple(axis) if isinstance(axis, list) else axis
    return jax.scipy.special.logsumexp(x, axis=axis, keepdims=keepdims)


def logdet(x):
    checks.check_square("logdet", tuple(x.shape))
    return jnp.linalg.slogdet(x)[1]


def cdist(x, y):
    checks.check_cdist(tuple(x.shape), tuple(y.shape))
    difference = x[..., :, None, :] - y[..., None, :, :]
    return jnp.sqrt(jnp.sum(difference * difference, axis=-1))
