"""Element-wise binary math: powers, remainders, comparisons, logic, bits.

Binary ops broadcast their arguments NumPy-style. Keras 3 treats Python
scalars as weakly typed for some of these ops (`power(int8, 2)` is int8) and
as int32/float32 for others (`mod(int8, 2)` is int32); the private dtype rules
below record which, as Keras 3.15 does.
"""

from keras_core._src.backend.common import config
from keras_core._src.backend.common.dtypes import is_float_dtype
from keras_core._src.backend.common.dtypes import is_int_dtype
from keras_core._src.backend.common.dtypes import result_type
from keras_core._src.ops import dtype_rules
from keras_core._src.ops.op_definition import backend_op

__all__ = [
    "allclose",
    "arctan2",
    "bitwise_and",
    "bitwise_left_shift",
    "bitwise_or",
    "bitwise_right_shift",
    "bitwise_xor",
    "divide_no_nan",
    "floor_divide",
    "fmod",
    "gcd",
    "greater",
    "greater_equal",
    "heaviside",
    "hypot",
    "isclose",
    "lcm",
    "ldexp",
    "left_shift",
    "less_equal",
    "logaddexp",
    "logaddexp2",
    "logical_and",
    "logical_or",
    "logical_xor",
    "mod",
    "nextafter",
    "not_equal",
    "power",
    "right_shift",
]

_BINARY = ("x1", "x2")
_BITWISE = ("x", "y")
_STRONG = {int: "int32", float: "float32"}


def _strong(types):
    """Python scalars as the dtype they convert to (int32, float32)."""
    return [_STRONG.get(t, t) for t in types]


def _promote_bools_to_int8(*types):
    """`promote` with weak Python scalars, but two booleans give int8.

    NumPy has no boolean power or floor division; Keras computes them in int8.
    """
    dtype = result_type(*types)
    if dtype == "bool":
        dtype = "int8"
    return dtype, dtype


def _strong_promote_bools_to_int32(*types):
    """Python scalars count as int32/float32; two booleans give int32."""
    dtype = result_type(*_strong(types))
    if dtype == "bool":
        dtype = "int32"
    return dtype, dtype


def _strong_to_float(*types):
    """Python scalars count as int32/float32; non-floats give floatx."""
    dtype = result_type(*_strong(types))
    if not is_float_dtype(dtype):
        dtype = result_type(config.floatx(), dtype)
    return dtype, dtype


def _strong_to_float_bools_kept(*types):
    """`_strong_to_float`, but two booleans stay boolean and int64 gives float64.

    Keras 3.15 computes hypot and heaviside in the promoted input dtype, so
    booleans stay booleans and 64-bit integers (kept only on TensorFlow) give
    float64.
    """
    promoted = result_type(*_strong(types))
    compute, result = _strong_to_float(*types)
    if promoted == "int64":
        compute = result = result_type("float64")
    if all(t == "bool" for t in types):
        result = "bool"
    return compute, result


def _integers(*types):
    """Integer inputs only (Python ints count as int32); two booleans are refused."""
    dtype = result_type(*_strong(types))
    if not is_int_dtype(dtype):
        raise TypeError(f"integer inputs are required, got dtype {dtype}.")
    return dtype, dtype


def _bitwise(*types):
    """Integer or boolean inputs; Python ints count as int32."""
    dtype = result_type(*_strong(types))
    if not (is_int_dtype(dtype) or dtype == "bool"):
        raise TypeError(f"integer or boolean inputs are required, got {dtype}.")
    return dtype, dtype


def _shift(x_type, y_type):
    """Integer inputs; `x` as a Python int counts as int32, `y` stays weak.

    Two booleans give int8, as NumPy has no boolean shifts.
    """
    dtype = result_type(_STRONG.get(x_type, x_type), y_type)
    if dtype == "bool":
        dtype = "int8"
    if not is_int_dtype(dtype):
        raise TypeError(f"integer inputs are required, got {dtype}.")
    return dtype, dtype


def _ldexp(x1_type, x2_type):
    """Floats in the dtype of `x1` (floatx for non-floats); integer `x2`."""
    if x2_type is not int and not is_int_dtype(x2_type):
        raise TypeError(f"the exponents `x2` must be integers, got {x2_type}.")
    dtype = result_type(_STRONG.get(x1_type, x1_type))
    if not is_float_dtype(dtype):
        dtype = result_type(config.floatx())
    return None, dtype


@backend_op("numpy_api", _promote_bools_to_int8, tensors=_BINARY)
def power(x1, x2):
    """Raises `x1` to the power `x2`, element-wise.

    Args:
        x1: The base.
        x2: The exponent, broadcastable with `x1`.

    Returns:
        `x1 ** x2` in the promoted dtype (int8 for two booleans).

    Example:

    >>> keras_core.ops.power(numpy.array([2, 3], "int8"), 2)
    array([4, 9], dtype=int8)
    """


@backend_op("numpy_api", _promote_bools_to_int8, tensors=_BINARY)
def floor_divide(x1, x2):
    """Divides `x1` by `x2` rounding down, element-wise.

    Args:
        x1: The dividend.
        x2: The divisor, broadcastable with `x1`.

    Returns:
        `floor(x1 / x2)` in the promoted dtype (int8 for two booleans).

    Example:

    >>> keras_core.ops.floor_divide(numpy.array([7, -7], "int32"), 2)
    array([ 3, -4], dtype=int32)
    """


@backend_op("numpy_api", _strong_promote_bools_to_int32, tensors=_BINARY)
def mod(x1, x2):
    """The remainder of `x1 / x2` with the sign of `x2` (Python's `%`).

    Args:
        x1: The dividend.
        x2: The divisor, broadcastable with `x1`.

    Returns:
        `x1 - floor(x1 / x2) * x2`; Python scalars count as int32/float32.

    Example:

    >>> keras_core.ops.mod(numpy.array([7, -7], "int32"), 3)
    array([1, 2], dtype=int32)
    """


@backend_op("numpy_api", _strong_promote_bools_to_int32, tensors=_BINARY)
def fmod(x1, x2):
    """The remainder of `x1 / x2` with the sign of `x1` (C's `fmod`).

    Args:
        x1: The dividend.
        x2: The divisor, broadcastable with `x1`.

    Returns:
        `x1 - trunc(x1 / x2) * x2`; Python scalars count as int32/float32.

    Example:

    >>> keras_core.ops.fmod(numpy.array([7, -7], "int32"), 3)
    array([ 1, -1], dtype=int32)
    """


@backend_op("numpy_api", dtype_rules.compare, tensors=_BINARY)
def not_equal(x1, x2):
    """Whether `x1 != x2`, element-wise.

    Args:
        x1: A tensor.
        x2: A tensor broadcastable with `x1`.

    Returns:
        A boolean tensor.

    Example:

    >>> keras_core.ops.not_equal([1, 2], 2)
    array([ True, False])
    """


@backend_op("numpy_api", dtype_rules.compare, tensors=_BINARY)
def greater(x1, x2):
    """Whether `x1 > x2`, element-wise.

    Args:
        x1: A tensor.
        x2: A tensor broadcastable with `x1`.

    Returns:
        A boolean tensor.

    Example:

    >>> keras_core.ops.greater([1, 3], 2)
    array([False,  True])
    """


@backend_op("numpy_api", dtype_rules.compare, tensors=_BINARY)
def greater_equal(x1, x2):
    """Whether `x1 >= x2`, element-wise.

    Args:
        x1: A tensor.
        x2: A tensor broadcastable with `x1`.

    Returns:
        A boolean tensor.

    Example:

    >>> keras_core.ops.greater_equal([1, 2], 2)
    array([False,  True])
    """


@backend_op("numpy_api", dtype_rules.compare, tensors=_BINARY)
def less_equal(x1, x2):
    """Whether `x1 <= x2`, element-wise.

    Args:
        x1: A tensor.
        x2: A tensor broadcastable with `x1`.

    Returns:
        A boolean tensor.

    Example:

    >>> keras_core.ops.less_equal([2, 3], 2)
    array([ True, False])
    """


@backend_op("numpy_api", dtype_rules.boolean_result, tensors=_BINARY)
def logical_and(x1, x2):
    """The truth of `x1 and x2`, element-wise (non-zero is true).

    Args:
        x1: A tensor.
        x2: A tensor broadcastable with `x1`.

    Returns:
        A boolean tensor.

    Example:

    >>> keras_core.ops.logical_and([0, 1, 2], [1, 1, 0])
    array([False,  True, False])
    """


@backend_op("numpy_api", dtype_rules.boolean_result, tensors=_BINARY)
def logical_or(x1, x2):
    """The truth of `x1 or x2`, element-wise (non-zero is true).

    Args:
        x1: A tensor.
        x2: A tensor broadcastable with `x1`.

    Returns:
        A boolean tensor.

    Example:

    >>> keras_core.ops.logical_or([0, 0, 2], [0, 1, 0])
    array([False,  True,  True])
    """


@backend_op("numpy_api", dtype_rules.boolean_result, tensors=_BINARY)
def logical_xor(x1, x2):
    """The truth of `x1 xor x2`, element-wise (non-zero is true).

    Args:
        x1: A tensor.
        x2: A tensor broadcastable with `x1`.

    Returns:
        A boolean tensor.

    Example:

    >>> keras_core.ops.logical_xor([0, 1, 2], [1, 1, 0])
    array([ True, False,  True])
    """


@backend_op("numpy_api", _strong_to_float, tensors=_BINARY)
def arctan2(x1, x2):
    """The angle of the point `(x2, x1)` from the positive x axis.

    Args:
        x1: The y coordinates.
        x2: The x coordinates, broadcastable with `x1`.

    Returns:
        Angles in radians in `[-pi, pi]`; floats (floatx for integers).

    Example:

    >>> keras_core.ops.arctan2([1.0, -1.0], [0.0, 0.0])
    array([ 1.5707964, -1.5707964], dtype=float32)
    """


@backend_op("numpy_api", _strong_to_float_bools_kept, tensors=_BINARY)
def hypot(x1, x2):
    """The hypotenuse `sqrt(x1**2 + x2**2)`, without overflow.

    Args:
        x1: A leg.
        x2: The other leg, broadcastable with `x1`.

    Returns:
        Floats (floatx for integers; bool for two booleans, as in Keras).

    Example:

    >>> keras_core.ops.hypot([3.0], [4.0])
    array([5.], dtype=float32)
    """


@backend_op("numpy_api", _strong_to_float, tensors=_BINARY)
def logaddexp(x1, x2):
    """`log(exp(x1) + exp(x2))`, element-wise, without overflow.

    Args:
        x1: A tensor.
        x2: A tensor broadcastable with `x1`.

    Returns:
        Floats (floatx for integers).

    Example:

    >>> keras_core.ops.logaddexp([0.0], [0.0])
    array([0.6931472], dtype=float32)
    """


@backend_op("numpy_api", _strong_to_float, tensors=_BINARY)
def logaddexp2(x1, x2):
    """`log2(2**x1 + 2**x2)`, element-wise, without overflow.

    Args:
        x1: A tensor.
        x2: A tensor broadcastable with `x1`.

    Returns:
        Floats (floatx for integers).

    Example:

    >>> keras_core.ops.logaddexp2([1.0], [1.0])
    array([2.], dtype=float32)
    """


@backend_op("numpy_api", _strong_to_float_bools_kept, tensors=_BINARY)
def heaviside(x1, x2):
    """The Heaviside step function: 0 below zero, 1 above, `x2` at zero.

    Args:
        x1: The input.
        x2: The value where `x1 == 0`, broadcastable with `x1`.

    Returns:
        Floats (floatx for integers; bool for two booleans, as in Keras).

    Example:

    >>> keras_core.ops.heaviside([-1.0, 0.0, 2.0], 0.5)
    array([0. , 0.5, 1. ], dtype=float32)
    """


@backend_op("numpy_api", _strong_to_float, tensors=_BINARY)
def nextafter(x1, x2):
    """The next representable float after `x1` towards `x2`.

    Args:
        x1: The start values.
        x2: The directions, broadcastable with `x1`.

    Returns:
        Floats (floatx for integers).

    Example:

    >>> keras_core.ops.nextafter([1.0], [2.0])
    array([1.0000001], dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote_to_float, tensors=_BINARY)
def divide_no_nan(x1, x2):
    """Divides `x1` by `x2`, giving 0 wherever `x2` is 0.

    Args:
        x1: The dividend.
        x2: The divisor, broadcastable with `x1`.

    Returns:
        `x1 / x2`, 0 where `x2 == 0`; floats (floatx for integers).

    Example:

    >>> keras_core.ops.divide_no_nan([1.0, 1.0], [2.0, 0.0])
    array([0.5, 0. ], dtype=float32)
    """


@backend_op("numpy_api", _integers, tensors=_BINARY)
def gcd(x1, x2):
    """The greatest common divisor of `|x1|` and `|x2|`, element-wise.

    Args:
        x1: An integer tensor.
        x2: An integer tensor broadcastable with `x1`.

    Returns:
        Integers in the promoted dtype (Python ints count as int32).

    Example:

    >>> keras_core.ops.gcd(numpy.array([12, 7], "int32"), 18)
    array([6, 1], dtype=int32)
    """


@backend_op("numpy_api", _integers, tensors=_BINARY)
def lcm(x1, x2):
    """The least common multiple of `|x1|` and `|x2|`, element-wise.

    Args:
        x1: An integer tensor.
        x2: An integer tensor broadcastable with `x1`.

    Returns:
        Integers in the promoted dtype (Python ints count as int32).

    Example:

    >>> keras_core.ops.lcm(numpy.array([4, 6], "int32"), 6)
    array([12,  6], dtype=int32)
    """


@backend_op("numpy_api", _ldexp, tensors=_BINARY)
def ldexp(x1, x2):
    """`x1 * 2**x2`, element-wise.

    Args:
        x1: The mantissas.
        x2: Integer exponents, broadcastable with `x1`.

    Returns:
        Floats in the dtype of `x1` (floatx for integers).

    Example:

    >>> keras_core.ops.ldexp([1.5], numpy.array([3], "int32"))
    array([12.], dtype=float32)
    """


@backend_op("numpy_api", _bitwise, tensors=_BITWISE)
def bitwise_and(x, y):
    """The bitwise AND of two integer or boolean tensors.

    Args:
        x: An integer or boolean tensor.
        y: A tensor broadcastable with `x`.

    Returns:
        `x & y` in the promoted dtype (Python ints count as int32).

    Example:

    >>> keras_core.ops.bitwise_and(numpy.array([12], "int32"), 10)
    array([8], dtype=int32)
    """


@backend_op("numpy_api", _bitwise, tensors=_BITWISE)
def bitwise_or(x, y):
    """The bitwise OR of two integer or boolean tensors.

    Args:
        x: An integer or boolean tensor.
        y: A tensor broadcastable with `x`.

    Returns:
        `x | y` in the promoted dtype (Python ints count as int32).

    Example:

    >>> keras_core.ops.bitwise_or(numpy.array([12], "int32"), 10)
    array([14], dtype=int32)
    """


@backend_op("numpy_api", _bitwise, tensors=_BITWISE)
def bitwise_xor(x, y):
    """The bitwise XOR of two integer or boolean tensors.

    Args:
        x: An integer or boolean tensor.
        y: A tensor broadcastable with `x`.

    Returns:
        `x ^ y` in the promoted dtype (Python ints count as int32).

    Example:

    >>> keras_core.ops.bitwise_xor(numpy.array([12], "int32"), 10)
    array([6], dtype=int32)
    """


@backend_op("numpy_api", _shift, tensors=_BITWISE)
def bitwise_left_shift(x, y):
    """Shifts the bits of `x` left by `y`, element-wise.

    Args:
        x: An integer tensor.
        y: Shift amounts, broadcastable with `x`.

    Returns:
        `x << y` in the promoted dtype (0 when `y` is the bit width or more).

    Example:

    >>> keras_core.ops.bitwise_left_shift(numpy.array([1, 3], "int8"), 2)
    array([ 4, 12], dtype=int8)
    """


@backend_op("numpy_api", _shift, tensors=_BITWISE)
def bitwise_right_shift(x, y):
    """Shifts the bits of `x` right by `y`, keeping the sign.

    Args:
        x: An integer tensor.
        y: Shift amounts, broadcastable with `x`.

    Returns:
        `x >> y` in the promoted dtype.

    Example:

    >>> keras_core.ops.bitwise_right_shift(numpy.array([8, -8], "int8"), 2)
    array([ 2, -2], dtype=int8)
    """


@backend_op("numpy_api", dtype_rules.compare, tensors=_BINARY)
def isclose(x1, x2, rtol=1e-05, atol=1e-08, equal_nan=False):
    """Whether `x1` and `x2` are equal within a tolerance, element-wise.

    Args:
        x1: A tensor.
        x2: A tensor broadcastable with `x1`.
        rtol: The relative tolerance (a fraction of `|x2|`).
        atol: The absolute tolerance.
        equal_nan: Whether two NaNs count as close.

    Returns:
        A boolean tensor: `|x1 - x2| <= atol + rtol * |x2|`.

    Example:

    >>> keras_core.ops.isclose([1.0, 1.1], [1.0, 1.0])
    array([ True, False])
    """


@backend_op("numpy_api", dtype_rules.compare, tensors=_BINARY)
def allclose(x1, x2, rtol=1e-05, atol=1e-08, equal_nan=False):
    """Whether all elements of `x1` and `x2` are close (see `isclose`).

    Args:
        x1: A tensor.
        x2: A tensor broadcastable with `x1`.
        rtol: The relative tolerance (a fraction of `|x2|`).
        atol: The absolute tolerance.
        equal_nan: Whether two NaNs count as close.

    Returns:
        A boolean scalar tensor.

    Example:

    >>> keras_core.ops.allclose([1.0, 1.1], [1.0, 1.0])
    array(False)
    """


# NumPy's older names for the shifts: the same ops.
left_shift = bitwise_left_shift
right_shift = bitwise_right_shift
