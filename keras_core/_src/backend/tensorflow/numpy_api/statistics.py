"""The tensorflow backend table: statistics ops.

See keras_core/_src/ops/numpy/statistics.py for the declarations. Inputs
arrive in the op's compute dtype (floats for all but `diff`). TensorFlow has
no quantiles: they are built here from a sort and gathers with NumPy's
definition of each method. Unsigned differences go through int64 (and wrap
back), booleans through `not_equal`.
"""

from keras_core._src.backend.common.op_arguments.statistics import check_corrcoef
from keras_core._src.backend.common.op_arguments.statistics import check_correlate
from keras_core._src.backend.common.op_arguments.statistics import check_diff
from keras_core._src.backend.common.op_arguments.statistics import check_q_rank
from keras_core._src.backend.common.op_arguments.statistics import check_quantile_method
from keras_core._src.backend.common.op_arguments.statistics import check_trapezoid
from keras_core._src.backend.common.op_arguments.statistics import correlate_window
from keras_core._src.backend.common.op_arguments.statistics import quantile_axes
from keras_core._src.backend.common.op_arguments.statistics import weights_layout
from keras_core._src.backend.tensorflow.tf_import import tf


def _check_q(op, q, scale):
    check_q_rank(op, q.shape)
    # Only a known `q` can be checked; inside tf.function a bad one gives NaN.
    if tf.executing_eagerly() and bool(
        tf.reduce_any((q < 0) | (q > scale) | tf.math.is_nan(q))
    ):
        raise ValueError(f"{op}: `q` must be in [0, {scale}]. Received: q={q}")


def _lerp(a, b, t):
    # NumPy's form: exact at both ends (t = 0 gives a, t = 1 gives b).
    difference = b - a
    return tf.where(t >= 0.5, b - difference * (1 - t), a + difference * t)


def _quantile(op, x, q, axis, method, keepdims, ignore_nan, scale):
    check_quantile_method(op, method)
    _check_q(op, q, scale)
    shape = x.shape.as_list()
    axes = quantile_axes(op, len(shape), axis)
    kept = [a for a in range(len(shape)) if a not in axes]
    # Unknown dimensions (symbolic calls) are read at run time.
    dynamic = tf.shape(x)
    sizes = [dynamic[a] if size is None else size for a, size in enumerate(shape)]
    kept_shape = [sizes[a] for a in kept]
    count = 1
    for a in axes:
        count *= sizes[a]
    quantiles = tf.reshape(q, (-1,)) / scale
    out_of_range = (quantiles < 0) | (quantiles > 1) | tf.math.is_nan(quantiles)
    nan = tf.constant(float("nan"), x.dtype)
    if isinstance(count, int) and count == 0:
        result = tf.fill([*kept_shape, tf.shape(quantiles)[0]], nan)
    else:
        # The reduced axes, last and flattened: one row per kept position.
        rows = tf.reshape(tf.transpose(x, kept + list(axes)), [*kept_shape, -1])
        nans = tf.math.is_nan(rows)
        if ignore_nan:
            valid = tf.reduce_sum(tf.cast(~nans, x.dtype), axis=-1, keepdims=True)
            inf = tf.constant(float("inf"), x.dtype)
            values = tf.sort(tf.where(nans, inf, rows), axis=-1)
            invalid = valid == 0
        else:
            valid = tf.fill([*kept_shape, 1], tf.cast(count, x.dtype))
            values = tf.sort(rows, axis=-1)
            invalid = tf.reduce_any(nans, axis=-1, keepdims=True)
        last = tf.maximum(valid - 1, 0)
        position = tf.clip_by_value(quantiles, 0, 1) * last

        def at(index):
            index = tf.cast(tf.clip_by_value(index, 0, last), "int32")
            return tf.gather(values, index, axis=-1, batch_dims=len(kept))

        low, high = tf.floor(position), tf.math.ceil(position)
        if method == "linear":
            result = _lerp(at(low), at(high), position - low)
        elif method == "lower":
            result = at(low)
        elif method == "higher":
            result = at(high)
        elif method == "midpoint":
            result = (at(low) + at(high)) / 2
        else:
            result = at(tf.round(position))  # half to even, as NumPy
        result = tf.where(invalid, nan, result)
    result = tf.where(out_of_range, nan, result)
    # One leading axis per quantile, then the kept axes.
    result = tf.transpose(result, [len(kept), *list(range(len(kept)))])
    if keepdims:
        full = [1 if a in axes else size for a, size in enumerate(sizes)]
        result = tf.reshape(result, [quantiles.shape[0] or -1, *full])
    return result[0] if q.shape.rank == 0 else result


def median(x, axis=None, keepdims=False):
    half = tf.constant(0.5, x.dtype)
    return _quantile("median", x, half, axis, "linear", keepdims, False, 1)


def nanmedian(x, axis=None, keepdims=False):
    half = tf.constant(0.5, x.dtype)
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
    layout = weights_layout(op, x.shape.as_list(), weights.shape.as_list(), axis)
    if layout is None:
        return weights
    order, shape = layout
    shape = [-1 if size is None else size for size in shape]
    return tf.reshape(tf.transpose(weights, order), shape)


def _axis(axis):
    return list(axis) if isinstance(axis, (tuple, list)) else axis


def average(x, axis=None, weights=None):
    if weights is None:
        return tf.reduce_mean(x, axis=_axis(axis))
    weights = _weights_along("average", x, weights, axis)
    weights = tf.broadcast_to(weights, tf.shape(x))
    total = tf.reduce_sum(x * weights, axis=_axis(axis))
    return total / tf.reduce_sum(weights, axis=_axis(axis))


def corrcoef(x):
    check_corrcoef(x.shape)
    rows = tf.reshape(x, (1, -1)) if x.shape.rank < 2 else x
    centered = rows - tf.reduce_mean(rows, axis=1, keepdims=True)
    products = tf.matmul(centered, centered, adjoint_b=True)
    scale = tf.sqrt(tf.math.real(tf.linalg.diag_part(products)))
    scale = tf.cast(scale, products.dtype)
    result = products / scale[:, None] / scale[None, :]
    if not result.dtype.is_complex:
        result = tf.clip_by_value(result, -1, 1)
    return tf.reshape(result, ()) if x.shape.rank < 2 else result


def correlate(x1, x2, mode="valid"):
    check_correlate(x1.shape, x2.shape, mode)
    m, n = x1.shape[0], x2.shape[0]
    start, length = correlate_window(m, n, mode)
    padded = tf.pad(x1, [[n - 1, n - 1]])
    # full[j] = sum_k padded[j + k] * conj(x2[k]), for the wanted j only.
    index = tf.range(start, start + length)[:, None] + tf.range(n)[None, :]
    windows = tf.gather(padded, index)
    return tf.linalg.matvec(windows, tf.math.conj(x2))


def _diff_once(a, axis):
    # Strided slices (not gathers): their gradients are dense, and they work
    # with unknown dimensions.
    before = (slice(None),) * axis
    later, earlier = a[(*before, slice(1, None))], a[(*before, slice(None, -1))]
    if a.dtype == tf.bool:
        return tf.not_equal(later, earlier)
    return later - earlier


def trapezoid(y, x=None, dx=1.0, axis=-1):
    check_trapezoid(y.shape, None if x is None else x.shape)
    axis = axis % y.shape.rank
    if x is None:
        spacing = tf.constant(dx, y.dtype)
    elif x.shape.rank == 1:
        shape = [1] * y.shape.rank
        shape[axis] = -1
        spacing = tf.reshape(_diff_once(x, 0), shape)
    else:
        spacing = _diff_once(x, axis)
    before = (slice(None),) * axis
    later, earlier = y[(*before, slice(1, None))], y[(*before, slice(None, -1))]
    return tf.reduce_sum(spacing * (later + earlier) / 2, axis=axis)


def diff(a, n=1, axis=-1):
    check_diff(a.shape, n)
    axis = axis % a.shape.rank
    dtype = a.dtype
    if dtype.is_unsigned:
        # TensorFlow lacks some unsigned subtractions: int64 wraps back.
        a = tf.cast(a, tf.int64)
    for _ in range(n):
        a = _diff_once(a, axis)
    return tf.cast(a, dtype)
