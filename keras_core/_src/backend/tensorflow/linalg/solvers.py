"""The tensorflow backend table: determinants, inverses and solvers.

See keras_core/_src/ops/linalg/solvers.py for the declarations.
"""

import numpy as np

from keras_core._src.backend.common import linalg_checks as checks
from keras_core._src.backend.tensorflow.linalg.decompositions import lu_factor
from keras_core._src.backend.tensorflow.tf_import import tf


def _rcond(x, rcond):
    """NumPy's default cut-off: eps times the larger matrix dimension."""
    if rcond is not None:
        return tf.cast(rcond, x.dtype)
    eps = float(np.finfo(x.dtype.as_numpy_dtype).eps)
    # The dimensions may be unknown while tracing: read at run time.
    return eps * tf.cast(tf.reduce_max(tf.shape(x)[-2:]), x.dtype)


def _as_matrices(a, b, vector):
    """`a` and `b` (a column if `vector`) with the same batch dimensions."""
    if vector:
        b = b[:, None]
    batch = tf.broadcast_dynamic_shape(tf.shape(a)[:-2], tf.shape(b)[:-2])
    a = tf.broadcast_to(a, tf.concat([batch, tf.shape(a)[-2:]], 0))
    b = tf.broadcast_to(b, tf.concat([batch, tf.shape(b)[-2:]], 0))
    return a, b


def det(x):
    checks.check_square("det", x)
    # From the LU factors, as tf.linalg.det has no XLA kernel: the product
    # of U's diagonal, negated once per row swap.
    lu, pivots = lu_factor(x)
    swaps = tf.reduce_sum(tf.cast(pivots != tf.range(x.shape[-1]), tf.int32), axis=-1)
    sign = tf.cast(1 - 2 * (swaps % 2), x.dtype)
    return sign * tf.reduce_prod(tf.linalg.diag_part(lu), axis=-1)


def inv(x):
    checks.check_square("inv", x)
    return tf.linalg.inv(x)


def lstsq(a, b, rcond=None):
    checks.check_lstsq(a, b)
    # The SVD-based solution of NumPy (gelsd): minimum norm, rank-revealing.
    inverse = tf.linalg.pinv(a, rcond=_rcond(a, rcond))
    if len(b.shape) == 1:
        return tf.linalg.matvec(inverse, b)
    return tf.matmul(inverse, b)


def matrix_rank(x, tol=None):
    checks.check_matrix("matrix_rank", x)
    values = tf.linalg.svd(x, compute_uv=False)
    if tol is None:
        tol = tf.reduce_max(values, axis=-1, keepdims=True) * _rcond(x, None)
    else:
        tol = tf.expand_dims(tf.cast(tol, values.dtype), -1)
    return tf.reduce_sum(tf.cast(values > tol, tf.int32), axis=-1)


def pinv(x, rcond=None):
    checks.check_matrix("pinv", x)
    return tf.linalg.pinv(x, rcond=_rcond(x, rcond))


def solve(a, b):
    vector = checks.check_right_hand_side("solve", a, b)
    a, b = _as_matrices(a, b, vector)
    result = tf.linalg.solve(a, b)
    return result[..., 0] if vector else result


def solve_triangular(a, b, lower=False):
    vector = checks.check_right_hand_side("solve_triangular", a, b)
    a, b = _as_matrices(a, b, vector)
    result = tf.linalg.triangular_solve(a, b, lower=lower)
    return result[..., 0] if vector else result
