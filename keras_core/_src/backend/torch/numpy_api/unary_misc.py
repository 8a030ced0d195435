"""The torch backend table: unary misc ops.

See keras_core/_src/ops/numpy/unary_misc.py for the declarations.
torch has no float kernels for some of these on integers or booleans, so
those inputs take NumPy's answer directly (identity, all False, ...).
"""

import torch


def _is_float(x):
    return torch.is_floating_point(x)


def floor(x):
    return torch.floor(x)


def ceil(x):
    return torch.ceil(x)


def trunc(x):
    if _is_float(x):
        return torch.trunc(x)
    return x.clone()


def _round_int(x, decimals):
    # Half to even on the exact integers, in int64 so that the scale and the
    # remainder cannot overflow narrow dtypes; the cast back wraps as NumPy.
    scale = 10 ** (-decimals)
    wide = x.to(torch.int64)
    quotient = torch.div(wide, scale, rounding_mode="floor")
    remainder = wide - quotient * scale
    up = (remainder > scale - remainder) | (
        (remainder == scale - remainder) & (quotient % 2 != 0)
    )
    return ((quotient + up.to(torch.int64)) * scale).to(x.dtype)


def round(x, decimals=0):
    if not _is_float(x):
        return _round_int(x, decimals) if decimals < 0 else x.clone()
    # NumPy's scaling: multiply by 10**decimals (or divide for negative
    # decimals, so that the scale stays exact), round half to even, undo.
    if decimals >= 0:
        scale = 10.0**decimals
        return torch.round(x * scale) / scale
    scale = 10.0 ** (-decimals)
    return torch.round(x / scale) * scale


def fabs(x):
    return torch.abs(x)


def isnan(x):
    if _is_float(x) or x.is_complex():
        return torch.isnan(x)
    return torch.zeros_like(x, dtype=torch.bool)


def isinf(x):
    if _is_float(x) or x.is_complex():
        return torch.isinf(x)
    return torch.zeros_like(x, dtype=torch.bool)


def isfinite(x):
    if _is_float(x) or x.is_complex():
        return torch.isfinite(x)
    return torch.ones_like(x, dtype=torch.bool)


def isneginf(x):
    if _is_float(x):
        return torch.isneginf(x)
    return torch.zeros_like(x, dtype=torch.bool)


def isposinf(x):
    if _is_float(x):
        return torch.isposinf(x)
    return torch.zeros_like(x, dtype=torch.bool)


def isreal(x):
    if x.is_complex():
        return torch.imag(x) == 0
    return torch.ones_like(x, dtype=torch.bool)


def logical_not(x):
    return torch.logical_not(x)


def signbit(x):
    if _is_float(x):
        return torch.signbit(x)
    if x.dtype == torch.bool or not x.dtype.is_signed:
        return torch.zeros_like(x, dtype=torch.bool)
    return x < 0


def conjugate(x):
    if x.is_complex():
        return torch.conj_physical(x)
    return x.clone()


conj = conjugate


def real(x):
    if x.is_complex():
        return torch.real(x)
    return x.clone()


def imag(x):
    if x.is_complex():
        return torch.imag(x)
    return torch.zeros_like(x)


def angle(x):
    if x.is_complex():
        return torch.angle(x)
    # atan2(0, x): pi for negatives and -0.0, NaN for NaN, as NumPy.
    return torch.atan2(torch.zeros_like(x), x)


def copy(x):
    return x.clone()


def nan_to_num(x, nan=0.0, posinf=None, neginf=None):
    if not _is_float(x):
        return x.clone()
    return torch.nan_to_num(x, nan=nan, posinf=posinf, neginf=neginf)


def bitwise_invert(x):
    return torch.bitwise_not(x)


bitwise_not = bitwise_invert
