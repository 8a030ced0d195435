"""The numpy backend table: unary math ops.

See keras_core/_src/ops/numpy/unary_math.py for the declarations.
"""

import numpy as np


def sign(x):
    return np.sign(x)


def square(x):
    return np.square(x)


def exp2(x):
    return np.exp2(x)


def expm1(x):
    return np.expm1(x)


def log(x):
    return np.log(x)


def log2(x):
    return np.log2(x)


def log10(x):
    return np.log10(x)


def log1p(x):
    return np.log1p(x)


def sin(x):
    return np.sin(x)


def cos(x):
    return np.cos(x)


def tan(x):
    return np.tan(x)


def arcsin(x):
    return np.arcsin(x)


def arccos(x):
    return np.arccos(x)


def arctan(x):
    return np.arctan(x)


def sinh(x):
    return np.sinh(x)


def cosh(x):
    return np.cosh(x)


def tanh(x):
    return np.tanh(x)


def arcsinh(x):
    return np.arcsinh(x)


def arccosh(x):
    return np.arccosh(x)


def arctanh(x):
    return np.arctanh(x)


def cbrt(x):
    return np.cbrt(x)


def reciprocal(x):
    return np.reciprocal(x)


def deg2rad(x):
    return np.deg2rad(x)


def rad2deg(x):
    return np.rad2deg(x)


def sinc(x):
    return np.sinc(x)


def i0(x):
    # np.i0 computes in float64 for every input; keep the input's dtype.
    return np.i0(x).astype(x.dtype)
