"""The jax backend table: matrix decompositions (cholesky, qr, svd...).

See keras_core/_src/ops/linalg/decompositions.py for the declarations.
"""

import jax
import jax.numpy as jnp

from keras_core._src.backend.common import linalg_checks as checks


def _transpose(x):
    return jnp.conj(jnp.swapaxes(x, -1, -2))


def cholesky(x, upper=False):
    checks.check_square("cholesky", x)
    # The value reads only the lower triangle, as NumPy's; the gradient is
    # that of the symmetric part, as on torch and TensorFlow.
    symmetric = (x + _transpose(x)) / 2
    lower = jnp.tril(x) + _transpose(jnp.tril(x, -1))
    x = symmetric + jax.lax.stop_gradient(lower - symmetric)
    factor = jnp.linalg.cholesky(x, symmetrize_input=False)
    return _transpose(factor) if upper else factor


def cholesky_inverse(x, upper=False):
    checks.check_square("cholesky_inverse", x)
    eye = jnp.broadcast_to(jnp.eye(x.shape[-1], dtype=x.dtype), x.shape)
    # A = L L^H has inverse L^-H L^-1; A = U^H U has U^-1 U^-H.
    inverse = jax.lax.linalg.triangular_solve(x, eye, left_side=True, lower=not upper)
    if upper:
        return inverse @ _transpose(inverse)
    return _transpose(inverse) @ inverse


def eig(x):
    checks.check_square("eig", x)
    values, vectors = jnp.linalg.eig(x)
    return values, vectors


def eigh(x):
    checks.check_square("eigh", x)
    values, vectors = jnp.linalg.eigh(x, UPLO="L", symmetrize_input=False)
    return values, vectors


def lu_factor(x):
    checks.check_square("lu_factor", x)
    lu, pivots, _ = jax.lax.linalg.lu(x)
    return lu, pivots.astype("int32")


def qr(x, mode="reduced"):
    checks.check_qr_mode(mode)
    checks.check_matrix("qr", x)
    q, r = jnp.linalg.qr(x, mode=mode)
    return q, r


def svd(x, full_matrices=True, compute_uv=True):
    checks.check_matrix("svd", x)
    if not compute_uv:
        return jnp.linalg.svd(x, compute_uv=False)
    u, s, vh = jnp.linalg.svd(x, full_matrices=full_matrices)
    return u, s, vh
