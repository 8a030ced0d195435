"""The torch backend table: unary math ops.

See keras_core/_src/ops/numpy/unary_math.py for the declarations.
"""

import torch


def sign(x):
    result = torch.sign(x)
    if x.dtype.is_floating_point:
        # torch.sign(nan) is 0; NumPy keeps the NaN.
        result = torch.where(torch.isnan(x), x, result)
    return result


def square(x):
    return torch.square(x)


def exp2(x):
    return torch.exp2(x)


def expm1(x):
    return torch.expm1(x)


def log(x):
    return torch.log(x)


def log2(x):
    return torch.log2(x)


def log10(x):
    return torch.log10(x)


def log1p(x):
    return torch.log1p(x)


def sin(x):
    return torch.sin(x)


def cos(x):
    return torch.cos(x)


def tan(x):
    return torch.tan(x)


def arcsin(x):
    return torch.asin(x)


def arccos(x):
    return torch.acos(x)


def arctan(x):
    return torch.atan(x)


def sinh(x):
    return torch.sinh(x)


def cosh(x):
    return torch.cosh(x)


def tanh(x):
    return torch.tanh(x)


def arcsinh(x):
    return torch.asinh(x)


def arccosh(x):
    return torch.acosh(x)


def arctanh(x):
    return torch.atanh(x)


def cbrt(x):
    # torch has no cube root; |x| ** (1/3) with the sign of x (copysign
    # also keeps -0.0 and NaN as NumPy does).
    return torch.copysign(torch.pow(torch.abs(x), 1.0 / 3.0), x)


def reciprocal(x):
    return torch.reciprocal(x)


def deg2rad(x):
    return torch.deg2rad(x)


def rad2deg(x):
    return torch.rad2deg(x)


def sinc(x):
    return torch.sinc(x)


def i0(x):
    return torch.special.i0(x)
