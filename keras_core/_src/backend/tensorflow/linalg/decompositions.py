"""The tensorflow backend table: matrix decompositions (cholesky, qr, svd...).

See keras_core/_src/ops/linalg/decompositions.py for the declarations.
"""

from keras_core._src.backend.common import linalg_checks as checks
from keras_core._src.backend.tensorflow.tf_import import tf


def cholesky(x, upper=False):
    checks.check_square("cholesky", x)
    factor = tf.linalg.cholesky(x)
    return tf.linalg.adjoint(factor) if upper else factor


def cholesky_inverse(x, upper=False):
    checks.check_square("cholesky_inverse", x)
    eye = tf.broadcast_to(tf.eye(tf.shape(x)[-1], dtype=x.dtype), tf.shape(x))
    # A = L L^H has inverse L^-H L^-1; A = U^H U has U^-1 U^-H.
    inverse = tf.linalg.triangular_solve(x, eye, lower=not upper)
    if upper:
        return tf.matmul(inverse, inverse, adjoint_b=True)
    return tf.matmul(inverse, inverse, adjoint_a=True)


def eig(x):
    checks.check_square("eig", x)
    values, vectors = tf.linalg.eig(x)
    return values, vectors


def eigh(x):
    checks.check_square("eigh", x)
    values, vectors = tf.linalg.eigh(x)
    return values, vectors


def lu_factor(x):
    checks.check_square("lu_factor", x)
    # Gaussian elimination with partial pivoting, as LAPACK's getrf, one
    # column at a time over the whole batch: tf.linalg.lu has no XLA
    # kernel and reports a permutation rather than LAPACK's pivots.
    n = x.shape[-1]
    index = tf.range(n)
    rows, columns = index[:, None], index[None, :]
    lu = x
    pivots = []
    for k in range(n):
        pivot = k + tf.argmax(tf.abs(lu[..., k:, k]), axis=-1, output_type=tf.int32)
        pivots.append(pivot)
        # Swap rows k and pivot (a no-op where they are the same row).
        at_pivot = tf.equal(index, pivot[..., None])[..., :, None]
        pivot_row = tf.reduce_sum(tf.where(at_pivot, lu, tf.zeros_like(lu)), -2)
        row_k = lu[..., k, :]
        lu = tf.where(at_pivot, row_k[..., None, :], lu)
        lu = tf.where(tf.equal(rows, k), pivot_row[..., None, :], lu)
        # Eliminate below the pivot; a zero pivot leaves its column as is.
        diagonal = lu[..., k : k + 1, k : k + 1]
        safe = tf.where(tf.equal(diagonal, 0), tf.ones_like(diagonal), diagonal)
        multipliers = lu[..., :, k : k + 1] / safe
        below = rows > k
        update = multipliers * pivot_row[..., None, :]
        lu = tf.where(below & (columns > k), lu - update, lu)
        lu = tf.where(below & tf.equal(columns, k), multipliers, lu)
    return lu, tf.stack(pivots, axis=-1)


def qr(x, mode="reduced"):
    checks.check_qr_mode(mode)
    checks.check_matrix("qr", x)
    q, r = tf.linalg.qr(x, full_matrices=mode == "complete")
    return q, r


def svd(x, full_matrices=True, compute_uv=True):
    checks.check_matrix("svd", x)
    if not compute_uv:
        return tf.linalg.svd(x, compute_uv=False)
    s, u, v = tf.linalg.svd(x, full_matrices=full_matrices)
    # NumPy's convention: the third factor is V^H, not V.
    return u, s, tf.linalg.adjoint(v)
