"""Matrix decompositions: cholesky, eig, eigh, lu_factor, qr, svd.

Inputs are matrices or stacks of them (leading dimensions are batch
dimensions). Factors follow NumPy/SciPy's conventions on every backend
(`svd` gives V^H, `lu_factor` gives LAPACK's 0-based pivots). Eigenvectors
and the factors of `qr` and `svd` are unique only up to signs (phases):
backends may differ there. Dtypes follow Keras 3.15 (see `rules`).
"""

from keras_core._src.ops.linalg.rules import linalg_dtype
from keras_core._src.ops.linalg.rules import linalg_rule
from keras_core._src.ops.linalg.rules import with_float32_rule
from keras_core._src.ops.op_definition import backend_op

__all__ = ["cholesky", "cholesky_inverse", "eig", "eigh", "lu_factor", "qr", "svd"]


def _eig_rule(dtype):
    """Computed as `linalg_rule`; complex eigenvalues and eigenvectors."""
    dtype = linalg_dtype(dtype)
    # float64 only survives where the backend keeps 64 bits (TensorFlow),
    # and there Keras gives complex128.
    complex_dtype = "complex64" if dtype == "float32" else "complex128"
    return dtype, [complex_dtype, complex_dtype]


def _lu_factor_rule(dtype):
    """Factors promoted with float32, as NumPy does; int32 pivots."""
    dtype, _ = with_float32_rule(dtype)
    return dtype, [dtype, "int32"]


@backend_op("linalg", linalg_rule)
def cholesky(x, upper=False):
    """The Cholesky factor of symmetric positive definite matrices.

    Only the lower triangle of `x` is read.

    Args:
        x: Symmetric (Hermitian) positive definite matrices, `(..., n, n)`.
        upper: Whether to return the upper factor `U` (`x = U^H U`) rather
            than the lower one `L` (`x = L L^H`).

    Returns:
        The triangular factor, of `x`'s shape.

    Example:

    >>> keras_core.ops.cholesky(numpy.array([[4.0, 2.0], [2.0, 5.0]]))
    array([[2., 0.],
           [1., 2.]], dtype=float32)
    """


@backend_op("linalg", with_float32_rule)
def cholesky_inverse(x, upper=False):
    """The inverse of a matrix given by its Cholesky factor.

    Args:
        x: Cholesky factors, `(..., n, n)`: lower triangular `L` of
            `A = L L^H` (only its lower triangle is read), or upper `U` of
            `A = U^H U` with `upper=True`.
        upper: Whether `x` is the upper factor.

    Returns:
        The inverse of `A`, of `x`'s shape.

    Example:

    >>> keras_core.ops.cholesky_inverse(numpy.array([[2.0, 0.0], [1.0, 2.0]]))
    array([[ 0.3125, -0.125 ],
           [-0.125 ,  0.25  ]], dtype=float32)
    """


@backend_op("linalg", _eig_rule)
def eig(x):
    """Eigenvalues and right eigenvectors of general square matrices.

    Args:
        x: Square matrices, `(..., n, n)`.

    Returns:
        A tuple `(w, v)` of complex tensors: the eigenvalues `(..., n)` and
        the eigenvectors, columns of `v` `(..., n, n)`, with
        `x @ v[..., :, i] = w[..., i] * v[..., :, i]`, each of unit norm.
        Complex even when every eigenvalue is real.

    Example:

    >>> w, v = keras_core.ops.eig(numpy.array([[0.0, -1.0], [1.0, 0.0]]))
    >>> w
    array([0.+1.j, 0.-1.j], dtype=complex64)
    """


@backend_op("linalg", linalg_rule)
def eigh(x):
    """Eigenvalues and eigenvectors of symmetric (Hermitian) matrices.

    Only the lower triangle of `x` is read.

    Args:
        x: Symmetric matrices, `(..., n, n)`.

    Returns:
        A tuple `(w, v)`: the real eigenvalues in ascending order
        `(..., n)` and orthonormal eigenvectors, the columns of `v`.

    Example:

    >>> w, v = keras_core.ops.eigh(numpy.array([[2.0, 1.0], [1.0, 2.0]]))
    >>> w
    array([1., 3.], dtype=float32)
    """


@backend_op("linalg", _lu_factor_rule)
def lu_factor(x):
    """The LU factorization of square matrices, with partial pivoting.

    As `scipy.linalg.lu_factor` (LAPACK's getrf) on every backend.

    Args:
        x: Square matrices, `(..., n, n)`.

    Returns:
        A tuple `(lu, pivots)`: `lu` holds the unit lower triangular `L`
        below its diagonal and `U` on and above it; `pivots` `(..., n)`
        int32, 0-based: at step `i`, row `i` was swapped with row
        `pivots[..., i]` (so `P x = L U`, `P` the product of the swaps).

    Example:

    >>> lu, pivots = keras_core.ops.lu_factor(numpy.array([[1.0, 2.0], [3.0, 4.0]]))
    >>> pivots
    array([1, 1], dtype=int32)
    """


@backend_op("linalg", linalg_rule)
def qr(x, mode="reduced"):
    """The QR decomposition `x = Q R`.

    Args:
        x: Matrices, `(..., m, n)`.
        mode: `"reduced"`: `Q` `(..., m, k)` and `R` `(..., k, n)` with
            `k = min(m, n)`; `"complete"`: `Q` `(..., m, m)` and `R`
            `(..., m, n)`.

    Returns:
        A tuple `(q, r)`: `q` with orthonormal columns, `r` upper
        triangular.

    Example:

    >>> q, r = keras_core.ops.qr(numpy.array([[3.0, 1.0], [4.0, 2.0]]))
    >>> q.shape, r.shape
    ((2, 2), (2, 2))
    """


@backend_op("linalg", linalg_rule)
def svd(x, full_matrices=True, compute_uv=True):
    """The singular value decomposition `x = U diag(S) V^H`.

    Args:
        x: Matrices, `(..., m, n)`.
        full_matrices: Whether `U` is `(..., m, m)` and `V^H` `(..., n, n)`
            rather than `(..., m, k)` and `(..., k, n)`, `k = min(m, n)`.
        compute_uv: Whether to return `U` and `V^H` or only `S`.

    Returns:
        A tuple `(u, s, vh)` (NumPy's order and `V^H`), or only `s` without
        `compute_uv`: the singular values `(..., k)`, in descending order.

    Example:

    >>> keras_core.ops.svd(numpy.array([[3.0, 0.0], [0.0, -4.0]]), compute_uv=False)
    array([4., 3.], dtype=float32)
    """
