"""Element-wise rounding, classification, complex-part and bitwise-not ops.

All of them take one tensor and keep its shape. Rounding of integers is the
identity (except `round` with negative `decimals`), classification ops give
booleans, and the complex-part ops are identities (or zeros) on real inputs.
"""

from keras_core._src.backend.common.dtypes import is_float_dtype
from keras_core._src.backend.common.dtypes import result_type
from keras_core._src.ops import dtype_rules
from keras_core._src.ops.op_definition import backend_op

__all__ = [
    "angle",
    "bitwise_invert",
    "bitwise_not",
    "ceil",
    "conj",
    "conjugate",
    "copy",
    "fabs",
    "floor",
    "imag",
    "isfinite",
    "isinf",
    "isnan",
    "isneginf",
    "isposinf",
    "isreal",
    "logical_not",
    "nan_to_num",
    "real",
    "round",
    "signbit",
    "trunc",
]

_COMPLEX_PARTS = {"complex64": "float32", "complex128": "float64"}


def _round_rule(x_type):
    """`round`: dtype kept, except booleans, which NumPy rounds as float16."""
    dtype = result_type(x_type)
    if dtype == "bool":
        return "float16", "float16"
    return dtype, dtype


def _conj_rule(x_type):
    """`conj`: dtype kept, except booleans, which NumPy conjugates as int8."""
    dtype = result_type(x_type)
    if dtype == "bool":
        return "int8", "int8"
    return dtype, dtype


def _complex_part_rule(x_type):
    """`real`/`imag`: tensors only (as in Keras); complex gives its float part."""
    if x_type in (int, float, complex):
        raise TypeError("expected a tensor, not a Python number.")
    dtype = result_type(x_type)
    return dtype, _COMPLEX_PARTS.get(dtype, dtype)


def _angle_rule(x_type):
    """`angle`: floats (floatx for integers); complex gives its float part."""
    dtype = result_type(x_type)
    if dtype in _COMPLEX_PARTS:
        return dtype, _COMPLEX_PARTS[dtype]
    return dtype_rules.promote_to_float(x_type)


def _bitwise_rule(x_type):
    """`bitwise_invert`: booleans and integers only, dtype kept."""
    dtype = result_type(x_type)
    if is_float_dtype(dtype) or dtype in _COMPLEX_PARTS:
        raise TypeError(
            f"bitwise ops need integer or boolean inputs, got {dtype}. "
            "Cast the input to an integer dtype first."
        )
    return dtype, dtype


@backend_op("numpy_api", dtype_rules.promote_to_float)
def floor(x):
    """The largest integer not greater than `x`, element-wise.

    Args:
        x: A tensor.

    Returns:
        `floor(x)` as floats (floatx for integer and boolean inputs).

    Example:

    >>> keras_core.ops.floor([-1.5, 0.5, 2.0])
    array([-2.,  0.,  2.], dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote_to_float)
def ceil(x):
    """The smallest integer not less than `x`, element-wise.

    Args:
        x: A tensor.

    Returns:
        `ceil(x)` as floats (floatx for integer and boolean inputs).

    Example:

    >>> keras_core.ops.ceil([-1.5, 0.5, 2.0])
    array([-1.,  1.,  2.], dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote)
def trunc(x):
    """Rounds `x` towards zero, element-wise.

    Args:
        x: A tensor.

    Returns:
        `x` without its fractional part, in the dtype of `x`.

    Example:

    >>> keras_core.ops.trunc([-1.7, 1.7])
    array([-1.,  1.], dtype=float32)
    """


@backend_op("numpy_api", _round_rule)
def round(x, decimals=0):
    """Rounds `x` to `decimals` decimal places, halves to even (as NumPy).

    Args:
        x: A tensor.
        decimals: How many decimal places to keep; negative values round to
            tens, hundreds, ... (integers are then rounded too).

    Returns:
        The rounded tensor, in the dtype of `x` (float16 for booleans).

    Example:

    >>> keras_core.ops.round([0.5, 1.5, 2.567], decimals=0)
    array([0., 2., 3.], dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote_to_float)
def fabs(x):
    """The absolute value of `x` as floats, element-wise.

    Args:
        x: A tensor.

    Returns:
        `|x|` as floats (floatx for integer and boolean inputs).

    Example:

    >>> keras_core.ops.fabs(numpy.array([-2, 3], "int32"))
    array([2., 3.], dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.compare)
def isnan(x):
    """Whether `x` is NaN, element-wise.

    Args:
        x: A tensor.

    Returns:
        A boolean tensor (all False for integer inputs).

    Example:

    >>> keras_core.ops.isnan([1.0, float("nan")])
    array([False,  True])
    """


@backend_op("numpy_api", dtype_rules.compare)
def isinf(x):
    """Whether `x` is positive or negative infinity, element-wise.

    Args:
        x: A tensor.

    Returns:
        A boolean tensor (all False for integer inputs).

    Example:

    >>> keras_core.ops.isinf([1.0, float("inf"), -float("inf")])
    array([False,  True,  True])
    """


@backend_op("numpy_api", dtype_rules.compare)
def isfinite(x):
    """Whether `x` is neither infinite nor NaN, element-wise.

    Args:
        x: A tensor.

    Returns:
        A boolean tensor (all True for integer inputs).

    Example:

    >>> keras_core.ops.isfinite([1.0, float("inf"), float("nan")])
    array([ True, False, False])
    """


@backend_op("numpy_api", dtype_rules.compare)
def isneginf(x):
    """Whether `x` is negative infinity, element-wise.

    Args:
        x: A tensor.

    Returns:
        A boolean tensor (all False for integer inputs).

    Example:

    >>> keras_core.ops.isneginf([1.0, float("inf"), -float("inf")])
    array([False, False,  True])
    """


@backend_op("numpy_api", dtype_rules.compare)
def isposinf(x):
    """Whether `x` is positive infinity, element-wise.

    Args:
        x: A tensor.

    Returns:
        A boolean tensor (all False for integer inputs).

    Example:

    >>> keras_core.ops.isposinf([1.0, float("inf"), -float("inf")])
    array([False,  True, False])
    """


@backend_op("numpy_api", dtype_rules.compare)
def isreal(x):
    """Whether `x` has a zero imaginary part, element-wise.

    Args:
        x: A tensor.

    Returns:
        A boolean tensor (all True for real dtypes).

    Example:

    >>> keras_core.ops.isreal([1.0, 2.0])
    array([ True,  True])
    """


@backend_op("numpy_api", dtype_rules.compare)
def logical_not(x):
    """The logical negation of `x` (nonzero is True), element-wise.

    Args:
        x: A tensor.

    Returns:
        A boolean tensor, True where `x` is zero or False.

    Example:

    >>> keras_core.ops.logical_not([0.0, 2.0])
    array([ True, False])
    """


@backend_op("numpy_api", dtype_rules.compare)
def signbit(x):
    """Whether the sign bit of `x` is set, element-wise.

    Unlike `x < 0`, this is True for `-0.0` and for NaNs with the sign bit.

    Args:
        x: A tensor.

    Returns:
        A boolean tensor.

    Example:

    >>> keras_core.ops.signbit([-1.0, -0.0, 0.0, 2.0])
    array([ True,  True, False, False])
    """


@backend_op("numpy_api", _conj_rule)
def conjugate(x):
    """The complex conjugate of `x`, element-wise.

    Args:
        x: A tensor.

    Returns:
        `x` with its imaginary part negated; real inputs are returned as
        they are (booleans as int8, as NumPy does).

    Example:

    >>> keras_core.ops.conjugate(numpy.array([1 + 2j], "complex64"))
    array([1.-2.j], dtype=complex64)
    """


# `conj` is the same op under NumPy's short name.
conj = conjugate


@backend_op("numpy_api", _complex_part_rule)
def real(x):
    """The real part of `x`, element-wise.

    Args:
        x: A tensor (not a Python number).

    Returns:
        The real part as floats for complex inputs; `x` itself otherwise.

    Example:

    >>> keras_core.ops.real(numpy.array([1 + 2j], "complex64"))
    array([1.], dtype=float32)
    """


@backend_op("numpy_api", _complex_part_rule)
def imag(x):
    """The imaginary part of `x`, element-wise.

    Args:
        x: A tensor (not a Python number).

    Returns:
        The imaginary part as floats for complex inputs; zeros in the dtype
        of `x` otherwise.

    Example:

    >>> keras_core.ops.imag(numpy.array([1 + 2j], "complex64"))
    array([2.], dtype=float32)
    """


@backend_op("numpy_api", _angle_rule)
def angle(x):
    """The counterclockwise angle of `x` from the positive real axis.

    Args:
        x: A tensor.

    Returns:
        The angle in radians, in `(-pi, pi]`: `pi` for negative reals
        (and `-0.0`), 0 for other reals; floatx for integer inputs.

    Example:

    >>> keras_core.ops.angle([-1.0, 2.0])
    array([3.1415927, 0.       ], dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote)
def copy(x):
    """A copy of `x`.

    Args:
        x: A tensor.

    Returns:
        A new tensor with the values and dtype of `x`.

    Example:

    >>> keras_core.ops.copy([1.0, 2.0])
    array([1., 2.], dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote)
def nan_to_num(x, nan=0.0, posinf=None, neginf=None):
    """Replaces NaN and infinities in `x` by finite numbers.

    Args:
        x: A tensor.
        nan: The value that replaces NaN.
        posinf: The value that replaces positive infinity; by default the
            largest finite value of the dtype of `x`.
        neginf: The value that replaces negative infinity; by default the
            smallest (most negative) finite value of the dtype of `x`.

    Returns:
        `x` with these values replaced, in its dtype (integers unchanged).

    Example:

    >>> keras_core.ops.nan_to_num([float("nan"), 1.0], nan=-1.0)
    array([-1.,  1.], dtype=float32)
    """


@backend_op("numpy_api", _bitwise_rule)
def bitwise_invert(x):
    """The bitwise NOT of `x` (logical NOT for booleans), element-wise.

    Args:
        x: A tensor of integers or booleans.

    Returns:
        `~x`, in the dtype of `x`.

    Example:

    >>> keras_core.ops.bitwise_invert(numpy.array([0, 5], "uint8"))
    array([255, 250], dtype=uint8)
    """


# `bitwise_not` is the same op under its other NumPy name.
bitwise_not = bitwise_invert
