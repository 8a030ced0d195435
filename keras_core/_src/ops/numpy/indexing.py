"""Indexing, sorting and searching ops of the NumPy API (take, where, sort,
unique, bincount...).

Indices and positions come back as int32 (the index dtype of every
backend). Ops whose output shape depends on input values (`nonzero`,
one-argument `where`, `unique`, `bincount`) give symbolic outputs with
unknown (None) lengths, as Keras 3 does.
"""

import ml_dtypes
import numpy as np

from keras_core._src import backend
from keras_core._src.backend.common.config import floatx
from keras_core._src.backend.common.dtypes import is_float_dtype
from keras_core._src.backend.common.dtypes import is_int_dtype
from keras_core._src.backend.common.dtypes import narrowed_dtype
from keras_core._src.backend.common.dtypes import result_type
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.ops import dtype_rules
from keras_core._src.ops.op_definition import backend_op

__all__ = [
    "argpartition",
    "argsort",
    "bincount",
    "digitize",
    "get_item",
    "histogram",
    "isin",
    "meshgrid",
    "nonzero",
    "searchsorted",
    "select",
    "sort",
    "take",
    "take_along_axis",
    "unique",
    "unravel_index",
    "vectorize",
    "where",
]


def _keep(*types):
    """Inputs and outputs keep their dtypes (sort, get_item, meshgrid).

    The dtypes are named (as the backend holds them: float64 may be held
    as float32) so that symbolic outputs agree with eager ones.
    """
    dtypes = [result_type(t) for t in types]
    return dtypes, dtypes if len(dtypes) > 1 else dtypes[0]


def _index_result(*types):
    """Inputs keep their dtypes; the result holds int32 indices (argsort)."""
    result_type(*types)
    return None, "int32"


def _gather_rule(x, indices):
    """`x` keeps its dtype; the indices must be integers and become int32."""
    dtype = result_type(x)
    if indices is not int and not is_int_dtype(result_type(indices)):
        raise TypeError(f"indices must be integers, got {indices}.")
    return [dtype, "int32"], dtype


def _promoted_to_index(*types):
    """Inputs are compared in their promoted dtype; int32 positions result."""
    dtype = result_type(*types)
    return dtype, "int32"


def _where_rule(condition, x1, x2):
    """One argument: int32 indices of the true elements. Three: the
    condition read as booleans, `x1` and `x2` promoted together."""
    if x1 is None and x2 is None:
        result_type(condition)
        return None, "int32"
    if x1 is None or x2 is None:
        raise ValueError(
            "`x1` and `x2` must both be given or both be None. "
            f"Received: x1 is {x1}, x2 is {x2}"
        )
    dtype = result_type(x1, x2)
    return ["bool", dtype, dtype], dtype


def _numpy_dtype(t):
    if t is int or t is float or t is complex:
        return t
    return ml_dtypes.bfloat16 if t == "bfloat16" else np.dtype(t)


def _select_rule(*types, default):
    """Conditions as booleans; choices (and `default`) promoted as NumPy's
    `select` does (Keras 3 gives NumPy's result, which refuses bfloat16 with
    most other dtypes), then held as the backend holds values."""
    choices = types[len(types) // 2 :]
    dtypes = [_numpy_dtype(t) for t in choices]
    if isinstance(default, (bool, int, float)):
        # The value itself: NumPy treats Python scalars weakly.
        dtypes.append(default)
    elif default is not None and hasattr(default, "dtype"):
        dtypes.append(_numpy_dtype(standardize_dtype(default.dtype)))
    try:
        dtype = np.result_type(*dtypes)
    except Exception as error:
        raise TypeError(f"the choices have no common dtype ({error}).") from None
    dtype = narrowed_dtype(standardize_dtype(dtype))
    return ["bool"] * (len(types) // 2) + [dtype] * len(choices), dtype


def _bincount_rule(x, weights):
    """Counts of non-negative integers: int32, or the weights' dtype
    promoted with `x`'s when weights are given."""
    x_dtype = result_type(x)
    if not (is_int_dtype(x_dtype) or x_dtype == "bool"):
        raise TypeError(f"x must hold non-negative integers, got {x_dtype}.")
    if weights is None:
        return ["int32", None], "int32"
    dtype = result_type(x, weights)
    compute = dtype if is_float_dtype(dtype) else "float32"
    if dtype in ("float16", "bfloat16"):
        compute = "float32"
    return ["int32", compute], dtype


def _unique_rule(x, *, return_index, return_inverse, return_counts):
    """Unique values keep their dtype; indices, inverse and counts are int32."""
    dtype = result_type(x)
    extras = [return_index, return_inverse, return_counts]
    if not any(extras):
        return dtype, dtype
    return dtype, [dtype] + ["int32"] * sum(bool(e) for e in extras)


def _histogram_rule(x):
    """int32 counts; float edges (floatx for integer and boolean input)."""
    dtype = result_type(x)
    edges = dtype if is_float_dtype(dtype) else floatx()
    compute = "float32" if edges in ("float16", "bfloat16") else edges
    return compute, ["int32", edges]


def _unravel_rule(indices):
    """Coordinates keep the (integer) dtype of the flat indices."""
    dtype = result_type(indices)
    if is_float_dtype(dtype):
        raise TypeError(f"indices must be integers, got {dtype}.")
    return dtype, dtype


def _symbolic_nonzero(x):
    if len(x.shape) == 0:
        raise ValueError("nonzero: 0-d input is not supported; use a 1-d input.")
    return tuple(KerasTensor((None,), dtype="int32") for _ in x.shape)


def _where_spec(condition, x1=None, x2=None):
    if x1 is None and x2 is None:
        return _symbolic_nonzero(condition)
    return backend.core.compute_output_spec(backend.numpy_api.where, condition, x1, x2)


def _nonzero_spec(x):
    return _symbolic_nonzero(x)


def _unique_spec(
    x,
    sorted=True,
    return_index=False,
    return_inverse=False,
    return_counts=False,
    axis=None,
    size=None,
    fill_value=None,
):
    if axis is None:
        values = KerasTensor((size,), dtype=x.dtype)
        inverse_shape = tuple(x.shape)
    else:
        shape = list(x.shape)
        shape[axis] = size
        values = KerasTensor(tuple(shape), dtype=x.dtype)
        inverse_shape = (x.shape[axis],)
    outputs = [values]
    if return_index:
        outputs.append(KerasTensor((size,), dtype="int32"))
    if return_inverse:
        outputs.append(KerasTensor(inverse_shape, dtype="int32"))
    if return_counts:
        outputs.append(KerasTensor((size,), dtype="int32"))
    return values if len(outputs) == 1 else tuple(outputs)


def _bincount_spec(x, weights=None, minlength=0, sparse=False):
    dtype = weights.dtype if weights is not None else "int32"
    return KerasTensor((*x.shape[:-1], None), dtype=dtype, sparse=sparse)


@backend_op("numpy_api", _gather_rule, tensors=("x", "indices"))
def take(x, indices, axis=None):
    """Takes elements of `x` at `indices` along an axis.

    Args:
        x: Input tensor.
        indices: Integer tensor of indices; negative ones count from the end.
        axis: The axis to take along, or None to index the flattened `x`.

    Returns:
        A tensor of `x`'s dtype whose `axis` dimension is replaced by the
        shape of `indices`.

    Example:

    >>> keras_core.ops.take(numpy.array([[1, 2], [3, 4]]), [1, -1], axis=1)
    array([[2, 2],
           [4, 4]], dtype=int32)
    """


@backend_op("numpy_api", _gather_rule, tensors=("x", "indices"))
def take_along_axis(x, indices, axis=None):
    """Takes elements of `x` at `indices` matched along one axis.

    Args:
        x: Input tensor.
        indices: Integer tensor with `x`'s rank (its other dimensions
            broadcast against `x`'s); negative ones count from the end.
        axis: The axis to take along, or None to index the flattened `x`
            with 1-d `indices`.

    Returns:
        A tensor of `x`'s dtype.

    Example:

    >>> x = numpy.array([[3, 1], [2, 4]])
    >>> keras_core.ops.take_along_axis(x, keras_core.ops.argsort(x), axis=1)
    array([[1, 3],
           [2, 4]], dtype=int32)
    """


@backend_op(
    "numpy_api",
    _where_rule,
    tensors=("condition", "x1", "x2"),
    output_spec=_where_spec,
)
def where(condition, x1=None, x2=None):
    """Chooses elements from `x1` where `condition` holds, else from `x2`.

    With only `condition`, gives the indices of its true elements (as
    `nonzero` does).

    Args:
        condition: Tensor read as booleans.
        x1: Values where `condition` is true (a tensor or Python number).
        x2: Values where `condition` is false (a tensor or Python number).

    Returns:
        The chosen values, broadcast and promoted; or a tuple of int32
        index tensors, one per dimension of `condition`.

    Example:

    >>> keras_core.ops.where(numpy.array([True, False]), 1.0, 2.0)
    array([1., 2.], dtype=float32)
    """


@backend_op(
    "numpy_api",
    _select_rule,
    tensors=("condlist", "choicelist"),
    tensor_lists=("condlist", "choicelist"),
)
def select(condlist, choicelist, default=0):
    """Takes each element from the first choice whose condition holds.

    Args:
        condlist: List of boolean tensors.
        choicelist: List of tensors, as many as conditions.
        default: The value where no condition holds.

    Returns:
        The broadcast choices' elements, in their promoted dtype.

    Example:

    >>> x = numpy.array([-1.0, 0.5, 2.0])
    >>> keras_core.ops.select([x < 0, x > 1], [-x, x * 10], default=0)
    array([ 1.,  0., 20.], dtype=float32)
    """


@backend_op("numpy_api", _keep, tensors=("x",))
def get_item(x, key):
    """`x[key]`, with NumPy's indexing.

    Args:
        x: Input tensor.
        key: An int, slice, None, Ellipsis, an integer or boolean tensor,
            or a tuple of those.

    Returns:
        The indexed elements, in `x`'s dtype.

    Example:

    >>> x = numpy.arange(6).reshape(2, 3)
    >>> keras_core.ops.get_item(x, (slice(None), -1))
    array([2, 5], dtype=int32)
    """


@backend_op("numpy_api", _keep)
def sort(x, axis=-1):
    """Sorts `x` along an axis (NaNs last).

    Args:
        x: Input tensor.
        axis: The axis to sort along, or None to sort the flattened tensor.

    Returns:
        The sorted tensor, in `x`'s dtype.

    Example:

    >>> keras_core.ops.sort([3.0, 1.0, 2.0])
    array([1., 2., 3.], dtype=float32)
    """


@backend_op("numpy_api", _index_result)
def argsort(x, axis=-1):
    """The indices that sort `x` along an axis (stable: ties keep order).

    Args:
        x: Input tensor.
        axis: The axis to sort along, or None to sort the flattened tensor.

    Returns:
        int32 indices.

    Example:

    >>> keras_core.ops.argsort([3.0, 1.0, 1.0])
    array([1, 2, 0], dtype=int32)
    """


@backend_op("numpy_api", _index_result)
def argpartition(x, kth, axis=-1):
    """Indices that partition `x` around its `kth` smallest element.

    The element at position `kth` is the one a sort would put there; those
    before it are no larger and those after no smaller (in any order).

    Args:
        x: Input tensor.
        kth: Python int: the partition position (negative counts from the end).
        axis: The axis to partition along.

    Returns:
        int32 indices.

    Example:

    >>> keras_core.ops.argpartition(numpy.array([3, 1, 2]), 0)[0]
    array(1, dtype=int32)
    """


@backend_op("numpy_api", _promoted_to_index, tensors=("sorted_sequence", "values"))
def searchsorted(sorted_sequence, values, side="left"):
    """Where `values` would be inserted into a sorted 1-d sequence.

    Args:
        sorted_sequence: 1-d tensor sorted in ascending order.
        values: Tensor of values to place.
        side: `"left"` gives the first suitable position, `"right"` the last.

    Returns:
        int32 positions with `values`' shape.

    Example:

    >>> keras_core.ops.searchsorted([1.0, 2.0, 3.0], [2.0, 2.5])
    array([1, 2], dtype=int32)
    """


@backend_op("numpy_api", _promoted_to_index, tensors=("x", "bins"))
def digitize(x, bins):
    """The index of the bin each element of `x` falls in.

    Args:
        x: Input tensor.
        bins: 1-d tensor of monotonic (increasing or decreasing) bin edges.

    Returns:
        int32 bin indices, as NumPy's `digitize` with `right=False`.

    Example:

    >>> keras_core.ops.digitize([0.5, 1.5, 3.0], [1.0, 2.0])
    array([0, 1, 2], dtype=int32)
    """


@backend_op("numpy_api", _unique_rule, output_spec=_unique_spec)
def unique(
    x,
    sorted=True,
    return_index=False,
    return_inverse=False,
    return_counts=False,
    axis=None,
    size=None,
    fill_value=None,
):
    """The unique elements (or, along `axis`, sub-tensors) of `x`, sorted.

    Args:
        x: Input tensor.
        sorted: Accepted for Keras compatibility; the result is always sorted.
        return_index: Also return the index of each unique value's first
            occurrence.
        return_inverse: Also return, for each input element, the index of
            its unique value.
        return_counts: Also return how often each unique value occurs.
        axis: The axis whose slices are compared, or None to flatten.
        size: A static length for the result: padded with `fill_value`
            (default: the smallest unique value) or truncated. Needed inside
            compiled functions.
        fill_value: The padding value when `size` is given.

    Returns:
        The unique values; with any `return_*` flag, a tuple of them followed
        by the requested int32 tensors (index, inverse, counts).

    Example:

    >>> keras_core.ops.unique(numpy.array([3, 1, 3]), return_counts=True)
    (array([1, 3], dtype=int32), array([1, 2], dtype=int32))
    """


@backend_op("numpy_api", _index_result, output_spec=_nonzero_spec)
def nonzero(x):
    """The indices of the non-zero elements of `x`.

    Args:
        x: Input tensor of rank 1 or more.

    Returns:
        A tuple of int32 tensors, one per dimension of `x`.

    Example:

    >>> keras_core.ops.nonzero(numpy.array([[0, 1], [2, 0]]))
    (array([0, 1], dtype=int32), array([1, 0], dtype=int32))
    """


@backend_op("numpy_api", dtype_rules.compare, tensors=("x1", "x2"))
def isin(x1, x2, assume_unique=False, invert=False):
    """Whether each element of `x1` occurs in `x2`.

    Args:
        x1: Input tensor.
        x2: The values to look for (any shape).
        assume_unique: Accepted for NumPy compatibility; has no effect.
        invert: Whether to return the opposite (not in `x2`).

    Returns:
        A boolean tensor of `x1`'s shape.

    Example:

    >>> keras_core.ops.isin(numpy.array([1, 2, 3]), numpy.array([2]))
    array([False,  True, False])
    """


@backend_op(
    "numpy_api",
    _bincount_rule,
    tensors=("x", "weights"),
    output_spec=_bincount_spec,
)
def bincount(x, weights=None, minlength=0, sparse=False):
    """Counts the occurrences of each non-negative integer in `x`.

    Args:
        x: 1-d tensor of non-negative integers, or a 2-d batch of them
            (counted row by row).
        weights: Optional tensor of `x`'s shape: sums these instead of ones.
        minlength: The least length of the result.
        sparse: Whether to return a sparse tensor (jax and tensorflow only,
            as in Keras).

    Returns:
        Counts of length `max(max(x) + 1, minlength)` (int32, or the
        weights' dtype promoted with `x`'s).

    Example:

    >>> keras_core.ops.bincount(numpy.array([0, 2, 2]))
    array([1, 0, 2], dtype=int32)
    """


@backend_op("numpy_api", _histogram_rule)
def histogram(x, bins=10, range=None):
    """Counts the elements of a 1-d `x` in equal-width bins.

    Args:
        x: 1-d input tensor.
        bins: Python int: the number of bins.
        range: `(low, high)` of the bins; by default `x`'s min and max.
            Elements outside it are not counted; the last bin includes
            `high`.

    Returns:
        A tuple `(counts, edges)`: int32 counts per bin and the `bins + 1`
        bin edges (floats).

    Example:

    >>> keras_core.ops.histogram([1.0, 2.0, 2.5, 4.0], bins=3)
    (array([1, 2, 1], dtype=int32), array([1., 2., 3., 4.], dtype=float32))
    """


@backend_op("numpy_api", _unravel_rule, tensors=("indices",))
def unravel_index(indices, shape):
    """Converts flat indices into coordinates in a tensor of `shape`.

    Args:
        indices: Integer tensor of flat (C-order) indices.
        shape: Tuple of Python ints.

    Returns:
        A tuple of tensors, one per dimension of `shape`, each of
        `indices`' shape and dtype.

    Example:

    >>> keras_core.ops.unravel_index(numpy.array([5, 7]), (3, 4))
    (array([1, 1], dtype=int32), array([1, 3], dtype=int32))
    """


@backend_op("numpy_api", _keep, tensors=("x",))
def meshgrid(*x, indexing="xy"):
    """Coordinate grids from 1-d coordinate vectors.

    Args:
        *x: 1-d tensors.
        indexing: `"xy"` (Cartesian: the first two output axes swapped) or
            `"ij"` (matrix indexing).

    Returns:
        A list of tensors, one per input, each in its input's dtype.

    Example:

    >>> a, b = keras_core.ops.meshgrid(numpy.array([1, 2]), numpy.array([3, 4, 5]))
    >>> a.shape
    (3, 2)
    """


def vectorize(pyfunc, *, excluded=None, signature=None):
    """Turns a function on tensors into one mapped over leading dimensions.

    Args:
        pyfunc: A function of tensors (written with keras_core ops).
        excluded: Set of positional indices or keyword names of the
            arguments passed through unchanged.
        signature: Generalized-ufunc signature such as `"(n),(n)->()"`
            giving the core dimensions `pyfunc` sees; by default `pyfunc`
            gets scalars.

    Returns:
        The vectorized function: its tensor arguments are broadcast over
        their non-core (loop) dimensions and `pyfunc` is applied to each.

    Example:

    >>> norm = keras_core.ops.vectorize(
    ...     lambda v: keras_core.ops.sum(v * v), signature="(n)->()"
    ... )
    >>> norm(numpy.array([[1.0, 2.0], [3.0, 4.0]]))
    array([ 5., 25.], dtype=float32)
    """
    if not callable(pyfunc):
        raise TypeError(f"vectorize: pyfunc must be callable, got {pyfunc!r}.")
    return backend.numpy_api.vectorize(pyfunc, excluded=excluded, signature=signature)
