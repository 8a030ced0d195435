"""Determinants, inverses and linear solvers.

`det`, `inv`, `solve`, `solve_triangular`, `lstsq`, `pinv` and
`matrix_rank`, as NumPy/SciPy's. Inputs are matrices or stacks of them
(leading dimensions are batch dimensions; `lstsq` takes one matrix).
Right-hand sides `b` are one vector `(n,)` or matrices `(..., n, k)`, as in
NumPy 2. Dtypes follow Keras 3.15 (see `rules`).
"""

from keras_core._src.ops.linalg.rules import linalg_dtype
from keras_core._src.ops.linalg.rules import linalg_rule
from keras_core._src.ops.linalg.rules import with_float32_rule
from keras_core._src.ops.op_definition import backend_op

__all__ = ["det", "inv", "lstsq", "matrix_rank", "pinv", "solve", "solve_triangular"]


def _rank_rule(dtype):
    """Computed as `linalg_rule`; the rank is int32."""
    return linalg_dtype(dtype), "int32"


@backend_op("linalg", linalg_rule)
def det(x):
    """The determinant of square matrices.

    Args:
        x: Square matrices, `(..., n, n)`.

    Returns:
        The determinants, `(...)`.

    Example:

    >>> keras_core.ops.det(numpy.array([[1.0, 2.0], [3.0, 4.0]]))
    array(-2., dtype=float32)
    """


@backend_op("linalg", linalg_rule)
def inv(x):
    """The inverse of square matrices.

    Args:
        x: Invertible square matrices, `(..., n, n)`.

    Returns:
        The inverses, of `x`'s shape.

    Example:

    >>> keras_core.ops.inv(numpy.array([[2.0, 0.0], [0.0, 4.0]]))
    array([[0.5 , 0.  ],
           [0.  , 0.25]], dtype=float32)
    """


@backend_op("linalg", linalg_rule, tensors=("a", "b"))
def lstsq(a, b, rcond=None):
    """The least-squares solution `x` minimizing `|a x - b|`.

    Of minimum norm when `a` is rank deficient (computed from the SVD).

    Args:
        a: A matrix `(m, n)`.
        b: A vector `(m,)` or a matrix `(m, k)`.
        rcond: Singular values of `a` at or below `rcond` times the
            largest count as zero. Default: machine epsilon times
            `max(m, n)`.

    Returns:
        The solution, `(n,)` or `(n, k)`.

    Example:

    >>> keras_core.ops.lstsq(numpy.array([[1.0], [1.0]]), numpy.array([1.0, 3.0]))
    array([2.], dtype=float32)
    """


@backend_op("linalg", _rank_rule)
def matrix_rank(x, tol=None):
    """The rank of matrices: how many singular values exceed `tol`.

    Args:
        x: Matrices, `(..., m, n)`.
        tol: The threshold (a number). Default: the largest singular value
            times machine epsilon times `max(m, n)`.

    Returns:
        The ranks, int32 `(...)`.

    Example:

    >>> keras_core.ops.matrix_rank(numpy.array([[1.0, 2.0], [2.0, 4.0]]))
    array(1, dtype=int32)
    """


@backend_op("linalg", linalg_rule)
def pinv(x, rcond=None):
    """The Moore-Penrose pseudo-inverse of matrices, from their SVD.

    Args:
        x: Matrices, `(..., m, n)`.
        rcond: Singular values at or below `rcond` times the largest count
            as zero. Default: machine epsilon times `max(m, n)`.

    Returns:
        The pseudo-inverses, `(..., n, m)`.

    Example:

    >>> keras_core.ops.pinv(numpy.array([[2.0, 0.0], [0.0, 0.0]]))
    array([[0.5, 0. ],
           [0. , 0. ]], dtype=float32)
    """


@backend_op("linalg", linalg_rule, tensors=("a", "b"))
def solve(a, b):
    """The solution `x` of the linear system `a x = b`.

    Args:
        a: Invertible square matrices, `(..., n, n)`.
        b: One vector `(n,)` or matrices `(..., n, k)`; batch dimensions
            broadcast with `a`'s.

    Returns:
        The solution, of `b`'s shape (batch dimensions broadcast).

    Example:

    >>> a = numpy.array([[2.0, 0.0], [0.0, 4.0]])
    >>> keras_core.ops.solve(a, numpy.array([1.0, 1.0]))
    array([0.5 , 0.25], dtype=float32)
    """


@backend_op("linalg", with_float32_rule, tensors=("a", "b"))
def solve_triangular(a, b, lower=False):
    """The solution `x` of `a x = b` for triangular `a`.

    Only the triangle of `a` named by `lower` is read.

    Args:
        a: Triangular square matrices, `(..., n, n)`.
        b: One vector `(n,)` or matrices `(..., n, k)`; batch dimensions
            broadcast with `a`'s.
        lower: Whether `a` is lower (rather than upper) triangular.

    Returns:
        The solution, of `b`'s shape (batch dimensions broadcast).

    Example:

    >>> a = numpy.array([[2.0, 1.0], [0.0, 4.0]])
    >>> keras_core.ops.solve_triangular(a, numpy.array([3.0, 4.0]))
    array([1., 1.], dtype=float32)
    """
