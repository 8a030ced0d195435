"""Reductions and cumulative ops of the NumPy API (sum, max, argmax, cumsum...).

`axis` is None (every axis), an int, or a tuple/list of ints; `keepdims`
keeps the reduced axes with length 1. The `nan*` variants ignore NaNs as
NumPy's do. Result dtypes follow Keras 3: sums and products of small
integers accumulate in 32 bits, means and deviations give floats, indices
and counts are int32.
"""

from keras_core._src.backend.common.config import floatx
from keras_core._src.backend.common.dtypes import is_float_dtype
from keras_core._src.backend.common.dtypes import is_int_dtype
from keras_core._src.backend.common.dtypes import result_type
from keras_core._src.ops import dtype_rules
from keras_core._src.ops.op_definition import backend_op

__all__ = [
    "all",
    "amax",
    "amin",
    "any",
    "argmax",
    "argmin",
    "count_nonzero",
    "cumprod",
    "cumsum",
    "max",
    "mean",
    "min",
    "nanargmax",
    "nanargmin",
    "nancumprod",
    "nancumsum",
    "nanmax",
    "nanmean",
    "nanmin",
    "nanprod",
    "nanstd",
    "nansum",
    "nanvar",
    "prod",
    "ptp",
    "std",
    "sum",
    "var",
]


def _accumulator(dtype):
    """The dtype NumPy sums and multiplies in: at least 32-bit integers.

    Booleans and signed integers narrower than 32 bits accumulate in int32,
    unsigned ones in uint32 (as Keras 3 does); wider and float dtypes keep.
    """
    dtype = result_type(dtype)
    if dtype == "bool":
        return "int32"
    if is_int_dtype(dtype) and int(dtype.lstrip("uint")) < 32:
        return "uint32" if dtype.startswith("u") else "int32"
    return dtype


def _sum_rule(dtype):
    """Sums in the accumulator dtype (int8 -> int32, uint8 -> uint32)."""
    dtype = _accumulator(dtype)
    return dtype, dtype


def _with_dtype_argument(accumulator):
    """A rule for ops with a `dtype` argument, which the rule cannot see.

    The input is converted to the default accumulator; the backend then
    casts to `dtype` when one is given. The result is not cast afterwards
    (None), so the backend must return exactly the dtype it means.
    """

    def rule(dtype):
        return accumulator(dtype), None

    rule.__doc__ = _with_dtype_argument.__doc__
    return rule


def _cumulative_accumulator(dtype):
    """Cumulative ops keep integer widths; only booleans become int32."""
    dtype = result_type(dtype)
    return "int32" if dtype == "bool" else dtype


_prod_rule = _with_dtype_argument(_accumulator)
_cumulative_rule = _with_dtype_argument(_cumulative_accumulator)


def _float_rule(dtype):
    """Means and deviations are floats: integers and booleans give floatx.

    Half-precision inputs are computed in float32 (as NumPy accumulates
    them) and the result is given back in the input dtype.
    """
    dtype = result_type(dtype, float)
    if not is_float_dtype(dtype):
        dtype = floatx()
    compute = "float32" if dtype in ("float16", "bfloat16") else dtype
    return compute, dtype


def _index_rule(dtype):
    """Indices and counts are int32 whatever the input."""
    result_type(dtype)
    return None, "int32"


@backend_op("numpy_api", _sum_rule)
def sum(x, axis=None, keepdims=False):
    """Sums the elements of `x` over the given axes.

    Args:
        x: Input tensor.
        axis: Axis or axes to reduce (an int, a tuple or list of ints), or
            None for all axes.
        keepdims: Whether to keep the reduced axes with length 1.

    Returns:
        The sum; small integers and booleans are summed as int32 (uint32 for
        unsigned integers).

    Example:

    >>> keras_core.ops.sum(numpy.array([[1, 2], [3, 4]], "int8"), axis=0)
    array([4, 6], dtype=int32)
    """


@backend_op("numpy_api", _prod_rule)
def prod(x, axis=None, keepdims=False, dtype=None):
    """Multiplies the elements of `x` over the given axes.

    Args:
        x: Input tensor.
        axis: Axis or axes to reduce (an int, a tuple or list of ints), or
            None for all axes.
        keepdims: Whether to keep the reduced axes with length 1.
        dtype: The dtype to multiply and return in; by default int32 for
            booleans and small integers (uint32 if unsigned), else the input's.

    Returns:
        The product.

    Example:

    >>> keras_core.ops.prod([[1.0, 2.0], [3.0, 4.0]], axis=1)
    array([ 2., 12.], dtype=float32)
    """


@backend_op("numpy_api", _float_rule)
def mean(x, axis=None, keepdims=False):
    """The arithmetic mean of `x` over the given axes.

    Args:
        x: Input tensor.
        axis: Axis or axes to reduce (an int, a tuple or list of ints), or
            None for all axes.
        keepdims: Whether to keep the reduced axes with length 1.

    Returns:
        The mean, as floats (floatx for integer and boolean inputs).

    Example:

    >>> keras_core.ops.mean(numpy.array([1, 2], "int32"))
    array(1.5, dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote)
def max(x, axis=None, keepdims=False, initial=None):
    """The largest element of `x` over the given axes (NaN if any is NaN).

    Args:
        x: Input tensor.
        axis: Axis or axes to reduce (an int, a tuple or list of ints), or
            None for all axes.
        keepdims: Whether to keep the reduced axes with length 1.
        initial: A value the maximum is at least; it also gives the result
            of an empty reduction.

    Returns:
        The maximum, in the input dtype.

    Example:

    >>> keras_core.ops.max([[1.0, 5.0], [3.0, 2.0]], axis=1)
    array([5., 3.], dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote)
def min(x, axis=None, keepdims=False, initial=None):
    """The smallest element of `x` over the given axes (NaN if any is NaN).

    Args:
        x: Input tensor.
        axis: Axis or axes to reduce (an int, a tuple or list of ints), or
            None for all axes.
        keepdims: Whether to keep the reduced axes with length 1.
        initial: A value the minimum is at most; it also gives the result
            of an empty reduction.

    Returns:
        The minimum, in the input dtype.

    Example:

    >>> keras_core.ops.min([[1.0, 5.0], [3.0, 2.0]], axis=1)
    array([1., 2.], dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote)
def amax(x, axis=None, keepdims=False):
    """The largest element of `x` over the given axes (like `max`).

    Args:
        x: Input tensor.
        axis: Axis or axes to reduce (an int, a tuple or list of ints), or
            None for all axes.
        keepdims: Whether to keep the reduced axes with length 1.

    Returns:
        The maximum, in the input dtype.

    Example:

    >>> keras_core.ops.amax([1.0, 5.0, 3.0])
    array(5., dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote)
def amin(x, axis=None, keepdims=False):
    """The smallest element of `x` over the given axes (like `min`).

    Args:
        x: Input tensor.
        axis: Axis or axes to reduce (an int, a tuple or list of ints), or
            None for all axes.
        keepdims: Whether to keep the reduced axes with length 1.

    Returns:
        The minimum, in the input dtype.

    Example:

    >>> keras_core.ops.amin([1.0, 5.0, 3.0])
    array(1., dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.boolean_result)
def all(x, axis=None, keepdims=False):
    """Whether every element of `x` is true (non-zero) over the given axes.

    Args:
        x: Input tensor.
        axis: Axis or axes to reduce (an int, a tuple or list of ints), or
            None for all axes.
        keepdims: Whether to keep the reduced axes with length 1.

    Returns:
        A boolean tensor.

    Example:

    >>> keras_core.ops.all([[1, 0], [2, 3]], axis=1)
    array([False,  True])
    """


@backend_op("numpy_api", dtype_rules.boolean_result)
def any(x, axis=None, keepdims=False):
    """Whether some element of `x` is true (non-zero) over the given axes.

    Args:
        x: Input tensor.
        axis: Axis or axes to reduce (an int, a tuple or list of ints), or
            None for all axes.
        keepdims: Whether to keep the reduced axes with length 1.

    Returns:
        A boolean tensor.

    Example:

    >>> keras_core.ops.any([[0, 0], [2, 0]], axis=1)
    array([False,  True])
    """


@backend_op("numpy_api", _float_rule)
def std(x, axis=None, keepdims=False):
    """The standard deviation of `x` over the given axes (divided by N).

    Args:
        x: Input tensor.
        axis: Axis or axes to reduce (an int, a tuple or list of ints), or
            None for all axes.
        keepdims: Whether to keep the reduced axes with length 1.

    Returns:
        The standard deviation, as floats (floatx for integer inputs).

    Example:

    >>> keras_core.ops.std([1.0, 3.0])
    array(1., dtype=float32)
    """


@backend_op("numpy_api", _float_rule)
def var(x, axis=None, keepdims=False):
    """The variance of `x` over the given axes (divided by N).

    Args:
        x: Input tensor.
        axis: Axis or axes to reduce (an int, a tuple or list of ints), or
            None for all axes.
        keepdims: Whether to keep the reduced axes with length 1.

    Returns:
        The variance, as floats (floatx for integer inputs).

    Example:

    >>> keras_core.ops.var([1.0, 3.0])
    array(1., dtype=float32)
    """


@backend_op("numpy_api", _index_rule)
def argmax(x, axis=None, keepdims=False):
    """The index of the largest element (the first one on ties or NaN).

    Args:
        x: Input tensor.
        axis: The axis to search along, or None to search the flattened
            tensor.
        keepdims: Whether to keep the reduced axis with length 1.

    Returns:
        int32 indices; into the flattened tensor when `axis` is None.

    Example:

    >>> keras_core.ops.argmax([[1.0, 5.0], [3.0, 2.0]], axis=1)
    array([1, 0], dtype=int32)
    """


@backend_op("numpy_api", _index_rule)
def argmin(x, axis=None, keepdims=False):
    """The index of the smallest element (the first one on ties or NaN).

    Args:
        x: Input tensor.
        axis: The axis to search along, or None to search the flattened
            tensor.
        keepdims: Whether to keep the reduced axis with length 1.

    Returns:
        int32 indices; into the flattened tensor when `axis` is None.

    Example:

    >>> keras_core.ops.argmin([[1.0, 5.0], [3.0, 2.0]], axis=1)
    array([0, 1], dtype=int32)
    """


@backend_op("numpy_api", _index_rule)
def count_nonzero(x, axis=None):
    """Counts the non-zero elements of `x` over the given axes.

    Args:
        x: Input tensor.
        axis: Axis or axes to reduce (an int, a tuple or list of ints), or
            None for all axes.

    Returns:
        int32 counts.

    Example:

    >>> keras_core.ops.count_nonzero([[0, 1], [2, 3]], axis=1)
    array([1, 2], dtype=int32)
    """


@backend_op("numpy_api", dtype_rules.promote_numeric)
def ptp(x, axis=None, keepdims=False):
    """The range (maximum minus minimum) of `x` over the given axes.

    Args:
        x: Input tensor.
        axis: Axis or axes to reduce (an int, a tuple or list of ints), or
            None for all axes.
        keepdims: Whether to keep the reduced axes with length 1.

    Returns:
        The range, in the input dtype; booleans are refused.

    Example:

    >>> keras_core.ops.ptp([[1.0, 5.0], [3.0, 2.0]], axis=1)
    array([4., 1.], dtype=float32)
    """


@backend_op("numpy_api", _cumulative_rule)
def cumsum(x, axis=None, dtype=None):
    """The cumulative sum of `x` along an axis.

    Args:
        x: Input tensor.
        axis: The axis to accumulate along, or None to accumulate over the
            flattened tensor.
        dtype: The dtype to accumulate and return in; by default the input
            dtype (booleans give int32).

    Returns:
        The running sums, with the shape of `x` (flat when `axis` is None).

    Example:

    >>> keras_core.ops.cumsum([[1, 2], [3, 4]], axis=1)
    array([[1, 3],
           [3, 7]], dtype=int32)
    """


@backend_op("numpy_api", _cumulative_rule)
def cumprod(x, axis=None, dtype=None):
    """The cumulative product of `x` along an axis.

    Args:
        x: Input tensor.
        axis: The axis to accumulate along, or None to accumulate over the
            flattened tensor.
        dtype: The dtype to accumulate and return in; by default the input
            dtype (booleans give int32).

    Returns:
        The running products, with the shape of `x` (flat when `axis` is None).

    Example:

    >>> keras_core.ops.cumprod([1.0, 2.0, 3.0])
    array([1., 2., 6.], dtype=float32)
    """


@backend_op("numpy_api", _sum_rule)
def nansum(x, axis=None, keepdims=False):
    """Sums the elements of `x` over the given axes, NaNs counting as zero.

    Args:
        x: Input tensor.
        axis: Axis or axes to reduce (an int, a tuple or list of ints), or
            None for all axes.
        keepdims: Whether to keep the reduced axes with length 1.

    Returns:
        The sum, in the dtype `sum` gives.

    Example:

    >>> keras_core.ops.nansum([1.0, numpy.nan, 2.0])
    array(3., dtype=float32)
    """


@backend_op("numpy_api", _sum_rule)
def nanprod(x, axis=None, keepdims=False):
    """Multiplies the elements of `x` over the given axes, NaNs counting as one.

    Args:
        x: Input tensor.
        axis: Axis or axes to reduce (an int, a tuple or list of ints), or
            None for all axes.
        keepdims: Whether to keep the reduced axes with length 1.

    Returns:
        The product, in the dtype `prod` gives.

    Example:

    >>> keras_core.ops.nanprod([2.0, numpy.nan, 3.0])
    array(6., dtype=float32)
    """


@backend_op("numpy_api", _float_rule)
def nanmean(x, axis=None, keepdims=False):
    """The mean of the non-NaN elements of `x` (NaN where all are NaN).

    Args:
        x: Input tensor.
        axis: Axis or axes to reduce (an int, a tuple or list of ints), or
            None for all axes.
        keepdims: Whether to keep the reduced axes with length 1.

    Returns:
        The mean, as floats (floatx for integer inputs).

    Example:

    >>> keras_core.ops.nanmean([1.0, numpy.nan, 2.0])
    array(1.5, dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote)
def nanmax(x, axis=None, keepdims=False):
    """The largest non-NaN element of `x` (NaN where all are NaN).

    Args:
        x: Input tensor.
        axis: Axis or axes to reduce (an int, a tuple or list of ints), or
            None for all axes.
        keepdims: Whether to keep the reduced axes with length 1.

    Returns:
        The maximum, in the input dtype.

    Example:

    >>> keras_core.ops.nanmax([1.0, numpy.nan, 2.0])
    array(2., dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote)
def nanmin(x, axis=None, keepdims=False):
    """The smallest non-NaN element of `x` (NaN where all are NaN).

    Args:
        x: Input tensor.
        axis: Axis or axes to reduce (an int, a tuple or list of ints), or
            None for all axes.
        keepdims: Whether to keep the reduced axes with length 1.

    Returns:
        The minimum, in the input dtype.

    Example:

    >>> keras_core.ops.nanmin([1.0, numpy.nan, 2.0])
    array(1., dtype=float32)
    """


@backend_op("numpy_api", _float_rule)
def nanstd(x, axis=None, keepdims=False):
    """The standard deviation of the non-NaN elements of `x` (divided by N).

    Args:
        x: Input tensor.
        axis: Axis or axes to reduce (an int, a tuple or list of ints), or
            None for all axes.
        keepdims: Whether to keep the reduced axes with length 1.

    Returns:
        The standard deviation, as floats (NaN where all are NaN).

    Example:

    >>> keras_core.ops.nanstd([1.0, numpy.nan, 3.0])
    array(1., dtype=float32)
    """


@backend_op("numpy_api", _float_rule)
def nanvar(x, axis=None, keepdims=False):
    """The variance of the non-NaN elements of `x` (divided by N).

    Args:
        x: Input tensor.
        axis: Axis or axes to reduce (an int, a tuple or list of ints), or
            None for all axes.
        keepdims: Whether to keep the reduced axes with length 1.

    Returns:
        The variance, as floats (NaN where all are NaN).

    Example:

    >>> keras_core.ops.nanvar([1.0, numpy.nan, 3.0])
    array(1., dtype=float32)
    """


@backend_op("numpy_api", _index_rule)
def nanargmax(x, axis=None, keepdims=False):
    """The index of the largest non-NaN element (-1 where all are NaN).

    Args:
        x: Input tensor.
        axis: The axis to search along, or None to search the flattened
            tensor.
        keepdims: Whether to keep the reduced axis with length 1.

    Returns:
        int32 indices; into the flattened tensor when `axis` is None.

    Example:

    >>> keras_core.ops.nanargmax([1.0, numpy.nan, 2.0])
    array(2, dtype=int32)
    """


@backend_op("numpy_api", _index_rule)
def nanargmin(x, axis=None, keepdims=False):
    """The index of the smallest non-NaN element (-1 where all are NaN).

    Args:
        x: Input tensor.
        axis: The axis to search along, or None to search the flattened
            tensor.
        keepdims: Whether to keep the reduced axis with length 1.

    Returns:
        int32 indices; into the flattened tensor when `axis` is None.

    Example:

    >>> keras_core.ops.nanargmin([3.0, numpy.nan, 2.0])
    array(2, dtype=int32)
    """


@backend_op("numpy_api", _cumulative_rule)
def nancumsum(x, axis=None, dtype=None):
    """The cumulative sum of `x` along an axis, NaNs counting as zero.

    Args:
        x: Input tensor.
        axis: The axis to accumulate along, or None to accumulate over the
            flattened tensor.
        dtype: The dtype to accumulate and return in; by default the input
            dtype (booleans give int32).

    Returns:
        The running sums, with the shape of `x` (flat when `axis` is None).

    Example:

    >>> keras_core.ops.nancumsum([1.0, numpy.nan, 2.0])
    array([1., 1., 3.], dtype=float32)
    """


@backend_op("numpy_api", _cumulative_rule)
def nancumprod(x, axis=None, dtype=None):
    """The cumulative product of `x` along an axis, NaNs counting as one.

    Args:
        x: Input tensor.
        axis: The axis to accumulate along, or None to accumulate over the
            flattened tensor.
        dtype: The dtype to accumulate and return in; by default the input
            dtype (booleans give int32).

    Returns:
        The running products, with the shape of `x` (flat when `axis` is None).

    Example:

    >>> keras_core.ops.nancumprod([2.0, numpy.nan, 3.0])
    array([2., 2., 6.], dtype=float32)
    """
