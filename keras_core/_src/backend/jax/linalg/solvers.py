"""The jax backend table: determinants, inverses and solvers.

See keras_core/_src/ops/linalg/solvers.py for the declarations.
"""

import jax
import jax.numpy as jnp

from keras_core._src.backend.common import linalg_checks as checks


def _default_rcond(x):
    return jnp.finfo(x.dtype).eps * max(x.shape[-2:])


def _as_matrices(a, b, vector):
    """`a` and `b` (a column if `vector`) with the same batch dimensions."""
    if vector:
        b = b[:, None]
    batch = jnp.broadcast_shapes(a.shape[:-2], b.shape[:-2])
    a = jnp.broadcast_to(a, batch + a.shape[-2:])
    b = jnp.broadcast_to(b, batch + b.shape[-2:])
    return a, b


def det(x):
    checks.check_square("det", x)
    return jnp.linalg.det(x)


def inv(x):
    checks.check_square("inv", x)
    return jnp.linalg.inv(x)


def lstsq(a, b, rcond=None):
    checks.check_lstsq(a, b)
    rcond = _default_rcond(a) if rcond is None else rcond
    return jnp.linalg.lstsq(a, b, rcond=rcond)[0]


def matrix_rank(x, tol=None):
    checks.check_matrix("matrix_rank", x)
    values = jnp.linalg.svd(x, compute_uv=False)
    if tol is None:
        tol = jnp.max(values, axis=-1, keepdims=True) * _default_rcond(x)
    else:
        tol = jnp.expand_dims(jnp.asarray(tol), -1)
    return jnp.sum(values > tol, axis=-1).astype("int32")


def pinv(x, rcond=None):
    checks.check_matrix("pinv", x)
    rcond = _default_rcond(x) if rcond is None else rcond
    return jnp.linalg.pinv(x, rtol=rcond)


def solve(a, b):
    vector = checks.check_right_hand_side("solve", a, b)
    a, b = _as_matrices(a, b, vector)
    result = jnp.linalg.solve(a, b)
    return result[..., 0] if vector else result


def solve_triangular(a, b, lower=False):
    vector = checks.check_right_hand_side("solve_triangular", a, b)
    a, b = _as_matrices(a, b, vector)
    result = jax.lax.linalg.triangular_solve(a, b, left_side=True, lower=lower)
    return result[..., 0] if vector else result
