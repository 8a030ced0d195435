"""The numpy backend table: reductions ops.

See keras_core/_src/ops/numpy/reductions.py for the declarations. Inputs
arrive in the op's compute dtype; NumPy would widen int32 sums to int64,
so the accumulating ops name their dtype explicitly.
"""

import warnings

import numpy as np

from keras_core._src.backend.common.dtypes import narrowed_dtype
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.common.numpy_dtypes import to_numpy_dtype


def _axis(axis):
    return tuple(axis) if isinstance(axis, list) else axis


def _dtype(x, dtype):
    """The requested dtype (64-bit narrowed as the backend holds it), else x's."""
    if dtype is None:
        return x.dtype
    return to_numpy_dtype(narrowed_dtype(standardize_dtype(dtype)))


def _result(value):
    # NumPy reductions over every axis give NumPy scalars; ops give arrays.
    return np.asarray(value)


def sum(x, axis=None, keepdims=False):
    return _result(np.sum(x, axis=_axis(axis), keepdims=keepdims, dtype=x.dtype))


def prod(x, axis=None, keepdims=False, dtype=None):
    dtype = _dtype(x, dtype)
    return _result(np.prod(x, axis=_axis(axis), keepdims=keepdims, dtype=dtype))


def mean(x, axis=None, keepdims=False):
    return _result(np.mean(x, axis=_axis(axis), keepdims=keepdims))


def max(x, axis=None, keepdims=False, initial=None):
    kwargs = {} if initial is None else {"initial": initial}
    return _result(np.max(x, axis=_axis(axis), keepdims=keepdims, **kwargs))


def min(x, axis=None, keepdims=False, initial=None):
    kwargs = {} if initial is None else {"initial": initial}
    return _result(np.min(x, axis=_axis(axis), keepdims=keepdims, **kwargs))


def amax(x, axis=None, keepdims=False):
    return max(x, axis=axis, keepdims=keepdims)


def amin(x, axis=None, keepdims=False):
    return min(x, axis=axis, keepdims=keepdims)


def all(x, axis=None, keepdims=False):
    return _result(np.all(x, axis=_axis(axis), keepdims=keepdims))


def any(x, axis=None, keepdims=False):
    return _result(np.any(x, axis=_axis(axis), keepdims=keepdims))


def std(x, axis=None, keepdims=False):
    return _result(np.std(x, axis=_axis(axis), keepdims=keepdims))


def var(x, axis=None, keepdims=False):
    return _result(np.var(x, axis=_axis(axis), keepdims=keepdims))


def argmax(x, axis=None, keepdims=False):
    return _result(np.argmax(x, axis=axis, keepdims=keepdims).astype("int32"))


def argmin(x, axis=None, keepdims=False):
    return _result(np.argmin(x, axis=axis, keepdims=keepdims).astype("int32"))


def count_nonzero(x, axis=None):
    return _result(np.count_nonzero(x, axis=_axis(axis))).astype("int32")


def ptp(x, axis=None, keepdims=False):
    return _result(np.ptp(x, axis=_axis(axis), keepdims=keepdims))


def cumsum(x, axis=None, dtype=None):
    return np.cumsum(x, axis=axis, dtype=_dtype(x, dtype))


def cumprod(x, axis=None, dtype=None):
    return np.cumprod(x, axis=axis, dtype=_dtype(x, dtype))


def nansum(x, axis=None, keepdims=False):
    return _result(np.nansum(x, axis=_axis(axis), keepdims=keepdims, dtype=x.dtype))


def nanprod(x, axis=None, keepdims=False):
    return _result(np.nanprod(x, axis=_axis(axis), keepdims=keepdims, dtype=x.dtype))


def _quiet(function):
    """All-NaN slices give NaN silently, as on the other backends."""

    def quiet(*args, **kwargs):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            return _result(function(*args, **kwargs))

    return quiet


def nanmean(x, axis=None, keepdims=False):
    return _quiet(np.nanmean)(x, axis=_axis(axis), keepdims=keepdims)


def nanmax(x, axis=None, keepdims=False):
    return _quiet(np.nanmax)(x, axis=_axis(axis), keepdims=keepdims)


def nanmin(x, axis=None, keepdims=False):
    return _quiet(np.nanmin)(x, axis=_axis(axis), keepdims=keepdims)


def nanstd(x, axis=None, keepdims=False):
    return _quiet(np.nanstd)(x, axis=_axis(axis), keepdims=keepdims)


def nanvar(x, axis=None, keepdims=False):
    return _quiet(np.nanvar)(x, axis=_axis(axis), keepdims=keepdims)


def _nanarg(function, fill, x, axis, keepdims):
    # NumPy raises on all-NaN slices; the compiled backends cannot, so every
    # backend gives -1 there instead.
    if not np.issubdtype(x.dtype, np.floating):
        return function(x, axis=axis, keepdims=keepdims).astype("int32")
    nan = np.isnan(x)
    index = function(np.where(nan, fill, x), axis=axis, keepdims=keepdims)
    all_nan = np.all(nan, axis=axis, keepdims=keepdims)
    return np.asarray(np.where(all_nan, -1, index), dtype="int32")


def nanargmax(x, axis=None, keepdims=False):
    return _nanarg(np.argmax, -np.inf, x, axis, keepdims)


def nanargmin(x, axis=None, keepdims=False):
    return _nanarg(np.argmin, np.inf, x, axis, keepdims)


def nancumsum(x, axis=None, dtype=None):
    return np.nancumsum(x, axis=axis, dtype=_dtype(x, dtype))


def nancumprod(x, axis=None, dtype=None):
    return np.nancumprod(x, axis=axis, dtype=_dtype(x, dtype))
