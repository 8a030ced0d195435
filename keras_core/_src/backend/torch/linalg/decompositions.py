"""The torch backend table: matrix decompositions (cholesky, qr, svd...).

See keras_core/_src/ops/linalg/decompositions.py for the declarations.
"""

import torch

from keras_core._src.backend.common import linalg_checks as checks


def cholesky(x, upper=False):
    checks.check_square("cholesky", x)
    return torch.linalg.cholesky(x, upper=upper)


def cholesky_inverse(x, upper=False):
    checks.check_square("cholesky_inverse", x)
    return torch.cholesky_inverse(x, upper=upper)


def eig(x):
    checks.check_square("eig", x)
    values, vectors = torch.linalg.eig(x)
    return values, vectors


def eigh(x):
    checks.check_square("eigh", x)
    values, vectors = torch.linalg.eigh(x, UPLO="L")
    return values, vectors


def lu_factor(x):
    checks.check_square("lu_factor", x)
    lu, pivots = torch.linalg.lu_factor(x)
    # torch counts LAPACK's pivots from 1, NumPy/SciPy from 0.
    return lu, (pivots - 1).to(torch.int32)


def qr(x, mode="reduced"):
    checks.check_qr_mode(mode)
    checks.check_matrix("qr", x)
    q, r = torch.linalg.qr(x, mode=mode)
    return q, r


def svd(x, full_matrices=True, compute_uv=True):
    checks.check_matrix("svd", x)
    if not compute_uv:
        return torch.linalg.svdvals(x)
    u, s, vh = torch.linalg.svd(x, full_matrices=full_matrices)
    return u, s, vh
