"""The numpy backend table: determinants, inverses and solvers.

See keras_core/_src/ops/linalg/solvers.py for the declarations.
"""

import numpy as np

from keras_core._src.backend.common import linalg_checks as checks


def _default_rcond(x):
    return np.finfo(x.dtype).eps * max(x.shape[-2:])


def det(x):
    checks.check_square("det", x)
    return np.asarray(np.linalg.det(x))


def inv(x):
    checks.check_square("inv", x)
    x = checks.invertible_placeholder(x)
    return np.linalg.inv(x)


def lstsq(a, b, rcond=None):
    checks.check_lstsq(a, b)
    rcond = _default_rcond(a) if rcond is None else rcond
    return np.linalg.lstsq(a, b, rcond=rcond)[0]


def matrix_rank(x, tol=None):
    checks.check_matrix("matrix_rank", x)
    values = np.linalg.svd(x, compute_uv=False)
    if tol is None:
        tol = np.max(values, axis=-1, keepdims=True) * _default_rcond(x)
    else:
        tol = np.expand_dims(np.asarray(tol), -1)
    return np.asarray(np.sum(values > tol, axis=-1), dtype="int32")


def pinv(x, rcond=None):
    checks.check_matrix("pinv", x)
    rcond = _default_rcond(x) if rcond is None else rcond
    return np.linalg.pinv(x, rcond=rcond)


def solve(a, b):
    vector = checks.check_right_hand_side("solve", a, b)
    a = checks.invertible_placeholder(a)
    if vector:
        return np.linalg.solve(a, b[:, None])[..., 0]
    return np.linalg.solve(a, b)


def solve_triangular(a, b, lower=False):
    vector = checks.check_right_hand_side("solve_triangular", a, b)
    a = checks.invertible_placeholder(a)
    # Only the named triangle of `a` is read.
    triangle = np.tril(a) if lower else np.triu(a)
    if vector:
        return np.linalg.solve(triangle, b[:, None])[..., 0]
    return np.linalg.solve(triangle, b)
