"""The jax backend table: reductions ops.

See keras_core/_src/ops/numpy/reductions.py for the declarations. Inputs
arrive in the op's compute dtype; the accumulating ops name that dtype so
that jax keeps it (it would widen int8 sums to int32 itself).
"""

import jax.numpy as jnp

from keras_core._src.backend.common.dtypes import narrowed_dtype
from keras_core._src.backend.common.dtypes import standardize_dtype


def _axis(axis):
    return tuple(axis) if isinstance(axis, list) else axis


def _dtype(x, dtype):
    """The requested dtype (64-bit narrowed as jax holds it), else x's."""
    if dtype is None:
        return x.dtype
    return narrowed_dtype(standardize_dtype(dtype))


def _check_not_empty(x, axis, initial=None):
    # jax would give -inf/inf for an empty maximum; NumPy refuses it.
    if initial is not None or x.size:
        return
    if axis is None or jnp.ndim(x) == 0:
        empty = True
    else:
        axes = axis if isinstance(axis, (tuple, list)) else (axis,)
        empty = x.shape and 0 in [x.shape[a] for a in axes]
    if empty:
        raise ValueError(
            "zero-size array to a reduction with no identity: pass `initial`. "
            f"Received: x of shape {tuple(x.shape)}, axis={axis!r}"
        )


def sum(x, axis=None, keepdims=False):
    return jnp.sum(x, axis=_axis(axis), keepdims=keepdims, dtype=x.dtype)


def prod(x, axis=None, keepdims=False, dtype=None):
    dtype = _dtype(x, dtype)
    return jnp.prod(x.astype(dtype), axis=_axis(axis), keepdims=keepdims, dtype=dtype)


def mean(x, axis=None, keepdims=False):
    return jnp.mean(x, axis=_axis(axis), keepdims=keepdims)


def max(x, axis=None, keepdims=False, initial=None):
    _check_not_empty(x, axis, initial)
    return jnp.max(x, axis=_axis(axis), keepdims=keepdims, initial=initial)


def min(x, axis=None, keepdims=False, initial=None):
    _check_not_empty(x, axis, initial)
    return jnp.min(x, axis=_axis(axis), keepdims=keepdims, initial=initial)


def amax(x, axis=None, keepdims=False):
    return max(x, axis=axis, keepdims=keepdims)


def amin(x, axis=None, keepdims=False):
    return min(x, axis=axis, keepdims=keepdims)


def all(x, axis=None, keepdims=False):
    return jnp.all(x, axis=_axis(axis), keepdims=keepdims)


def any(x, axis=None, keepdims=False):
    return jnp.any(x, axis=_axis(axis), keepdims=keepdims)


def std(x, axis=None, keepdims=False):
    return jnp.std(x, axis=_axis(axis), keepdims=keepdims)


def var(x, axis=None, keepdims=False):
    return jnp.var(x, axis=_axis(axis), keepdims=keepdims)


def argmax(x, axis=None, keepdims=False):
    _check_not_empty(x, axis)
    return jnp.argmax(x, axis=axis, keepdims=keepdims).astype("int32")


def argmin(x, axis=None, keepdims=False):
    _check_not_empty(x, axis)
    return jnp.argmin(x, axis=axis, keepdims=keepdims).astype("int32")


def count_nonzero(x, axis=None):
    return jnp.count_nonzero(x, axis=_axis(axis)).astype("int32")


def ptp(x, axis=None, keepdims=False):
    _check_not_empty(x, axis)
    return jnp.ptp(x, axis=_axis(axis), keepdims=keepdims)


def cumsum(x, axis=None, dtype=None):
    dtype = _dtype(x, dtype)
    return jnp.cumsum(x.astype(dtype), axis=axis, dtype=dtype)


def cumprod(x, axis=None, dtype=None):
    dtype = _dtype(x, dtype)
    return jnp.cumprod(x.astype(dtype), axis=axis, dtype=dtype)


def nansum(x, axis=None, keepdims=False):
    return jnp.nansum(x, axis=_axis(axis), keepdims=keepdims, dtype=x.dtype)


def nanprod(x, axis=None, keepdims=False):
    return jnp.nanprod(x, axis=_axis(axis), keepdims=keepdims, dtype=x.dtype)


def nanmean(x, axis=None, keepdims=False):
    return jnp.nanmean(x, axis=_axis(axis), keepdims=keepdims)


def nanmax(x, axis=None, keepdims=False):
    _check_not_empty(x, axis)
    return jnp.nanmax(x, axis=_axis(axis), keepdims=keepdims)


def nanmin(x, axis=None, keepdims=False):
    _check_not_empty(x, axis)
    return jnp.nanmin(x, axis=_axis(axis), keepdims=keepdims)


def nanstd(x, axis=None, keepdims=False):
    return jnp.nanstd(x, axis=_axis(axis), keepdims=keepdims)


def nanvar(x, axis=None, keepdims=False):
    return jnp.nanvar(x, axis=_axis(axis), keepdims=keepdims)


def nanargmax(x, axis=None, keepdims=False):
    # jnp gives -1 for all-NaN slices, where NumPy raises (untraceable).
    _check_not_empty(x, axis)
    return jnp.nanargmax(x, axis=axis, keepdims=keepdims).astype("int32")


def nanargmin(x, axis=None, keepdims=False):
    _check_not_empty(x, axis)
    return jnp.nanargmin(x, axis=axis, keepdims=keepdims).astype("int32")


def _nan_to(x, value):
    if jnp.issubdtype(x.dtype, jnp.floating):
        return jnp.where(jnp.isnan(x), jnp.asarray(value, x.dtype), x)
    return x


def nancumsum(x, axis=None, dtype=None):
    # NaNs are replaced before any cast to `dtype`, as NumPy does.
    return cumsum(_nan_to(x, 0), axis=axis, dtype=dtype)


def nancumprod(x, axis=None, dtype=None):
    return cumprod(_nan_to(x, 1), axis=axis, dtype=dtype)
