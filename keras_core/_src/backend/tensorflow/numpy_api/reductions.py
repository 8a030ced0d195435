"""The tensorflow backend table: reductions ops.

See keras_core/_src/ops/numpy/reductions.py for the declarations. Inputs
arrive in the op's compute dtype. TensorFlow lacks some kernels NumPy's
meaning needs: unsigned integers are reduced through int64 (and wrapped
back), booleans through logical ops, and `reduce_max`/`argmax` are made to
propagate NaN as NumPy does.
"""

from keras_core._src.backend.common.dtypes import narrowed_dtype
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.tensorflow.tf_import import tf


def _axis(axis):
    return list(axis) if isinstance(axis, tuple) else axis


def _dtype(x, dtype):
    if dtype is None:
        return x.dtype
    return tf.as_dtype(narrowed_dtype(standardize_dtype(dtype)))


def _is_bool(x):
    return x.dtype == tf.bool


def _via_int64(function, x, *args, **kwargs):
    """Runs `function` on unsigned x as int64, wrapping the result back."""
    if x.dtype.is_unsigned:
        return tf.cast(function(tf.cast(x, tf.int64), *args, **kwargs), x.dtype)
    return function(x, *args, **kwargs)


def _check_not_empty(x, axis):
    # TensorFlow gives -inf (or fails at run time) for empty maxima.
    shape = x.shape.as_list()
    if axis is None or not shape:
        empty = 0 in shape
    else:
        axes = axis if isinstance(axis, (tuple, list)) else [axis]
        empty = 0 in [shape[a] for a in axes]
    if empty:
        raise ValueError(
            "zero-size array to a reduction with no identity: pass `initial`. "
            f"Received: x of shape {tuple(shape)}, axis={axis!r}"
        )


def _any_nan(x, axis, keepdims):
    return tf.reduce_any(tf.math.is_nan(x), axis=_axis(axis), keepdims=keepdims)


def sum(x, axis=None, keepdims=False):
    return _via_int64(tf.reduce_sum, x, axis=_axis(axis), keepdims=keepdims)


def prod(x, axis=None, keepdims=False, dtype=None):
    x = tf.cast(x, _dtype(x, dtype))
    if _is_bool(x):
        return tf.reduce_all(x, axis=_axis(axis), keepdims=keepdims)
    return _via_int64(tf.reduce_prod, x, axis=_axis(axis), keepdims=keepdims)


def mean(x, axis=None, keepdims=False):
    return tf.reduce_mean(x, axis=_axis(axis), keepdims=keepdims)


def _extreme(is_max, x, axis, keepdims, initial):
    if initial is None:
        _check_not_empty(x, axis)
    if _is_bool(x):
        logical = tf.reduce_any if is_max else tf.reduce_all
        result = logical(x, axis=_axis(axis), keepdims=keepdims)
        if initial is not None:
            pick = tf.logical_or if is_max else tf.logical_and
            result = pick(result, tf.constant(bool(initial)))
        return result
    reduce = tf.reduce_max if is_max else tf.reduce_min
    result = _via_int64(reduce, x, axis=_axis(axis), keepdims=keepdims)
    if initial is not None:
        # An empty reduction gave the dtype's lowest (highest) value here.
        pick = tf.maximum if is_max else tf.minimum
        wide = tf.int64 if x.dtype.is_unsigned else x.dtype
        bound = tf.cast(initial, wide)
        result = tf.cast(pick(tf.cast(result, wide), bound), x.dtype)
    if x.dtype.is_floating:
        nan = tf.constant(float("nan"), x.dtype)
        result = tf.where(_any_nan(x, axis, keepdims), nan, result)
    return result


def max(x, axis=None, keepdims=False, initial=None):
    return _extreme(True, x, axis, keepdims, initial)


def min(x, axis=None, keepdims=False, initial=None):
    return _extreme(False, x, axis, keepdims, initial)


def amax(x, axis=None, keepdims=False):
    return max(x, axis=axis, keepdims=keepdims)


def amin(x, axis=None, keepdims=False):
    return min(x, axis=axis, keepdims=keepdims)


def all(x, axis=None, keepdims=False):
    return tf.reduce_all(tf.cast(x, tf.bool), axis=_axis(axis), keepdims=keepdims)


def any(x, axis=None, keepdims=False):
    return tf.reduce_any(tf.cast(x, tf.bool), axis=_axis(axis), keepdims=keepdims)


def var(x, axis=None, keepdims=False):
    return tf.math.reduce_variance(x, axis=_axis(axis), keepdims=keepdims)


def std(x, axis=None, keepdims=False):
    return tf.math.reduce_std(x, axis=_axis(axis), keepdims=keepdims)


def _arg(is_max, x, axis, keepdims):
    _check_not_empty(x, axis)
    if _is_bool(x):
        x = tf.cast(x, tf.int8)
    if axis is None:
        flat = tf.reshape(x, [-1])
        index = _arg(is_max, flat, 0, False)
        return tf.reshape(index, [1] * x.shape.rank) if keepdims else index
    function = tf.math.argmax if is_max else tf.math.argmin
    if x.dtype.is_unsigned:
        x = tf.cast(x, tf.int64)
    index = function(x, axis=axis, output_type=tf.int32)
    if x.dtype.is_floating:
        # tf.argmax skips NaNs; NumPy's answer is the first NaN.
        nan = tf.math.is_nan(x)
        first_nan = tf.math.argmax(
            tf.cast(nan, tf.int8), axis=axis, output_type=tf.int32
        )
        index = tf.where(tf.reduce_any(nan, axis=axis), first_nan, index)
    return tf.expand_dims(index, axis) if keepdims else index


def argmax(x, axis=None, keepdims=False):
    return _arg(True, x, axis, keepdims)


def argmin(x, axis=None, keepdims=False):
    return _arg(False, x, axis, keepdims)


def count_nonzero(x, axis=None):
    nonzero = tf.cast(tf.cast(x, tf.bool), tf.int32)
    return tf.reduce_sum(nonzero, axis=_axis(axis))


def ptp(x, axis=None, keepdims=False):
    return max(x, axis=axis, keepdims=keepdims) - min(x, axis=axis, keepdims=keepdims)


def _cumulative(function, x, axis, dtype):
    x = tf.cast(x, _dtype(x, dtype))
    if axis is None:
        x, axis = tf.reshape(x, [-1]), 0
    if _is_bool(x):
        # NumPy's boolean running sum is an `or`, its product an `and`.
        running = function(tf.cast(x, tf.int32), axis=axis)
        return tf.cast(running, tf.bool)
    if x.dtype.is_unsigned or x.dtype in (tf.int8, tf.int16):
        return tf.cast(function(tf.cast(x, tf.int64), axis=axis), x.dtype)
    return function(x, axis=axis)


def cumsum(x, axis=None, dtype=None):
    return _cumulative(tf.math.cumsum, x, axis, dtype)


def cumprod(x, axis=None, dtype=None):
    return _cumulative(tf.math.cumprod, x, axis, dtype)


def _nan_to(x, value):
    if x.dtype.is_floating:
        return tf.where(tf.math.is_nan(x), tf.constant(value, x.dtype), x)
    return x


def nansum(x, axis=None, keepdims=False):
    return sum(_nan_to(x, 0), axis=axis, keepdims=keepdims)


def nanprod(x, axis=None, keepdims=False):
    return prod(_nan_to(x, 1), axis=axis, keepdims=keepdims)


def _count(x, axis, keepdims):
    present = tf.cast(tf.logical_not(tf.math.is_nan(x)), x.dtype)
    return tf.reduce_sum(present, axis=_axis(axis), keepdims=keepdims)


def nanmean(x, axis=None, keepdims=False):
    # All-NaN slices give 0 / 0 = NaN, as NumPy (which also warns).
    total = tf.reduce_sum(_nan_to(x, 0), axis=_axis(axis), keepdims=keepdims)
    return total / _count(x, axis, keepdims)


def _nanextreme(is_max, x, axis, keepdims):
    if not x.dtype.is_floating:
        return _extreme(is_max, x, axis, keepdims, None)
    _check_not_empty(x, axis)
    nan = tf.math.is_nan(x)
    fill = float("-inf") if is_max else float("inf")
    reduce = tf.reduce_max if is_max else tf.reduce_min
    result = reduce(_nan_to(x, fill), axis=_axis(axis), keepdims=keepdims)
    all_nan = tf.reduce_all(nan, axis=_axis(axis), keepdims=keepdims)
    return tf.where(all_nan, tf.constant(float("nan"), x.dtype), result)


def nanmax(x, axis=None, keepdims=False):
    return _nanextreme(True, x, axis, keepdims)


def nanmin(x, axis=None, keepdims=False):
    return _nanextreme(False, x, axis, keepdims)


def nanvar(x, axis=None, keepdims=False):
    center = nanmean(x, axis=axis, keepdims=True)
    # NaNs are zeroed before squaring: a NaN in the branch tf.where drops
    # would still make the gradient NaN.
    present = tf.logical_not(tf.math.is_nan(x))
    squares = tf.where(present, tf.square(_nan_to(x, 0) - center), 0)
    total = tf.reduce_sum(squares, axis=_axis(axis), keepdims=keepdims)
    return total / _count(x, axis, keepdims)


def nanstd(x, axis=None, keepdims=False):
    return tf.sqrt(nanvar(x, axis=axis, keepdims=keepdims))


def _nanarg(is_max, x, axis, keepdims):
    # NumPy raises on all-NaN slices; like jax, -1 is given there instead.
    if not x.dtype.is_floating:
        return _arg(is_max, x, axis, keepdims)
    nan = tf.math.is_nan(x)
    fill = float("-inf") if is_max else float("inf")
    index = _arg(is_max, _nan_to(x, fill), axis, keepdims)
    all_nan = tf.reduce_all(nan, axis=axis, keepdims=keepdims)
    if axis is None and keepdims:
        all_nan = tf.reshape(all_nan, tf.shape(index))
    return tf.where(all_nan, tf.constant(-1, tf.int32), index)


def nanargmax(x, axis=None, keepdims=False):
    return _nanarg(True, x, axis, keepdims)


def nanargmin(x, axis=None, keepdims=False):
    return _nanarg(False, x, axis, keepdims)


def nancumsum(x, axis=None, dtype=None):
    return cumsum(_nan_to(x, 0), axis=axis, dtype=dtype)


def nancumprod(x, axis=None, dtype=None):
    return cumprod(_nan_to(x, 1), axis=axis, dtype=dtype)
