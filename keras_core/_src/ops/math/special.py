"""Special functions and reductions of `keras_core.ops`: erf, erfc, erfinv,
rsqrt, logsumexp, logdet and cdist.

Integer and boolean inputs give floats (floatx); float inputs keep their
dtype. `logdet` computes half-precision inputs in float32.
"""

from keras_core._src.backend.common.dtypes import result_type
from keras_core._src.ops import dtype_rules
from keras_core._src.ops.op_definition import backend_op

__all__ = ["cdist", "erf", "erfc", "erfinv", "logdet", "logsumexp", "rsqrt"]


def _half_in_float32(x):
    """Floats keep their dtype, computed in float32 when half precision.

    Integers and booleans give floatx. Used where the backends lack
    half-precision kernels (determinants).
    """
    dtype = result_type(x, float)
    if dtype in ("float16", "bfloat16"):
        return "float32", dtype
    return dtype, dtype


def _distance_rule(x, y):
    """x and y promoted together to a float; booleans are refused."""
    if "bool" in (x, y):
        raise TypeError("boolean inputs have no distance: cast them to a number.")
    dtype = result_type(x, y, float)
    return dtype, dtype


@backend_op("math", dtype_rules.promote_to_float)
def erf(x):
    """The error function, element-wise: `2/sqrt(pi) * integral_0^x exp(-t^2) dt`.

    Args:
        x: Input tensor.

    Returns:
        A float tensor of the same shape as `x`.

    >>> keras_core.ops.erf([0.0, 1.0])
    array([0.       , 0.8427008], dtype=float32)
    """


@backend_op("math", dtype_rules.promote_to_float)
def erfc(x):
    """The complementary error function `1 - erf(x)`, element-wise.

    Accurate where `erf(x)` is close to 1.

    Args:
        x: Input tensor.

    Returns:
        A float tensor of the same shape as `x`.

    >>> keras_core.ops.erfc([0.0, 1.0])
    array([1.        , 0.15729921], dtype=float32)
    """


@backend_op("math", dtype_rules.promote_to_float)
def erfinv(x):
    """The inverse error function, element-wise, on (-1, 1).

    Args:
        x: Input tensor; -1 and 1 give -inf and inf, values outside NaN.

    Returns:
        A float tensor of the same shape as `x`.

    >>> keras_core.ops.erfinv([0.0, 0.5])
    array([0.        , 0.47693628], dtype=float32)
    """


@backend_op("math", dtype_rules.promote_to_float)
def rsqrt(x):
    """The reciprocal square root `1 / sqrt(x)`, element-wise.

    Args:
        x: Input tensor.

    Returns:
        A float tensor of the same shape as `x`.

    >>> keras_core.ops.rsqrt([1.0, 4.0])
    array([1. , 0.5], dtype=float32)
    """


@backend_op("math", dtype_rules.promote_to_float)
def logsumexp(x, axis=None, keepdims=False):
    """`log(sum(exp(x)))` over axes, computed without overflow.

    Args:
        x: Input tensor.
        axis: An int, a tuple of ints, or None for every axis.
        keepdims: Whether reduced axes stay with length 1.

    Returns:
        A float tensor: `-inf` where every value is `-inf`.

    >>> keras_core.ops.logsumexp([0.0, 0.0])
    array(0.6931472, dtype=float32)
    """


@backend_op("math", _half_in_float32)
def logdet(x):
    """The log of the absolute determinant of (a batch of) square matrices.

    Meant for positive definite matrices, where it is `log(det(x))`; for
    others it gives `log(|det(x)|)`, as NumPy's `slogdet`.

    Args:
        x: Tensor of shape `(..., n, n)`.

    Returns:
        A float tensor of shape `(...)`.

    >>> keras_core.ops.logdet([[2.0, 0.0], [0.0, 2.0]])
    array(1.3862944, dtype=float32)
    """


@backend_op("math", _distance_rule, tensors=("x", "y"))
def cdist(x, y):
    """Euclidean distances between every row of `x` and every row of `y`.

    Args:
        x: Tensor of shape `(..., m, d)`.
        y: Tensor of shape `(..., n, d)`; leading axes broadcast with `x`'s.

    Returns:
        A float tensor of shape `(..., m, n)`.

    >>> keras_core.ops.cdist([[0.0, 0.0]], [[3.0, 4.0], [0.0, 1.0]])
    array([[5., 1.]], dtype=float32)
    """
