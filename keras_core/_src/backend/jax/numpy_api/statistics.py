"""The jax backend table: statistics ops.

See keras_core/_src/ops/numpy/statistics.py for the declarations. Inputs
arrive in the op's compute dtype (floats for all but `diff`). Quantiles are
built here from a sort and gathers, so that every method rounds and
interpolates as NumPy's does (jnp's `nearest` rounds half-way positions
down, not to the even index).
"""

import functools

import jax
import jax.numpy as jnp

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
    # Only a known `q` can be checked; inside jit a bad one gives NaN.
    if not isinstance(q, jax.core.Tracer) and bool(
        jnp.any((q < 0) | (q > scale) | jnp.isnan(q))
    ):
        raise ValueError(f"{op}: `q` must be in [0, {scale}]. Received: q={q}")


def _lerp(a, b, t):
    # NumPy's form: exact at both ends (t = 0 gives a, t = 1 gives b).
    difference = b - a
    return jnp.where(t >= 0.5, b - difference * (1 - t), a + difference * t)


def _quantile(op, x, q, axis, method, keepdims, ignore_nan, scale):
    check_quantile_method(op, method)
    _check_q(op, q, scale)
    axes = quantile_axes(op, x.ndim, axis)
    return _sorted_quantile(x, q, axes, method, keepdims, ignore_nan, scale)


# Compiled once per configuration: eager calls would otherwise dispatch
# (and compile) each of the dozens of primitives one at a time.
@functools.partial(
    jax.jit, static_argnames=("axes", "method", "keepdims", "ignore_nan", "scale")
)
def _sorted_quantile(x, q, axes, method, keepdims, ignore_nan, scale):
    kept = [a for a in range(x.ndim) if a not in axes]
    kept_shape = tuple(x.shape[a] for a in kept)
    count = 1
    for a in axes:
        count *= x.shape[a]
    quantiles = jnp.reshape(q, (-1,)) / scale
    out_of_range = (quantiles < 0) | (quantiles > 1) | jnp.isnan(quantiles)
    if count == 0:
        result = jnp.full(kept_shape + quantiles.shape, jnp.nan, x.dtype)
    else:
        # The reduced axes, last and flattened: one row per kept position.
        rows = jnp.reshape(jnp.transpose(x, kept + list(axes)), (*kept_shape, count))
        nans = jnp.isnan(rows)
        if ignore_nan:
            valid = jnp.sum(~nans, axis=-1, keepdims=True).astype(x.dtype)
            values = jnp.sort(jnp.where(nans, jnp.inf, rows), axis=-1)
            invalid = valid == 0
        else:
            valid = jnp.full((*kept_shape, 1), count, x.dtype)
            values = jnp.sort(rows, axis=-1)
            invalid = jnp.any(nans, axis=-1, keepdims=True)
        last = jnp.maximum(valid - 1, 0)
        position = jnp.clip(quantiles, 0, 1) * last

        def at(index):
            index = jnp.clip(index, 0, last).astype("int32")
            return jnp.take_along_axis(values, index, axis=-1)

        low, high = jnp.floor(position), jnp.ceil(position)
        if method == "linear":
            result = _lerp(at(low), at(high), position - low)
        elif method == "lower":
            result = at(low)
        elif method == "higher":
            result = at(high)
        elif method == "midpoint":
            result = (at(low) + at(high)) / 2
        else:
            result = at(jnp.round(position))  # half to even, as NumPy
        result = jnp.where(invalid, jnp.nan, result)
    result = jnp.where(out_of_range, jnp.nan, result)
    # One leading axis per quantile, then the kept axes.
    result = jnp.moveaxis(result, -1, 0)
    if keepdims:
        shape = [1 if a in axes else size for a, size in enumerate(x.shape)]
        result = jnp.reshape(result, (quantiles.shape[0], *shape))
    return result[0] if q.ndim == 0 else result


def median(x, axis=None, keepdims=False):
    half = jnp.asarray(0.5, x.dtype)
    return _quantile("median", x, half, axis, "linear", keepdims, False, 1)


def nanmedian(x, axis=None, keepdims=False):
    half = jnp.asarray(0.5, x.dtype)
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
    return jnp.reshape(jnp.transpose(weights, order), shape)


def average(x, axis=None, weights=None):
    axis = tuple(axis) if isinstance(axis, list) else axis
    if weights is None:
        return jnp.mean(x, axis=axis)
    weights = jnp.broadcast_to(_weights_along("average", x, weights, axis), x.shape)
    return jnp.sum(x * weights, axis=axis) / jnp.sum(weights, axis=axis)


def corrcoef(x):
    check_corrcoef(x.shape)
    rows = jnp.reshape(x, (1, -1)) if x.ndim < 2 else x
    centered = rows - jnp.mean(rows, axis=1, keepdims=True)
    products = centered @ jnp.conj(centered).T
    scale = jnp.sqrt(jnp.real(jnp.diagonal(products)))
    result = products / scale[:, None] / scale[None, :]
    if not jnp.iscomplexobj(result):
        result = jnp.clip(result, -1, 1)
    return jnp.reshape(result, ()) if x.ndim < 2 else result


def correlate(x1, x2, mode="valid"):
    check_correlate(x1.shape, x2.shape, mode)
    m, n = x1.shape[0], x2.shape[0]
    start, length = correlate_window(m, n, mode)
    padded = jnp.pad(x1, (n - 1, n - 1))
    # full[j] = sum_k padded[j + k] * conj(x2[k]), for the wanted j only.
    index = jnp.arange(start, start + length)[:, None] + jnp.arange(n)[None, :]
    return padded[index] @ jnp.conj(x2)


def trapezoid(y, x=None, dx=1.0, axis=-1):
    check_trapezoid(y.shape, None if x is None else x.shape)
    axis = axis % y.ndim
    if x is None:
        spacing = jnp.asarray(dx, y.dtype)
    elif x.ndim == 1:
        shape = [1] * y.ndim
        shape[axis] = -1
        spacing = jnp.reshape(jnp.diff(x), shape)
    else:
        spacing = jnp.diff(x, axis=axis)
    size = y.shape[axis]
    later = jax.lax.slice_in_dim(y, 1, size, axis=axis)
    earlier = jax.lax.slice_in_dim(y, 0, max(size - 1, 0), axis=axis)
    return jnp.sum(spacing * (later + earlier) / 2, axis=axis).astype(y.dtype)


def diff(a, n=1, axis=-1):
    check_diff(a.shape, n)
    axis = axis % a.ndim
    for _ in range(n):
        size = a.shape[axis]
        later = jax.lax.slice_in_dim(a, min(1, size), size, axis=axis)
        earlier = jax.lax.slice_in_dim(a, 0, max(size - 1, 0), axis=axis)
        a = later != earlier if a.dtype == jnp.bool_ else later - earlier
    return a
