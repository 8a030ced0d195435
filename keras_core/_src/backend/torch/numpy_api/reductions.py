"""The torch backend table: reductions ops.

See keras_core/_src/ops/numpy/reductions.py for the declarations. Inputs
arrive in the op's compute dtype. torch widens integer sums to int64 and
has no `initial`, `ptp` or NaN-ignoring max/min/var, so those are built
here with NumPy's meaning.
"""

import torch

from keras_core._src.backend.common.dtypes import narrowed_dtype
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.torch.core import to_torch_dtype


def _dims(x, axis):
    """`axis` as torch's `dim`: a tuple of axes, all of them for None."""
    if axis is None:
        return tuple(range(x.ndim))
    return tuple(axis) if isinstance(axis, (tuple, list)) else (axis,)


def _no_axes(axis):
    """An empty axis list reduces nothing (torch would reduce everything)."""
    return isinstance(axis, (tuple, list)) and len(axis) == 0


def _dtype(x, dtype):
    if dtype is None:
        return x.dtype
    return to_torch_dtype(narrowed_dtype(standardize_dtype(dtype)))


_WIDE_UNSIGNED = (torch.uint16, torch.uint32, torch.uint64)


def _widened(x):
    """torch lacks most kernels for wide unsigned ints: use int64, wrap back."""
    return x.to(torch.int64) if x.dtype in _WIDE_UNSIGNED else x


def _is_float(x):
    return torch.is_floating_point(x)


def _check_not_empty(x, axis):
    # torch's messages name its own functions; NumPy's meaning is an error.
    dims = _dims(x, axis)
    if x.numel() == 0 and (x.ndim == 0 or 0 in [x.shape[d] for d in dims] or not dims):
        raise ValueError(
            "zero-size array to a reduction with no identity: pass `initial`. "
            f"Received: x of shape {tuple(x.shape)}, axis={axis!r}"
        )


def sum(x, axis=None, keepdims=False):
    if _no_axes(axis):
        return x.clone()
    total = torch.sum(_widened(x), dim=_dims(x, axis), keepdim=keepdims)
    return total.to(x.dtype)


def prod(x, axis=None, keepdims=False, dtype=None):
    # torch.prod takes one dim at a time.
    x = x.to(_dtype(x, dtype))
    if x.dtype == torch.bool:
        return all(x, axis=axis, keepdims=keepdims)
    result = _widened(x)
    for dim in sorted((d % x.ndim for d in _dims(x, axis)), reverse=True):
        result = torch.prod(result, dim=dim, keepdim=keepdims, dtype=result.dtype)
    return result.to(x.dtype)


def mean(x, axis=None, keepdims=False):
    if _no_axes(axis):
        return x.clone()
    return torch.mean(x, dim=_dims(x, axis), keepdim=keepdims)


def _extreme(reduce, pick, x, axis, keepdims, initial):
    if _no_axes(axis):
        return (
            x.clone()
            if initial is None
            else pick(x, torch.tensor(initial, dtype=x.dtype))
        )
    if initial is None:
        _check_not_empty(x, axis)
    elif x.numel() == 0:
        # An empty reduction gives `initial`, in the shape a sum would have.
        shape = torch.zeros(x.shape).sum(dim=_dims(x, axis), keepdim=keepdims).shape
        return torch.full(shape, initial, dtype=x.dtype, device=x.device)
    result = _widened(x)
    if x.ndim:
        result = reduce(result, dim=_dims(x, axis), keepdim=keepdims).to(x.dtype)
    if initial is not None:
        result = pick(result, torch.full_like(result, initial))
    return result


def max(x, axis=None, keepdims=False, initial=None):
    return _extreme(torch.amax, torch.maximum, x, axis, keepdims, initial)


def min(x, axis=None, keepdims=False, initial=None):
    return _extreme(torch.amin, torch.minimum, x, axis, keepdims, initial)


def amax(x, axis=None, keepdims=False):
    return max(x, axis=axis, keepdims=keepdims)


def amin(x, axis=None, keepdims=False):
    return min(x, axis=axis, keepdims=keepdims)


def all(x, axis=None, keepdims=False):
    x = x.to(torch.bool)
    if x.ndim == 0:
        return x
    for dim in sorted((d % x.ndim for d in _dims(x, axis)), reverse=True):
        x = torch.all(x, dim=dim, keepdim=keepdims)
    return x


def any(x, axis=None, keepdims=False):
    x = x.to(torch.bool)
    if x.ndim == 0:
        return x
    for dim in sorted((d % x.ndim for d in _dims(x, axis)), reverse=True):
        x = torch.any(x, dim=dim, keepdim=keepdims)
    return x


def var(x, axis=None, keepdims=False):
    if _no_axes(axis):
        return torch.zeros_like(x)
    return torch.var(x, dim=_dims(x, axis), correction=0, keepdim=keepdims)


def std(x, axis=None, keepdims=False):
    if _no_axes(axis):
        return torch.zeros_like(x)
    return torch.std(x, dim=_dims(x, axis), correction=0, keepdim=keepdims)


def _arg(function, x, axis, keepdims):
    _check_not_empty(x, axis)
    x = x.to(torch.uint8) if x.dtype == torch.bool else _widened(x)
    if axis is None:
        index = function(x.reshape(-1))
        if keepdims:
            index = index.reshape([1] * x.ndim)
    else:
        index = function(x, dim=axis, keepdim=keepdims)
    return index.to(torch.int32)


def argmax(x, axis=None, keepdims=False):
    return _arg(torch.argmax, x, axis, keepdims)


def argmin(x, axis=None, keepdims=False):
    return _arg(torch.argmin, x, axis, keepdims)


def count_nonzero(x, axis=None):
    return torch.sum(x != 0, dim=_dims(x, axis), dtype=torch.int32)


def ptp(x, axis=None, keepdims=False):
    return max(x, axis=axis, keepdims=keepdims) - min(x, axis=axis, keepdims=keepdims)


def _cumulative(function, x, axis, dtype):
    x = x.to(_dtype(x, dtype))
    if axis is None:
        x, axis = x.reshape(-1), 0
    if x.dtype == torch.bool:
        # torch has no boolean running sums; NumPy's is an `or` (prod: `and`).
        running = function(x.to(torch.int32), dim=axis)
        return running != 0 if function is torch.cumsum else running.to(torch.bool)
    return function(_widened(x), dim=axis).to(x.dtype)


def cumsum(x, axis=None, dtype=None):
    return _cumulative(torch.cumsum, x, axis, dtype)


def cumprod(x, axis=None, dtype=None):
    return _cumulative(torch.cumprod, x, axis, dtype)


def _nan_to(x, value):
    if _is_float(x):
        return torch.where(torch.isnan(x), value, x)
    return x


def nansum(x, axis=None, keepdims=False):
    return sum(_nan_to(x, 0), axis=axis, keepdims=keepdims)


def nanprod(x, axis=None, keepdims=False):
    return prod(_nan_to(x, 1), axis=axis, keepdims=keepdims)


def nanmean(x, axis=None, keepdims=False):
    # Not torch.nanmean: its gradient is NaN wherever the input holds a NaN.
    total = torch.sum(_nan_to(x, 0), dim=_dims(x, axis), keepdim=keepdims)
    present = ~torch.isnan(x)
    return total / torch.sum(
        present, dim=_dims(x, axis), keepdim=keepdims, dtype=x.dtype
    )


def _nanextreme(reduce, fill, x, axis, keepdims):
    if not _is_float(x):
        return reduce(x, axis=axis, keepdims=keepdims)
    nan = torch.isnan(x)
    result = reduce(torch.where(nan, fill, x), axis=axis, keepdims=keepdims)
    all_nan = all(nan, axis=axis, keepdims=keepdims)
    return torch.where(all_nan, float("nan"), result)


def nanmax(x, axis=None, keepdims=False):
    return _nanextreme(max, float("-inf"), x, axis, keepdims)


def nanmin(x, axis=None, keepdims=False):
    return _nanextreme(min, float("inf"), x, axis, keepdims)


def nanvar(x, axis=None, keepdims=False):
    # Built from sums over the non-NaN values: torch.nanmean's gradient is
    # NaN wherever the input holds a NaN.
    present = ~torch.isnan(x)
    count = torch.sum(present, dim=_dims(x, axis), keepdim=True, dtype=x.dtype)
    center = torch.sum(_nan_to(x, 0), dim=_dims(x, axis), keepdim=True) / count
    squares = torch.where(present, (_nan_to(x, 0) - center) ** 2, 0)
    total = torch.sum(squares, dim=_dims(x, axis), keepdim=keepdims)
    return total / torch.sum(
        present, dim=_dims(x, axis), keepdim=keepdims, dtype=x.dtype
    )


def nanstd(x, axis=None, keepdims=False):
    return torch.sqrt(nanvar(x, axis=axis, keepdims=keepdims))


def _nanarg(function, fill, x, axis, keepdims):
    # NumPy raises on all-NaN slices; like jax, -1 is given there instead.
    if not _is_float(x):
        return function(x, axis=axis, keepdims=keepdims)
    nan = torch.isnan(x)
    index = function(torch.where(nan, fill, x), axis=axis, keepdims=keepdims)
    if axis is None:
        all_nan = all(nan, keepdims=keepdims)
    else:
        all_nan = all(nan, axis=axis, keepdims=keepdims)
    return torch.where(all_nan, -1, index)


def nanargmax(x, axis=None, keepdims=False):
    return _nanarg(argmax, float("-inf"), x, axis, keepdims)


def nanargmin(x, axis=None, keepdims=False):
    return _nanarg(argmin, float("inf"), x, axis, keepdims)


def nancumsum(x, axis=None, dtype=None):
    return cumsum(_nan_to(x, 0), axis=axis, dtype=dtype)


def nancumprod(x, axis=None, dtype=None):
    return cumprod(_nan_to(x, 1), axis=axis, dtype=dtype)
