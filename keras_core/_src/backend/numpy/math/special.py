"""The numpy backend table: special functions (see ops/math/special.py)."""

import math

import numpy as np

from keras_core._src.backend.common.math import checks


def _scipy_special():
    """SciPy's special functions when installed (fast); None otherwise.

    Imported on first use: SciPy is not a dependency, and importing it with
    keras_core would cost import time.
    """
    try:
        import scipy.special
    except ImportError:
        return None
    return scipy.special


# Exact in double precision, element by element: the fallback without SciPy.
_math_erf = np.vectorize(math.erf, otypes=["float64"])
_math_erfc = np.vectorize(math.erfc, otypes=["float64"])


def _erfinv_newton(x):
    """erfinv by Newton's method on erf, from a logarithmic first guess."""
    x = np.asarray(x, dtype="float64")
    inside = np.abs(x) < 1
    safe = np.where(inside, x, 0.0)
    # Giles' single-precision approximation is within 1e-6: two Newton
    # steps reach double precision.
    w = -np.log((1.0 - safe) * (1.0 + safe))
    small = w < 5.0
    w_small, w_large = w - 2.5, np.sqrt(np.maximum(w, 5.0)) - 3.0
    p_small = np.polyval(
        [
            2.81022636e-08,
            3.43273939e-07,
            -3.5233877e-06,
            -4.39150654e-06,
            0.00021858087,
            -0.00125372503,
            -0.00417768164,
            0.246640727,
            1.50140941,
        ],
        w_small,
    )
    p_large = np.polyval(
        [
            -0.000200214257,
            0.000100950558,
            0.00134934322,
            -0.00367342844,
            0.00573950773,
            -0.0076224613,
            0.00943887047,
            1.00167406,
            2.83297682,
        ],
        w_large,
    )
    y = np.where(small, p_small, p_large) * safe
    for _ in range(2):
        y = y - (_math_erf(y) - safe) / (2 / math.sqrt(math.pi) * np.exp(-y * y))
    edge = np.where(np.abs(x) == 1, np.sign(x) * np.inf, np.nan)
    return np.where(inside, y, edge)


def _keep(x, result):
    # SciPy computes half precision in float32: give back x's dtype.
    return np.asarray(result).astype(x.dtype)


def erf(x):
    special = _scipy_special()
    return _keep(x, special.erf(x) if special else _math_erf(x))


def erfc(x):
    special = _scipy_special()
    return _keep(x, special.erfc(x) if special else _math_erfc(x))


def erfinv(x):
    special = _scipy_special()
    return _keep(x, special.erfinv(x) if special else _erfinv_newton(x))


def rsqrt(x):
    return _keep(x, 1 / np.sqrt(x))


def logsumexp(x, axis=None, keepdims=False):
    axis = tuple(axis) if isinstance(axis, list) else axis
    wide = np.asarray(x, dtype=np.promote_types(x.dtype, "float32"))
    # Shifted by the maximum (0 where it is infinite) so exp cannot overflow.
    peak = np.max(wide, axis=axis, keepdims=True)
    peak = np.where(np.isfinite(peak), peak, 0.0)
    with np.errstate(divide="ignore"):
        total = np.log(np.sum(np.exp(wide - peak), axis=axis, keepdims=True)) + peak
    if not keepdims:
        total = np.reshape(total, ()) if axis is None else np.squeeze(total, axis)
    return _keep(x, total)


def logdet(x):
    checks.check_square("logdet", tuple(x.shape))
    return _keep(x, np.linalg.slogdet(x)[1])


def cdist(x, y):
    checks.check_cdist(tuple(x.shape), tuple(y.shape))
    difference = x[..., :, None, :] - y[..., None, :, :]
    return np.sqrt(np.sum(difference * difference, axis=-1))
