"""The numpy backend table: statistics ops.

See keras_core/_src/ops/numpy/statistics.py for the declarations. Inputs
arrive in the op's compute dtype (floats for all but `diff`). NumPy's own
functions give the meaning; the argument checks are the ones every backend
makes, with the same messages.
"""

import numpy as np

from keras_core._src.backend.common.op_arguments.statistics import check_corrcoef
from keras_core._src.backend.common.op_arguments.statistics import check_correlate
from keras_core._src.backend.common.op_arguments.statistics import check_diff
from keras_core._src.backend.common.op_arguments.statistics import check_q_rank
from keras_core._src.backend.common.op_arguments.statistics import check_quantile_method
from keras_core._src.backend.common.op_arguments.statistics import check_trapezoid
from keras_core._src.backend.common.op_arguments.statistics import weights_layout


def _check_q(op, q, scale):
    check_q_rank(op, q.shape)
    if np.any((q < 0) | (q > scale)) or np.any(np.isnan(q)):
        raise ValueError(f"{op}: `q` must be in [0, {scale}]. Received: q={q}")


def _axis(axis):
    return tuple(axis) if isinstance(axis, list) else axis


def _quantile(op, function, x, q, axis, method, keepdims, scale):
    check_quantile_method(op, method)
    q = np.asarray(q)
    _check_q(op, q, scale)
    if x.size == 0:
        # NumPy fails on an empty slice; every backend gives NaN instead.
        shape = np.sum(x, axis=_axis(axis), keepdims=keepdims).shape
        return np.full(q.shape + shape, np.nan, x.dtype)
    result = function(x, q, axis=_axis(axis), method=method, keepdims=keepdims)
    return np.asarray(result, x.dtype)


def median(x, axis=None, keepdims=False):
    return quantile(x, np.asarray(0.5, x.dtype), axis=axis, keepdims=keepdims)


def nanmedian(x, axis=None, keepdims=False):
    return nanquantile(x, np.asarray(0.5, x.dtype), axis=axis, keepdims=keepdims)


def quantile(x, q, axis=None, method="linear", keepdims=False):
    return _quantile("quantile", np.quantile, x, q, axis, method, keepdims, 1)


def nanquantile(x, q, axis=None, method="linear", keepdims=False):
    with np.errstate(invalid="ignore"):
        return _quantile("nanquantile", _nanquantile, x, q, axis, method, keepdims, 1)


def _nanquantile(*args, **kwargs):
    import warnings

    # An all-NaN slice gives NaN, as documented; NumPy also warns.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return np.nanquantile(*args, **kwargs)


def percentile(x, q, axis=None, method="linear", keepdims=False):
    return _quantile("percentile", np.percentile, x, q, axis, method, keepdims, 100)


def nanpercentile(x, q, axis=None, method="linear", keepdims=False):
    def function(x, q, **kwargs):
        return _nanquantile(x, q / 100, **kwargs)

    return _quantile("nanpercentile", function, x, q, axis, method, keepdims, 100)


def _weights_along(op, x, weights, axis):
    """`weights` shaped to broadcast against `x` (NumPy's rules)."""
    layout = weights_layout(op, x.shape, weights.shape, axis)
    if layout is None:
        return weights
    order, shape = layout
    return np.transpose(weights, order).reshape(shape)


def average(x, axis=None, weights=None):
    axis = _axis(axis)
    if weights is None:
        return np.mean(x, axis=axis)
    weights = _weights_along("average", x, weights, axis)
    weights = np.broadcast_to(weights, x.shape)
    with np.errstate(divide="ignore", invalid="ignore"):
        total = np.sum(x * weights, axis=axis) / np.sum(weights, axis=axis)
    return np.asarray(total, x.dtype)


def corrcoef(x):
    check_corrcoef(x.shape)
    rows = x.reshape(1, -1) if x.ndim < 2 else x
    centered = rows - np.mean(rows, axis=1, keepdims=True)
    products = centered @ np.conj(centered).T
    scale = np.sqrt(np.real(np.diagonal(products)))
    with np.errstate(divide="ignore", invalid="ignore"):
        result = products / scale[:, None] / scale[None, :]
    result = np.clip(np.real(result), -1, 1) if not np.iscomplexobj(x) else result
    result = np.asarray(result, x.dtype)
    return result.reshape(()) if x.ndim < 2 else result


def correlate(x1, x2, mode="valid"):
    check_correlate(x1.shape, x2.shape, mode)
    return np.asarray(np.correlate(x1, x2, mode=mode), x1.dtype)


def trapezoid(y, x=None, dx=1.0, axis=-1):
    check_trapezoid(y.shape, None if x is None else x.shape)
    result = np.trapezoid(y, x=x, dx=dx, axis=axis)
    return np.asarray(result, y.dtype)


def diff(a, n=1, axis=-1):
    check_diff(a.shape, n)
    return np.diff(a, n=n, axis=axis)
