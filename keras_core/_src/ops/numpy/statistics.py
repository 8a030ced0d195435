"""Statistics of the NumPy API: medians, quantiles, averages, correlations,
integrals and differences.

Quantiles follow NumPy's definitions of the `linear`, `lower`, `higher`,
`midpoint` and `nearest` methods (`nearest` rounds a half-way position to
the even index, as NumPy does); the `nan*` variants ignore NaNs, the plain
ones give NaN for a slice holding one. Results are floats: integer and
boolean inputs give floatx, half-precision inputs are computed in float32
and given back in their own dtype.
"""

from keras_core._src.backend.common.config import floatx
from keras_core._src.backend.common.dtypes import is_float_dtype
from keras_core._src.backend.common.dtypes import narrowed_dtype
from keras_core._src.backend.common.dtypes import result_type
from keras_core._src.ops import dtype_rules
from keras_core._src.ops.op_definition import backend_op

__all__ = [
    "average",
    "corrcoef",
    "correlate",
    "diff",
    "median",
    "nanmedian",
    "nanpercentile",
    "nanquantile",
    "percentile",
    "quantile",
    "trapezoid",
]


def _float_result(*types):
    """The float dtype of a statistic of `types` (absent tensors are None).

    Integers and booleans give floatx (through the weak float of the
    lattice); half-precision floats are computed in float32, as NumPy
    accumulates them, and given back in their own dtype.
    """
    dtype = result_type(*[t for t in types if t is not None], float)
    if not is_float_dtype(dtype):
        dtype = floatx()
    compute = "float32" if dtype in ("float16", "bfloat16") else dtype
    return compute, dtype


def _statistic_rule(*types):
    """Every tensor leaf promoted together to a float (average, correlate)."""
    return _float_result(*types)


def _correlate_rule(x1, x2):
    """Like `_statistic_rule`, but integers promoting to int64 give float64
    where 64-bit values are kept (TensorFlow), as Keras does there."""
    if result_type(x1, x2) == "int64":
        dtype = narrowed_dtype("float64")
        return dtype, dtype
    return _float_result(x1, x2)


def _first_operand_rule(first, *others):
    """The result's dtype comes from the first tensor alone (quantile's `x`,
    trapezoid's `y`); the others (`q`, the sample points) are computed in the
    same dtype."""
    return _float_result(first)


@backend_op("numpy_api", _first_operand_rule, tensors=("x",))
def median(x, axis=None, keepdims=False):
    """The median of `x` over the given axes (NaN where a slice has a NaN).

    Args:
        x: Input tensor.
        axis: Axis or axes to reduce (an int, a tuple or list of ints), or
            None for all axes.
        keepdims: Whether to keep the reduced axes with length 1.

    Returns:
        The median, as floats (floatx for integer and boolean inputs).

    Example:

    >>> keras_core.ops.median([[1.0, 3.0, 2.0], [4.0, 6.0, 5.0]], axis=1)
    array([2., 5.], dtype=float32)
    """


@backend_op("numpy_api", _first_operand_rule, tensors=("x",))
def nanmedian(x, axis=None, keepdims=False):
    """The median of `x` over the given axes, ignoring NaNs.

    Args:
        x: Input tensor.
        axis: Axis or axes to reduce (an int, a tuple or list of ints), or
            None for all axes.
        keepdims: Whether to keep the reduced axes with length 1.

    Returns:
        The median of the values that are not NaN (NaN for a slice of NaNs
        only), as floats.

    Example:

    >>> keras_core.ops.nanmedian([1.0, numpy.nan, 3.0])
    array(2., dtype=float32)
    """


@backend_op("numpy_api", _first_operand_rule, tensors=("x", "q"))
def quantile(x, q, axis=None, method="linear", keepdims=False):
    """The `q`-th quantiles of `x` over the given axes.

    Args:
        x: Input tensor.
        q: Quantile or quantiles to compute, in [0, 1]: a scalar or a 1-D
            tensor.
        axis: Axis or axes to reduce (an int, a tuple or list of ints), or
            None for all axes.
        method: How a quantile between two data points is estimated, as in
            NumPy: `"linear"`, `"lower"`, `"higher"`, `"midpoint"` or
            `"nearest"`.
        keepdims: Whether to keep the reduced axes with length 1.

    Returns:
        The quantiles, as floats; a 1-D `q` adds a first axis, one entry per
        quantile. A slice holding a NaN gives NaN. Quantiles outside [0, 1]
        raise an error when their value is known (eager calls) and give NaN
        inside a compiled function.

    Example:

    >>> keras_core.ops.quantile([1.0, 2.0, 3.0, 4.0], [0.25, 0.5])
    array([1.75, 2.5 ], dtype=float32)
    """


@backend_op("numpy_api", _first_operand_rule, tensors=("x", "q"))
def nanquantile(x, q, axis=None, method="linear", keepdims=False):
    """The `q`-th quantiles of `x` over the given axes, ignoring NaNs.

    Args:
        x: Input tensor.
        q: Quantile or quantiles to compute, in [0, 1]: a scalar or a 1-D
            tensor.
        axis: Axis or axes to reduce (an int, a tuple or list of ints), or
            None for all axes.
        method: How a quantile between two data points is estimated, as in
            NumPy: `"linear"`, `"lower"`, `"higher"`, `"midpoint"` or
            `"nearest"`.
        keepdims: Whether to keep the reduced axes with length 1.

    Returns:
        The quantiles of the values that are not NaN (NaN for a slice of
        NaNs only), as floats; a 1-D `q` adds a first axis.

    Example:

    >>> keras_core.ops.nanquantile([1.0, numpy.nan, 3.0], 0.5)
    array(2., dtype=float32)
    """


@backend_op("numpy_api", _first_operand_rule, tensors=("x", "q"))
def percentile(x, q, axis=None, method="linear", keepdims=False):
    """The `q`-th percentiles of `x` over the given axes.

    Args:
        x: Input tensor.
        q: Percentile or percentiles to compute, in [0, 100]: a scalar or a
            1-D tensor.
        axis: Axis or axes to reduce (an int, a tuple or list of ints), or
            None for all axes.
        method: How a percentile between two data points is estimated, as
            in NumPy: `"linear"`, `"lower"`, `"higher"`, `"midpoint"` or
            `"nearest"`.
        keepdims: Whether to keep the reduced axes with length 1.

    Returns:
        The percentiles, as floats (NaN for a slice holding a NaN); a 1-D
        `q` adds a first axis.

    Example:

    >>> keras_core.ops.percentile([1.0, 2.0, 3.0, 4.0], 50)
    array(2.5, dtype=float32)
    """


@backend_op("numpy_api", _first_operand_rule, tensors=("x", "q"))
def nanpercentile(x, q, axis=None, method="linear", keepdims=False):
    """The `q`-th percentiles of `x` over the given axes, ignoring NaNs.

    Args:
        x: Input tensor.
        q: Percentile or percentiles to compute, in [0, 100]: a scalar or a
            1-D tensor.
        axis: Axis or axes to reduce (an int, a tuple or list of ints), or
            None for all axes.
        method: How a percentile between two data points is estimated, as
            in NumPy: `"linear"`, `"lower"`, `"higher"`, `"midpoint"` or
            `"nearest"`.
        keepdims: Whether to keep the reduced axes with length 1.

    Returns:
        The percentiles of the values that are not NaN, as floats; a 1-D
        `q` adds a first axis.

    Example:

    >>> keras_core.ops.nanpercentile([1.0, numpy.nan, 3.0], 50)
    array(2., dtype=float32)
    """


@backend_op("numpy_api", _statistic_rule, tensors=("x", "weights"))
def average(x, axis=None, weights=None):
    """The weighted average of `x` over the given axes.

    Args:
        x: Input tensor.
        axis: Axis or axes to average over (an int, a tuple or list of
            ints), or None for all axes.
        weights: Optional tensor of weights: of the shape of `x`, or (with
            `axis` given) of the shape of the averaged axes, e.g. 1-D of
            length `x.shape[axis]`. None weighs every element the same.

    Returns:
        `sum(x * weights) / sum(weights)` over the axes, as floats. Weights
        summing to zero give inf or NaN.

    Example:

    >>> keras_core.ops.average([1.0, 2.0, 4.0], weights=[1.0, 1.0, 2.0])
    array(2.75, dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote_to_float)
def corrcoef(x):
    """Pearson correlation coefficients of the rows of `x`.

    Args:
        x: A 2-D tensor: one variable per row, one observation per column
            (a 1-D tensor is one variable).

    Returns:
        The `(rows, rows)` correlation matrix (a scalar for a 1-D `x`),
        as floats, clipped to [-1, 1]. A constant row gives NaNs.

    Example:

    >>> keras_core.ops.corrcoef([[1.0, 2.0, 3.0], [3.0, 2.0, 1.0]])
    array([[ 1., -1.],
           [-1.,  1.]], dtype=float32)
    """


@backend_op("numpy_api", _correlate_rule, tensors=("x1", "x2"))
def correlate(x1, x2, mode="valid"):
    """Cross-correlation of two 1-D tensors.

    `c[k] = sum_n x1[n + k] * conj(x2[n])`, as NumPy's `correlate`.

    Args:
        x1: First 1-D tensor (not empty).
        x2: Second 1-D tensor (not empty).
        mode: `"valid"` (only full overlaps: length `max(M, N) - min(M, N)
            + 1`), `"same"` (length `max(M, N)`, centered) or `"full"`
            (every overlap: length `M + N - 1`).

    Returns:
        The cross-correlation, as floats.

    Example:

    >>> keras_core.ops.correlate([1.0, 2.0, 3.0], [0.0, 1.0, 0.5], "full")
    array([0.5, 2. , 3.5, 3. , 0. ], dtype=float32)
    """


@backend_op("numpy_api", _first_operand_rule, tensors=("y", "x"))
def trapezoid(y, x=None, dx=1.0, axis=-1):
    """Integrates `y` along an axis with the trapezoidal rule.

    Args:
        y: Values to integrate (at least 1-D).
        x: Optional sample points: 1-D of length `y.shape[axis]`, or of the
            shape of `y`. None means points `dx` apart.
        dx: The spacing of the points when `x` is None.
        axis: The axis to integrate along.

    Returns:
        The integral, with `axis` removed, in the float dtype of `y`
        (floatx for integer and boolean `y`).

    Example:

    >>> keras_core.ops.trapezoid([1.0, 2.0, 3.0], dx=0.5)
    array(2., dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote)
def diff(a, n=1, axis=-1):
    """The `n`-th discrete difference of `a` along an axis.

    `diff(a)[i] = a[i + 1] - a[i]`, applied `n` times; for booleans the
    difference is `a[i + 1] != a[i]`, as in NumPy.

    Args:
        a: Input tensor (at least 1-D).
        n: How many times to take differences (0 or more).
        axis: The axis to take differences along.

    Returns:
        The differences, in the input dtype, `n` shorter along `axis`
        (empty when `n` reaches its length). Unsigned integers wrap.

    Example:

    >>> keras_core.ops.diff([1.0, 4.0, 9.0, 16.0])
    array([3., 5., 7.], dtype=float32)
    """
