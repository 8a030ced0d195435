"""The numpy backend table: statistics ops.

See keras_core/_src/ops/numpy/statistics.py for the declarations. Inputs
arrive in the op's compute dtype (floats for all but `diff`). NumPy's own
functions give the meaning; the argument checks are the ones every backend
makes, with the same messages.
"""

import numpy as np

_METHODS = ("linear", "lower", "higher", "midpoint", "nearest")


def _check_method(op, method):
    if method not in _METHODS:
        raise ValueError(
            f"{op}: `method` must be one of {', '.join(_METHODS)}. "
            f"Received: method={method!r}"
        )


def _check_q(op, q, scale):
    if q.ndim > 1:
        raise ValueError(
            f"{op}: `q` must be a scalar or a 1-D tensor. "
            f"Received: q of shape {q.shape}"
        )
    if np.any((q < 0) | (q > scale)) or np.any(np.isnan(q)):
        raise ValueError(f"{op}: `q` must be in [0, {scale}]. Received: q={q}")


def _axis(axis):
    return tuple(axis) if isinstance(axis, list) else axis


def _quantile(op, function, x, q, axis, method, keepdims, scale):
    _check_method(op, method)
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
    if weights.shape == x.shape:
        return weights
    if axis is None:
        raise ValueError(
            f"{op}: `axis` must be given when x and weights differ in shape. "
            f"Received: x of shape {x.shape}, weights of shape {weights.shape}"
        )
    axes = tuple(axis) if isinstance(axis, (tuple, list)) else (axis,)
    axes = tuple(a % x.ndim if -x.ndim <= a < x.ndim else a for a in axes)
    if any(not 0 <= a < x.ndim for a in axes) or weights.shape != tuple(
        x.shape[a] for a in axes
    ):
        raise ValueError(
            f"{op}: weights must have the shape of x or of its axes {axis}. "
            f"Received: x of shape {x.shape}, weights of shape {weights.shape}"
        )
    order = np.argsort(axes)
    shape = [1] * x.ndim
    for a, size in zip(axes, weights.shape, strict=True):
        shape[a] = size
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
    if x.ndim > 2:
        raise ValueError(
            f"corrcoef: x must be 1-D or 2-D. Received: x of shape {x.shape}"
        )
    rows = x.reshape(1, -1) if x.ndim < 2 else x
    centered = rows - np.mean(rows, axis=1, keepdims=True)
    products = centered @ np.conj(centered).T
    scale = np.sqrt(np.real(np.diagonal(products)))
    with np.errstate(divide="ignore", invalid="ignore"):
        result = products / scale[:, None] / scale[None, :]
    result = np.clip(np.real(result), -1, 1) if not np.iscomplexobj(x) else result
    result = np.asarray(result, x.dtype)
    return result.reshape(()) if x.ndim < 2 else result


def _check_correlate(x1, x2, mode):
    if mode not in ("valid", "same", "full"):
        raise ValueError(
            "correlate: `mode` must be 'valid', 'same' or 'full'. "
            f"Received: mode={mode!r}"
        )
    if x1.ndim != 1 or x2.ndim != 1 or not x1.shape[0] or not x2.shape[0]:
        raise ValueError(
            "correlate: x1 and x2 must be non-empty 1-D tensors. "
            f"Received: x1 of shape {tuple(x1.shape)}, x2 of shape "
            f"{tuple(x2.shape)}"
        )


def correlate(x1, x2, mode="valid"):
    _check_correlate(x1, x2, mode)
    return np.asarray(np.correlate(x1, x2, mode=mode), x1.dtype)


def trapezoid(y, x=None, dx=1.0, axis=-1):
    if y.ndim == 0:
        raise ValueError("trapezoid: y must be at least 1-D. Received: a scalar")
    if x is not None and x.ndim not in (1, y.ndim):
        raise ValueError(
            "trapezoid: x must be 1-D or have the rank of y. "
            f"Received: y of shape {y.shape}, x of shape {x.shape}"
        )
    result = np.trapezoid(y, x=x, dx=dx, axis=axis)
    return np.asarray(result, y.dtype)


def diff(a, n=1, axis=-1):
    if a.ndim == 0:
        raise ValueError("diff: a must be at least 1-D. Received: a scalar")
    if n < 0:
        raise ValueError(f"diff: `n` must be 0 or more. Received: n={n}")
    return np.diff(a, n=n, axis=axis)
