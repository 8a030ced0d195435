"""The torch backend table: determinants, inverses and solvers.

See keras_core/_src/ops/linalg/solvers.py for the declarations.
"""

import torch

from keras_core._src.backend.common import linalg_checks as checks


def _default_rcond(x):
    return torch.finfo(x.dtype).eps * max(x.shape[-2:])


def _as_matrices(a, b, vector):
    """`a` and `b` (a column if `vector`) with the same batch dimensions.

    With equal ranks torch never reads `b` as a batch of vectors.
    """
    if vector:
        b = b[:, None]
    batch = torch.broadcast_shapes(a.shape[:-2], b.shape[:-2])
    return a.expand(batch + a.shape[-2:]), b.expand(batch + b.shape[-2:])


def det(x):
    checks.check_square("det", x)
    return torch.linalg.det(x)


def inv(x):
    checks.check_square("inv", x)
    return torch.linalg.inv(x)


def lstsq(a, b, rcond=None):
    checks.check_lstsq(a, b)
    # The SVD-based solution of NumPy (gelsd): minimum norm, rank-revealing.
    return torch.linalg.pinv(a, rtol=_rcond(a, rcond)) @ b


def _rcond(x, rcond):
    return _default_rcond(x) if rcond is None else rcond


def matrix_rank(x, tol=None):
    checks.check_matrix("matrix_rank", x)
    values = torch.linalg.svdvals(x)
    if tol is None:
        tol = torch.amax(values, dim=-1, keepdim=True) * _default_rcond(x)
    else:
        tol = torch.as_tensor(tol, dtype=values.dtype).unsqueeze(-1)
    return torch.sum(values > tol, dim=-1).to(torch.int32)


def pinv(x, rcond=None):
    checks.check_matrix("pinv", x)
    return torch.linalg.pinv(x, rtol=_rcond(x, rcond))


def solve(a, b):
    vector = checks.check_right_hand_side("solve", a, b)
    a, b = _as_matrices(a, b, vector)
    result = torch.linalg.solve(a, b)
    return result[..., 0] if vector else result


def solve_triangular(a, b, lower=False):
    vector = checks.check_right_hand_side("solve_triangular", a, b)
    a, b = _as_matrices(a, b, vector)
    result = torch.linalg.solve_triangular(a, b, upper=not lower)
    return result[..., 0] if vector else result
