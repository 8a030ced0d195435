"""The numpy backend table: arithmetic NumPy-API ops (ops/numpy/arithmetic.py)."""

import numpy as np


def add(x1, x2):
    return np.add(x1, x2)


def subtract(x1, x2):
    return np.subtract(x1, x2)


def multiply(x1, x2):
    return np.multiply(x1, x2)


def true_divide(x1, x2):
    return np.true_divide(x1, x2)


divide = true_divide


def maximum(x1, x2):
    return np.maximum(x1, x2)


def minimum(x1, x2):
    return np.minimum(x1, x2)


def equal(x1, x2):
    return np.equal(x1, x2)


def less(x1, x2):
    return np.less(x1, x2)


def negative(x):
    return np.negative(x)


def absolute(x):
    return np.absolute(x)


def sqrt(x):
    return np.sqrt(x)


def exp(x):
    return np.exp(x)


def fmax(x1, x2):
    return np.fmax(x1, x2)


def fmin(x1, x2):
    return np.fmin(x1, x2)
