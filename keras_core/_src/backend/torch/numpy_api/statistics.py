"""The torch backend table: statistics ops.

See keras_core/_src/ops/numpy/statistics.py for the declarations. Inputs
arrive in the op's compute dtype (floats for all but `diff`). Quantiles are
built here from a sort and gathers: `torch.quantile` limits the input size,
takes one axis and has no NaN-propagating `nan` variant for several axes.
"""

import torch

from keras_core._src.backend.common.op_arguments.statistics import check_corrcoef
from keras_core._src.backend.common.op_arguments.statistics import check_correlate
from keras_core._src.backend.common.op_arguments.statistics import check_diff
from keras_core._src.backend.common.op_arguments.statistics import check_q_rank
from keras_core._src.backend.common.op_arguments.statistics import check_quantile_method
from keras_core._src.backend.common.op_arguments.statistics import check_trapezoid
from keras_core._src.backend.common.op_arguments.statistics import correlate_window
from keras_core._src.backend.common.op_arguments.statistics import quantile_axes
from keras_core._src.backend.common.op_arguments.statistics import weights_layout


def _check_q(op, q, scale):
    check_q_rank(op, q.shape)
    # Only a known `q` can be checked; under torch.compile a bad one gives
    # NaN rather than a graph break.
    if not torch.compiler.is_compiling() and bool(
        torch.any((q < 0) | (q > scale) | torch.isnan(q))
    ):
        raise ValueError(f"{op}: `q` must be in [0, {scale}]. Received: q={q}")


def _lerp(a, b, t):
    # NumPy's form: exact at both ends (t = 0 gives a, t = 1 gives b).
    difference = b - a
    return torch.where(t >= 0.5, b - difference * (1 - t), a + difference * t)


def _quantile(op, x, q, axis, method, keepdims, ignore_nan, scale):
    check_quantile_method(op, method)
    _check_q(op, q, scale)
    axes = quantile_axes(op, x.ndim, axis)
    kept = [a for a in range(x.ndim) if a not in axes]
    kept_shape = tuple(x.shape[a] for a in kept)
    count = 1
    for a in axes:
        count *= x.shape[a]
    quantiles = torch.reshape(q, (-1,)) / scale
    out_of_range = (quantiles < 0) | (quantiles > 1) | torch.isnan(quantiles)
    nan = torch.tensor(float("nan"), dtype=x.dtype, device=x.device)
    if count == 0:
        result = torch.full(
            kept_shape + tuple(quantiles.shape), float("nan"), dtype=x.dtype
        ).to(x.device)
    else:
        # The reduced axes, last and flattened: one row per kept position.
        rows = torch.reshape(torch.permute(x, (*kept, *axes)), (*kept_shape, count))
        nans = torch.isnan(rows)
        if ignore_nan:
            valid = torch.sum(~nans, dim=-1, keepdim=True).to(x.dtype)
            inf = torch.tensor(float("inf"), dtype=x.dtype, device=x.device)
            values = torch.sort(torch.where(nans, inf, rows), dim=-1).values
            invalid = valid == 0
        else:
            valid = torch.full((*kept_shape, 1), count, dtype=x.dtype).to(x.device)
            values = torch.sort(rows, dim=-1).values
            invalid = torch.any(nans, dim=-1, keepdim=True)
        last = torch.clamp(valid - 1, min=0)
        position = torch.clamp(quantiles, 0, 1) * last

        def at(index):
            index = torch.minimum(torch.clamp(index, min=0), last).to(torch.int64)
            return torch.take_along_dim(values, index, dim=-1)

        low, high = torch.floor(position), torch.ceil(position)
        if method == "linear":
            result = _lerp(at(low), at(high), position - low)
        elif method == "lower":
            result = at(low)
        elif method == "higher":
            result = at(high)
        elif method == "midpoint":
            result = (at(low) + at(high)) / 2
        else:
            result = at(torch.round(position))  # half to even, as NumPy
        result = torch.where(invalid, nan, result)
    result = torch.where(out_of_range, nan, result)
    # One leading axis per quantile, then the kept axes.
    result = torch.movedim(result, -1, 0)
    if keepdims:
        shape = [1 if a in axes else size for a, size in enumerate(x.shape)]
        result = torch.reshape(result, (quantiles.shape[0], *shape))
    return result[0] if q.ndim == 0 else result


def median(x, axis=None, keepdims=False):
    half = torch.tensor(0.5, dtype=x.dtype, device=x.device)
    return _quantile("median", x, half, axis, "linear", keepdims, False, 1)


def nanmedian(x, axis=None, keepdims=False):
    half = torch.tensor(0.5, dtype=x.dtype, device=x.device)
    return _quantile("nanmedian", x, half, axis, "linear", keepdims, True, 1)


def quantile(x, q, axis=None, method="linear", keepdims=False):
    return _quantile("quantile", x, q, axis, method, keepdims, False, 1)


def nanquantile(x, q, axis=None, method="linear", keepdims=False):
    return _quantile("nanquantile", x, q, axis, method, keepdims, True, 1)


def percentile(x, q, axis=None, method="linear", keepdims=False):
    return _quantile("percentile", x, q, axis, method, keepdims, False, 100)


def nanpercentile(x, q, axis=None, method="linear", keepdims=False):
    return _quantile("nanpercentile", x, q, axis, method, keepdims, True, 100)


def _weights_along(op, x, weights, axis):
    """`weights` shaped to broadcast against `x` (NumPy's rules)."""
    layout = weights_layout(op, x.shape, weights.shape, axis)
    if layout is None:
        return weights
    order, shape = layout
    return torch.reshape(weights.permute(*order), shape)


def _dims(x, axis):
    if axis is None:
        return tuple(range(x.ndim))
    return tuple(axis) if isinstance(axis, (tuple, list)) else (axis,)


def average(x, axis=None, weights=None):
    if weights is None:
        return torch.mean(x, dim=_dims(x, axis))
    weights = _weights_along("average", x, weights, axis).expand(x.shape)
    dims = _dims(x, axis)
    return torch.sum(x * weights, dim=dims) / torch.sum(weights, dim=dims)


def corrcoef(x):
    check_corrcoef(x.shape)
    rows = torch.reshape(x, (1, -1)) if x.ndim < 2 else x
    centered = rows - torch.mean(rows, dim=1, keepdim=True)
    products = centered @ torch.conj(centered).T
    scale = torch.sqrt(torch.real(torch.diagonal(products)))
    result = products / scale[:, None] / scale[None, :]
    if not torch.is_complex(result):
        result = torch.clamp(result, -1, 1)
    return torch.reshape(result, ()) if x.ndim < 2 else result


def correlate(x1, x2, mode="valid"):
    check_correlate(x1.shape, x2.shape, mode)
    m, n = x1.shape[0], x2.shape[0]
    start, length = correlate_window(m, n, mode)
    padded = torch.nn.functional.pad(x1, (n - 1, n - 1))
    # full[j] = sum_k padded[j + k] * conj(x2[k]), for the wanted j only.
    positions = torch.arange(start, start + length, device=x1.device)
    index = positions[:, None] + torch.arange(n, device=x1.device)[None, :]
    return padded[index] @ torch.conj(x2)


def trapezoid(y, x=None, dx=1.0, axis=-1):
    check_trapezoid(y.shape, None if x is None else x.shape)
    axis = axis % y.ndim
    if x is None:
        spacing = torch.tensor(dx, dtype=y.dtype, device=y.device)
    elif x.ndim == 1:
        shape = [1] * y.ndim
        shape[axis] = -1
        spacing = torch.reshape(torch.diff(x), shape)
    else:
        spacing = torch.diff(x, dim=axis)
    size = y.shape[axis]
    later = torch.narrow(y, axis, min(1, size), max(size - 1, 0))
    earlier = torch.narrow(y, axis, 0, max(size - 1, 0))
    return torch.sum(spacing * (later + earlier) / 2, dim=axis).to(y.dtype)


_WIDE_UNSIGNED = (torch.uint16, torch.uint32, torch.uint64)


def diff(a, n=1, axis=-1):
    check_diff(a.shape, n)
    axis = axis % a.ndim
    dtype = a.dtype
    if dtype in _WIDE_UNSIGNED:
        # torch lacks their subtraction: int64 differences wrap back.
        a = a.to(torch.int64)
    for _ in range(n):
        size = a.shape[axis]
        later = torch.narrow(a, axis, min(1, size), max(size - 1, 0))
        earlier = torch.narrow(a, axis, 0, max(size - 1, 0))
        a = later != earlier if a.dtype == torch.bool else later - earlier
    return a.to(dtype)
