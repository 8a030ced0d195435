"""The numpy backend table: unary misc ops.

See keras_core/_src/ops/numpy/unary_misc.py for the declarations.
"""

import ml_dtypes
import numpy as np


def floor(x):
    return np.floor(x)


def ceil(x):
    return np.ceil(x)


def trunc(x):
    return np.trunc(x)


def round(x, decimals=0):
    return np.round(x, decimals=decimals)


def fabs(x):
    return np.fabs(x)


def isnan(x):
    return np.isnan(x)


def isinf(x):
    return np.isinf(x)


def isfinite(x):
    return np.isfinite(x)


def isneginf(x):
    return np.isneginf(x)


def isposinf(x):
    return np.isposinf(x)


def isreal(x):
    return np.isreal(x)


def logical_not(x):
    return np.logical_not(x)


def signbit(x):
    return np.signbit(x)


def conjugate(x):
    return np.conjugate(x)


conj = conjugate


def real(x):
    return np.real(x)


def imag(x):
    return np.imag(x)


def angle(x):
    return np.angle(x)


def copy(x):
    return np.array(x, copy=True)


def nan_to_num(x, nan=0.0, posinf=None, neginf=None):
    if x.dtype.kind in "biu":
        return np.array(x, copy=True)
    # np.nan_to_num leaves ml_dtypes floats (bfloat16) untouched, so the
    # replacement is spelled out with ml_dtypes' finfo, which knows them all.
    info = ml_dtypes.finfo(x.dtype)
    posinf = info.max if posinf is None else posinf
    neginf = info.min if neginf is None else neginf
    x = np.where(np.isnan(x), np.asarray(nan, x.dtype), x)
    x = np.where(x == np.inf, np.asarray(posinf, x.dtype), x)
    return np.where(x == -np.inf, np.asarray(neginf, x.dtype), x)


def bitwise_invert(x):
    return np.invert(x)


bitwise_not = bitwise_invert
