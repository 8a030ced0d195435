"""The numpy backend table: matrix decompositions (cholesky, qr, svd...).

See keras_core/_src/ops/linalg/decompositions.py for the declarations.
Inputs arrive as float32/float64 arrays; stacks of matrices (leading
dimensions) are handled as NumPy's linear algebra does.
"""

import numpy as np

from keras_core._src.backend.common import linalg_checks as checks


def _transpose(x):
    return np.swapaxes(x, -1, -2).conj()


def cholesky(x, upper=False):
    checks.check_square("cholesky", x)
    x = checks.invertible_placeholder(x)
    factor = np.linalg.cholesky(x)
    return _transpose(factor) if upper else factor


def cholesky_inverse(x, upper=False):
    checks.check_square("cholesky_inverse", x)
    x = checks.invertible_placeholder(x)
    # The inverse of A = L L^H is L^-H L^-1 (A = U^H U: U^-1 U^-H).
    eye = np.broadcast_to(np.eye(x.shape[-1], dtype=x.dtype), x.shape)
    triangle = np.triu(x) if upper else np.tril(x)
    inverse = np.linalg.solve(triangle, eye)
    if upper:
        return inverse @ _transpose(inverse)
    return _transpose(inverse) @ inverse


def eig(x):
    checks.check_square("eig", x)
    values, vectors = np.linalg.eig(x)
    # NumPy gives real results when every eigenvalue is real: always complex
    # here, as on the other backends.
    complex_dtype = np.result_type(x.dtype, np.complex64)
    return values.astype(complex_dtype), vectors.astype(complex_dtype)


def eigh(x):
    checks.check_square("eigh", x)
    values, vectors = np.linalg.eigh(x, UPLO="L")
    return values, vectors


def lu_factor(x):
    checks.check_square("lu_factor", x)
    # NumPy has no LU: Gaussian elimination with partial pivoting, as
    # LAPACK's getrf, over the whole stack at once.
    lu = np.array(x, copy=True)
    n = x.shape[-1]
    batch = lu.reshape((-1, n, n))
    pivots = np.zeros((batch.shape[0], n), dtype="int32")
    rows = np.arange(batch.shape[0])
    for k in range(n):
        pivot = k + np.argmax(np.abs(batch[:, k:, k]), axis=-1)
        pivots[:, k] = pivot
        swapped = batch[rows, pivot].copy()
        batch[rows, pivot] = batch[:, k]
        batch[:, k] = swapped
        diagonal = batch[:, k, k : k + 1]
        # A zero pivot (singular matrix) leaves its column as is.
        safe = np.where(diagonal == 0, 1, diagonal)
        batch[:, k + 1 :, k] /= safe
        batch[:, k + 1 :, k + 1 :] -= (
            batch[:, k + 1 :, k : k + 1] * batch[:, k : k + 1, k + 1 :]
        )
    return batch.reshape(x.shape), pivots.reshape(x.shape[:-1])


def qr(x, mode="reduced"):
    checks.check_qr_mode(mode)
    checks.check_matrix("qr", x)
    return tuple(np.linalg.qr(x, mode=mode))


def svd(x, full_matrices=True, compute_uv=True):
    checks.check_matrix("svd", x)
    if not compute_uv:
        return np.linalg.svd(x, compute_uv=False)
    return tuple(np.linalg.svd(x, full_matrices=full_matrices))
