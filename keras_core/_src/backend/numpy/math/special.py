"""The numpy backend table: special functions (see ops/math/special.py)."""

import numpy as np
import scipy.special

from keras_core._src.backend.common.math import checks


def _keep(x, result):
    # SciPy computes half precision in float32: give back x's dtype.
    return np.asarray(result).astype(x.dtype)


def erf(x):
    return _keep(x, scipy.special.erf(x))


def erfc(x):
    return _keep(x, scipy.special.erfc(x))


def erfinv(x):
    return _keep(x, scipy.special.erfinv(x))


def rsqrt(x):
    return _keep(x, 1 / np.sqrt(x))


def logsumexp(x, axis=None, keepdims=False):
    axis = tuple(axis) if isinstance(axis, list) else axis
    return _keep(x, scipy.special.logsumexp(x, axis=axis, keepdims=keepdims))


def logdet(x):
    checks.check_square("logdet", tuple(x.shape))
    return _keep(x, np.linalg.slogdet(x)[1])


def cdist(x, y):
    checks.check_cdist(tuple(x.shape), tuple(y.shape))
    difference = x[..., :, None, :] - y[..., None, :, :]
    return np.sqrt(np.sum(difference * difference, axis=-1))
