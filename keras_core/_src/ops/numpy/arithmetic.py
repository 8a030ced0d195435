"""Element-wise arithmetic, comparison and basic math ops.

Binary ops broadcast their arguments NumPy-style; Python scalars are weakly
typed (`add(int8_tensor, 1)` is int8).
"""

from keras_core._src.ops import dtype_rules
from keras_core._src.ops.op_definition import backend_op

__all__ = [
    "abs",
    "absolute",
    "add",
    "divide",
    "equal",
    "exp",
    "fmax",
    "fmin",
    "less",
    "maximum",
    "minimum",
    "multiply",
    "negative",
    "sqrt",
    "subtract",
    "true_divide",
]

_BINARY = ("x1", "x2")


@backend_op("numpy_api", dtype_rules.promote, tensors=_BINARY)
def add(x1, x2):
    """Adds two tensors element-wise.

    Args:
        x1: A tensor.
        x2: A tensor broadcastable with `x1`.

    Returns:
        `x1 + x2`, in the promoted dtype of the inputs.

    Example:

    >>> keras_core.ops.add(numpy.array([1, 2], "int8"), 1)
    array([2, 3], dtype=int8)
    """


@backend_op("numpy_api", dtype_rules.promote_numeric, tensors=_BINARY)
def subtract(x1, x2):
    """Subtracts `x2` from `x1` element-wise.

    Args:
        x1: A tensor.
        x2: A tensor broadcastable with `x1`.

    Returns:
        `x1 - x2`, in the promoted dtype of the inputs.

    Example:

    >>> keras_core.ops.subtract([5.0, 3.0], 1.0)
    array([4., 2.], dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote, tensors=_BINARY)
def multiply(x1, x2):
    """Multiplies two tensors element-wise.

    Args:
        x1: A tensor.
        x2: A tensor broadcastable with `x1`.

    Returns:
        `x1 * x2`, in the promoted dtype of the inputs.

    Example:

    >>> keras_core.ops.multiply([2.0, 3.0], [4.0, 5.0])
    array([ 8., 15.], dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote_to_float, tensors=_BINARY)
def true_divide(x1, x2):
    """Divides `x1` by `x2` element-wise; integers give floats.

    Args:
        x1: The dividend.
        x2: The divisor, broadcastable with `x1`.

    Returns:
        `x1 / x2` as floats (floatx for integer inputs).

    Example:

    >>> keras_core.ops.true_divide(numpy.array([1, 3], "int8"), 2)
    array([0.5, 1.5], dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote_to_float, tensors=_BINARY)
def divide(x1, x2):
    """Divides `x1` by `x2` element-wise (the same as `true_divide`).

    Args:
        x1: The dividend.
        x2: The divisor, broadcastable with `x1`.

    Returns:
        `x1 / x2` as floats (floatx for integer inputs).

    Example:

    >>> keras_core.ops.divide([3.0], [2.0])
    array([1.5], dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote, tensors=_BINARY)
def maximum(x1, x2):
    """The element-wise maximum of two tensors (NaN if either is NaN).

    Args:
        x1: A tensor.
        x2: A tensor broadcastable with `x1`.

    Returns:
        The larger of each pair, in the promoted dtype.

    Example:

    >>> keras_core.ops.maximum([1.0, 5.0], [3.0, 2.0])
    array([3., 5.], dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote, tensors=_BINARY)
def minimum(x1, x2):
    """The element-wise minimum of two tensors (NaN if either is NaN).

    Args:
        x1: A tensor.
        x2: A tensor broadcastable with `x1`.

    Returns:
        The smaller of each pair, in the promoted dtype.

    Example:

    >>> keras_core.ops.minimum([1.0, 5.0], [3.0, 2.0])
    array([1., 2.], dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote, tensors=_BINARY)
def fmax(x1, x2):
    """The element-wise maximum of two tensors, ignoring NaNs.

    Where exactly one of the pair is NaN, the other is returned; NaN only
    where both are (unlike `maximum`, which propagates any NaN).

    Args:
        x1: A tensor.
        x2: A tensor broadcastable with `x1`.

    Returns:
        The larger of each pair, in the promoted dtype.

    Example:

    >>> keras_core.ops.fmax([1.0, numpy.nan], [numpy.nan, 2.0])
    array([1., 2.], dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote, tensors=_BINARY)
def fmin(x1, x2):
    """The element-wise minimum of two tensors, ignoring NaNs.

    Where exactly one of the pair is NaN, the other is returned; NaN only
    where both are (unlike `minimum`, which propagates any NaN).

    Args:
        x1: A tensor.
        x2: A tensor broadcastable with `x1`.

    Returns:
        The smaller of each pair, in the promoted dtype.

    Example:

    >>> keras_core.ops.fmin([1.0, numpy.nan], [numpy.nan, 2.0])
    array([1., 2.], dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.compare, tensors=_BINARY)
def equal(x1, x2):
    """Whether `x1 == x2`, element-wise.

    Args:
        x1: A tensor.
        x2: A tensor broadcastable with `x1`.

    Returns:
        A boolean tensor.

    Example:

    >>> keras_core.ops.equal([1, 2], 2)
    array([False,  True])
    """


@backend_op("numpy_api", dtype_rules.compare, tensors=_BINARY)
def less(x1, x2):
    """Whether `x1 < x2`, element-wise.

    Args:
        x1: A tensor.
        x2: A tensor broadcastable with `x1`.

    Returns:
        A boolean tensor.

    Example:

    >>> keras_core.ops.less([1, 2], 2)
    array([ True, False])
    """


@backend_op("numpy_api", dtype_rules.promote_numeric)
def negative(x):
    """Negates `x` element-wise.

    Args:
        x: A tensor.

    Returns:
        `-x`, in the dtype of `x`.

    Example:

    >>> keras_core.ops.negative([1.0, -2.0])
    array([-1.,  2.], dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote)
def absolute(x):
    """The absolute value of `x`, element-wise.

    Args:
        x: A tensor.

    Returns:
        `|x|`, in the dtype of `x`.

    Example:

    >>> keras_core.ops.absolute(numpy.array([-1, 2], "int8"))
    array([1, 2], dtype=int8)
    """


# `abs` is the same op under NumPy's short name.
abs = absolute


@backend_op("numpy_api", dtype_rules.promote_to_float)
def sqrt(x):
    """The square root of `x`, element-wise; integers give floats.

    Args:
        x: A tensor.

    Returns:
        `sqrt(x)` (NaN for negative inputs), floatx for integer inputs.

    Example:

    >>> keras_core.ops.sqrt(numpy.array([4, 9], "int32"))
    array([2., 3.], dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote_to_float)
def exp(x):
    """The exponential of `x`, element-wise; integers give floats.

    Args:
        x: A tensor.

    Returns:
        `e ** x`, floatx for integer inputs.

    Example:

    >>> keras_core.ops.exp([0.0, 1.0])
    array([1.       , 2.7182817], dtype=float32)
    """
