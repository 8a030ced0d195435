"""Products and linear-algebra ops of the NumPy API (matmul, einsum, trace...).

The contractions (matmul, dot, tensordot, inner, outer, vdot, kron, einsum)
promote their inputs together; Python scalars count as int32/floatx tensors
(not weakly), as in Keras 3. Two int8 operands of matmul and einsum are
accumulated in int32. `trace` sums as `sum` does (small integers in 32
bits), `slogdet` gives floats and `clip` keeps the dtype of `x` (booleans
become int32).
"""

from keras_core._src.backend.common.config import floatx
from keras_core._src.backend.common.dtypes import is_int_dtype
from keras_core._src.backend.common.dtypes import narrowed_dtype
from keras_core._src.backend.common.dtypes import result_type
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.ops.op_definition import backend_op

__all__ = [
    "clip",
    "cross",
    "diagonal",
    "dot",
    "einsum",
    "inner",
    "kron",
    "matmul",
    "outer",
    "slogdet",
    "tensordot",
    "trace",
    "vdot",
]


def _strong(dtype):
    """A Python scalar's type as the tensor Keras 3 makes of it."""
    if dtype is int:
        return "int32"
    if dtype is float:
        return floatx()
    return dtype


def _refuse_python_scalars(types):
    if any(t in (int, float, complex) for t in types):
        raise TypeError("Python scalars are not supported: pass tensors.")


def _contraction_rule(*types):
    """Inputs promoted together, Python scalars read as int32/floatx tensors.

    For dot, inner, outer and kron, which take scalars as NumPy does.
    """
    dtype = result_type(*[_strong(t) for t in types])
    return dtype, dtype


def _tensor_contraction_rule(*types):
    """Like `_contraction_rule`, for ops refusing Python scalars (tensordot)."""
    _refuse_python_scalars(types)
    return _contraction_rule(*types)


def _matmul_rule(*types):
    """Promoted inputs; two int8 inputs are left for the backend to widen.

    Keras 3 accumulates int8 x int8 products in int32 (and on TensorFlow
    keeps int8 when an operand is a vector), so the backend names the
    result dtype itself (None here).
    """
    _refuse_python_scalars(types)
    if all(t == "int8" for t in types):
        return "int8", None
    return _contraction_rule(*types)


def _einsum_rule(*types, kwargs):
    """Promoted operands; int8 operands alone are summed in int32.

    Of NumPy's keyword arguments only `optimize` (a contraction-order hint)
    is taken, and ignored: the backends choose the order themselves.
    """
    unknown = sorted(set(kwargs) - {"optimize"})
    if unknown:
        raise TypeError(
            f"unexpected keyword argument {unknown[0]!r}. Its arguments are: "
            "subscripts, *operands, optimize."
        )
    _refuse_python_scalars(types)
    if types and all(t == "int8" for t in types):
        return "int32", "int32"
    return _contraction_rule(*types)


def _cross_rule(*types):
    """Promoted inputs; booleans are refused (NumPy cannot subtract them)."""
    _refuse_python_scalars(types)
    dtype = result_type(*types)
    if dtype == "bool":
        raise TypeError("boolean inputs are not supported: cast them to a number.")
    return dtype, dtype


def _trace_rule(dtype):
    """Sums in at least 32 bits: bool and int8/16 give int32, uint8/16 uint32."""
    dtype = result_type(dtype)
    if dtype == "bool":
        dtype = "int32"
    elif is_int_dtype(dtype) and int(dtype.lstrip("uint")) < 32:
        dtype = "uint32" if dtype.startswith("u") else "int32"
    return dtype, dtype


def _keep_rule(dtype):
    """The input dtype is kept (diagonal only selects elements).

    As everywhere, 64-bit inputs are held narrowed where the backend does.
    """
    dtype = result_type(dtype)
    return dtype, dtype


def _slogdet_rule(dtype):
    """Floats: float32/float64 keep, other inputs give float64 (narrowed).

    float16 is refused, as NumPy's linear algebra has no half precision.
    """
    dtype = result_type(dtype)
    if dtype == "float16":
        raise TypeError("float16 is not supported: cast to float32.")
    if dtype not in ("float32", "float64"):
        dtype = narrowed_dtype("float64")
    return dtype, dtype


def _clip_rule(x, x_min, x_max):
    """Clipped in the promoted dtype, returned in x's dtype (bool: int32).

    Python ints bounding an integer `x` count as int32, so that bounds
    outside x's range (-1 for uint8) clip instead of wrapping.
    """
    integer = x == "bool" or (isinstance(x, str) and is_int_dtype(x))
    bounds = [
        "int32" if integer and b is int else b for b in (x_min, x_max) if b is not None
    ]
    compute = result_type(x, *bounds)
    if compute == "bool":
        compute = "int32"
    result = "int32" if x == "bool" else result_type(_strong(x))
    return compute, result


@backend_op("numpy_api", _matmul_rule, tensors=("x1", "x2"))
def matmul(x1, x2):
    """Matrix product of two tensors, batched over leading dimensions.

    Args:
        x1: First tensor (a vector is read as a row).
        x2: Second tensor (a vector is read as a column).

    Returns:
        The product, in the promoted dtype (int32 for two int8 inputs).

    Example:

    >>> keras_core.ops.matmul(numpy.eye(2), numpy.array([[1.0], [2.0]]))
    array([[1.], [2.]], dtype=float32)
    """


@backend_op("numpy_api", _contraction_rule, tensors=("x1", "x2"))
def dot(x1, x2):
    """Dot product of two tensors, with NumPy's rules.

    Scalars are multiplied; vectors give their inner product; otherwise the
    last axis of `x1` is contracted with the second-to-last of `x2` (the
    last if `x2` is a vector).

    Args:
        x1: First tensor.
        x2: Second tensor.

    Returns:
        The dot product, in the promoted dtype.

    Example:

    >>> keras_core.ops.dot(numpy.array([1, 2]), numpy.array([3, 4]))
    array(11, dtype=int32)
    """


@backend_op("numpy_api", _tensor_contraction_rule, tensors=("x1", "x2"))
def tensordot(x1, x2, axes=2):
    """Sums products over the given axes of two tensors.

    Args:
        x1: First tensor.
        x2: Second tensor.
        axes: An int N (the last N axes of `x1` with the first N of `x2`),
            or a pair of axis sequences `(axes_of_x1, axes_of_x2)`.

    Returns:
        The contracted tensor: the free axes of `x1` then those of `x2`.

    Example:

    >>> keras_core.ops.tensordot(numpy.ones((2, 3)), numpy.ones((3, 4)), axes=1).shape
    (2, 4)
    """


@backend_op("numpy_api", _contraction_rule, tensors=("x1", "x2"))
def inner(x1, x2):
    """Inner product over the last axes of two tensors (scalars multiply).

    Args:
        x1: First tensor.
        x2: Second tensor, with the same last dimension as `x1`.

    Returns:
        A tensor of shape `x1.shape[:-1] + x2.shape[:-1]`.

    Example:

    >>> keras_core.ops.inner(numpy.array([1, 2]), numpy.array([3, 4]))
    array(11, dtype=int32)
    """


@backend_op("numpy_api", _contraction_rule, tensors=("x1", "x2"))
def outer(x1, x2):
    """Outer product of two tensors, each flattened first.

    Args:
        x1: First tensor.
        x2: Second tensor.

    Returns:
        A matrix of shape `(x1.size, x2.size)`.

    Example:

    >>> keras_core.ops.outer(numpy.array([1, 2]), numpy.array([3, 4]))
    array([[3, 4], [6, 8]], dtype=int32)
    """


@backend_op("numpy_api", _tensor_contraction_rule, tensors=("x1", "x2"))
def vdot(x1, x2):
    """Dot product of two tensors flattened (they must have the same size).

    Args:
        x1: First tensor.
        x2: Second tensor.

    Returns:
        A scalar tensor.

    Example:

    >>> keras_core.ops.vdot(numpy.array([[1, 2]]), numpy.array([3, 4]))
    array(11, dtype=int32)
    """


@backend_op("numpy_api", _contraction_rule, tensors=("x1", "x2"))
def kron(x1, x2):
    """Kronecker product of two tensors.

    Args:
        x1: First tensor.
        x2: Second tensor (the lower-rank one is padded with leading 1s).

    Returns:
        Blocks of `x2` scaled by each element of `x1`.

    Example:

    >>> keras_core.ops.kron(numpy.array([1, 2]), numpy.array([1, 10]))
    array([ 1, 10,  2, 20], dtype=int32)
    """


@backend_op("numpy_api", _einsum_rule, tensors=("operands",))
def einsum(subscripts, *operands, **kwargs):
    """Einstein summation over the operands, as NumPy's `einsum`.

    Args:
        subscripts: Comma-separated subscript labels, one group per
            operand, optionally `->` and the output labels; `...` stands
            for broadcast dimensions. Without `->` the output has the
            broadcast dimensions then the labels seen once, in
            alphabetical order.
        *operands: The tensors.
        **kwargs: `optimize` (NumPy's contraction order hint) is accepted
            and ignored, as the backends choose the order themselves.

    Returns:
        The result, in the promoted dtype (int32 for int8 operands).

    Example:

    >>> keras_core.ops.einsum("ij,j->i", numpy.eye(2), numpy.array([1.0, 2.0]))
    array([1., 2.], dtype=float32)
    """


@backend_op("numpy_api", _cross_rule, tensors=("x1", "x2"))
def cross(x1, x2, axisa=-1, axisb=-1, axisc=-1, axis=None):
    """Cross product of 2- or 3-element vectors along the given axes.

    Args:
        x1: First tensor of vectors (2 or 3 components on `axisa`).
        x2: Second tensor of vectors (2 or 3 components on `axisb`).
        axisa: The vector axis of `x1`.
        axisb: The vector axis of `x2`.
        axisc: The vector axis of the result (when it has 3 components).
        axis: If given, overrides `axisa`, `axisb` and `axisc`.

    Returns:
        The cross products; for two 2-vectors, the scalar z component.

    Example:

    >>> keras_core.ops.cross(numpy.array([1, 0, 0]), numpy.array([0, 1, 0]))
    array([0, 0, 1], dtype=int32)
    """


@backend_op("numpy_api", _trace_rule)
def trace(x, offset=0, axis1=0, axis2=1):
    """Sums a diagonal of `x`.

    Args:
        x: Input tensor, 2-D or more.
        offset: Diagonal offset: positive above, negative below the main one.
        axis1: First axis of the 2-D planes.
        axis2: Second axis of the 2-D planes.

    Returns:
        The sums over the remaining axes; small integers and booleans are
        summed as int32 (uint32 if unsigned).

    Example:

    >>> keras_core.ops.trace(numpy.array([[1, 2], [3, 4]], "int8"))
    array(5, dtype=int32)
    """


def _diagonal_spec(x, offset=0, axis1=0, axis2=1):
    """The symbolic diagonals: their length is unknown where a plane's is.

    Abstract evaluation would give a made-up length for an unknown
    dimension, as the length is the minimum of two dimensions.
    """
    shape = tuple(x.shape)
    rank = len(shape)
    if rank < 2:
        raise ValueError(
            f"diagonal: x must have at least 2 dimensions. Received: shape {shape}."
        )
    first, second = axis1 % rank, axis2 % rank
    if first == second:
        raise ValueError(
            "diagonal: axis1 and axis2 cannot be the same axis. Received: "
            f"axis1={axis1}, axis2={axis2} for an input of rank {rank}."
        )
    rows, cols = shape[first], shape[second]
    length = None
    if rows is not None and cols is not None:
        length = max(0, min(rows + min(offset, 0), cols - max(offset, 0)))
    others = tuple(d for i, d in enumerate(shape) if i not in (first, second))
    return KerasTensor((*others, length), dtype=x.dtype)


@backend_op("numpy_api", _keep_rule, output_spec=_diagonal_spec)
def diagonal(x, offset=0, axis1=0, axis2=1):
    """Selects a diagonal of `x`.

    Args:
        x: Input tensor, 2-D or more.
        offset: Diagonal offset: positive above, negative below the main one.
        axis1: First axis of the 2-D planes.
        axis2: Second axis of the 2-D planes.

    Returns:
        The diagonals, on a new last axis after the remaining axes.

    Example:

    >>> keras_core.ops.diagonal(numpy.array([[1, 2], [3, 4]]), offset=1)
    array([2], dtype=int32)
    """


@backend_op("numpy_api", _slogdet_rule)
def slogdet(x):
    """Sign and log of the absolute value of the determinant of `x`.

    Args:
        x: Square matrices, shape `(..., n, n)`.

    Returns:
        A tuple `(sign, logabsdet)`: the sign (0 for a singular matrix,
        whose `logabsdet` is -inf) and the log of the absolute determinant.

    Example:

    >>> keras_core.ops.slogdet(numpy.array([[2.0, 0.0], [0.0, -3.0]]))
    (array(-1., dtype=float32), array(1.7917595, dtype=float32))
    """


@backend_op("numpy_api", _clip_rule, tensors=("x", "x_min", "x_max"))
def clip(x, x_min, x_max):
    """Limits the values of `x` to `[x_min, x_max]`.

    Args:
        x: Input tensor.
        x_min: Lower bound (tensor or number), or None for no lower bound.
        x_max: Upper bound (tensor or number), or None for no upper bound.
            Where `x_min > x_max` the result is `x_max`.

    Returns:
        The clipped tensor, in the dtype of `x` (int32 for booleans).

    Example:

    >>> keras_core.ops.clip(numpy.array([-2, 0, 5], "int8"), -1, 3)
    array([-1,  0,  3], dtype=int8)
    """
