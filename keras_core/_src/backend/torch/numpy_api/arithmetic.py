"""The torch backend table: arithmetic NumPy-API ops (ops/numpy/arithmetic.py)."""

import torch


def add(x1, x2):
    return torch.add(x1, x2)


def subtract(x1, x2):
    return torch.subtract(x1, x2)


def multiply(x1, x2):
    return torch.multiply(x1, x2)


def true_divide(x1, x2):
    return torch.true_divide(x1, x2)


divide = true_divide


def maximum(x1, x2):
    return torch.maximum(x1, x2)


def minimum(x1, x2):
    return torch.minimum(x1, x2)


def equal(x1, x2):
    return torch.eq(x1, x2)


def less(x1, x2):
    return torch.less(x1, x2)


def negative(x):
    return torch.negative(x)


def absolute(x):
    if x.dtype == torch.bool:
        return x
    return torch.absolute(x)


def sqrt(x):
    return torch.sqrt(x)


def exp(x):
    return torch.exp(x)


def fmax(x1, x2):
    if x1.dtype == torch.bool:
        return torch.logical_or(x1, x2)
    return torch.fmax(x1, x2)


def fmin(x1, x2):
    if x1.dtype == torch.bool:
        return torch.logical_and(x1, x2)
    return torch.fmin(x1, x2)
