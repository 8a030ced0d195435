"""The torch backend table: binary math ops.

See keras_core/_src/ops/numpy/binary_math.py for the declarations.
Inputs arrive in one compute dtype, so most ops map directly onto torch's.
"""

import torch


def _is_float(x):
    return torch.is_floating_point(x)


def power(x1, x2):
    return torch.pow(x1, x2)


def floor_divide(x1, x2):
    return torch.floor_divide(x1, x2)


def mod(x1, x2):
    return torch.remainder(x1, x2)


def fmod(x1, x2):
    return torch.fmod(x1, x2)


def not_equal(x1, x2):
    return torch.ne(x1, x2)


def greater(x1, x2):
    return torch.gt(x1, x2)


def greater_equal(x1, x2):
    return torch.ge(x1, x2)


def less_equal(x1, x2):
    return torch.le(x1, x2)


def logical_and(x1, x2):
    return torch.logical_and(x1, x2)


def logical_or(x1, x2):
    return torch.logical_or(x1, x2)


def logical_xor(x1, x2):
    return torch.logical_xor(x1, x2)


def arctan2(x1, x2):
    return torch.atan2(x1, x2)


def hypot(x1, x2):
    return torch.hypot(x1, x2)


def logaddexp(x1, x2):
    return torch.logaddexp(x1, x2)


def logaddexp2(x1, x2):
    return torch.logaddexp2(x1, x2)


def heaviside(x1, x2):
    # torch gives x2 at NaN; NumPy propagates the NaN.
    result = torch.heaviside(x1, x2)
    return torch.where(torch.isnan(x1), x1, result)


def nextafter(x1, x2):
    return torch.nextafter(x1, x2)


def divide_no_nan(x1, x2):
    zero = x2 == 0
    # Divide by 1 where x2 is 0: the unused NaN branch would poison gradients.
    quotient = torch.divide(x1, torch.where(zero, torch.ones_like(x2), x2))
    return torch.where(zero, torch.zeros_like(quotient), quotient)


def gcd(x1, x2):
    return torch.gcd(x1, x2)


def lcm(x1, x2):
    return torch.lcm(x1, x2)


def ldexp(x1, x2):
    if not _is_float(x1):
        x1 = x1.to(torch.float32)
    # torch.ldexp writes into a tensor of x1's shape: broadcast first.
    x1, x2 = torch.broadcast_tensors(x1, x2)
    return torch.ldexp(x1, x2)


def bitwise_and(x, y):
    return torch.bitwise_and(x, y)


def bitwise_or(x, y):
    return torch.bitwise_or(x, y)


def bitwise_xor(x, y):
    return torch.bitwise_xor(x, y)


def bitwise_left_shift(x, y):
    return torch.bitwise_left_shift(x, y)


def bitwise_right_shift(x, y):
    return torch.bitwise_right_shift(x, y)


def isclose(x1, x2, rtol=1e-05, atol=1e-08, equal_nan=False):
    if not _is_float(x1):
        # Integer differences could wrap around (uint8); NumPy compares
        # integers as floats.
        x1 = x1.to(torch.float64)
        x2 = x2.to(torch.float64)
    return torch.isclose(x1, x2, rtol=rtol, atol=atol, equal_nan=equal_nan)


def allclose(x1, x2, rtol=1e-05, atol=1e-08, equal_nan=False):
    return torch.all(isclose(x1, x2, rtol=rtol, atol=atol, equal_nan=equal_nan))
