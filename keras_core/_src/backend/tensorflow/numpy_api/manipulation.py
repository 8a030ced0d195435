"""The tensorflow backend table: manipulation ops.

See keras_core/_src/ops/numpy/manipulation.py and joining.py for the
declarations. Inputs arrive in the op's compute dtype. TensorFlow has no
NumPy-style `tile`, `rot90`, `pad` modes or axis-None joins, and lacks
kernels for moving some dtypes (unsigned ints in `tile`/`reverse`): those
ops reinterpret unsigned values as signed ones of the same width (an exact
round trip) and build the NumPy meaning from slices, gathers and
concatenations.
"""

import functools

from keras_core._src.backend.common.dtypes import narrowed_dtype
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.common.op_arguments.manipulation import fixed_split_axis
from keras_core._src.backend.common.op_arguments.manipulation import pad_widths
from keras_core._src.backend.common.op_arguments.manipulation import split_bounds
from keras_core._src.backend.tensorflow.tf_import import tf

_SIGNED_TWIN = {tf.uint16: tf.int16, tf.uint32: tf.int32, tf.uint64: tf.int64}


def _movable(function):
    """Runs a data-moving `function(x, ...)` on a dtype TF has kernels for."""

    @functools.wraps(function)
    def run(x, *args, **kwargs):
        twin = _SIGNED_TWIN.get(x.dtype)
        if twin is None:
            return function(x, *args, **kwargs)
        result = function(tf.bitcast(x, twin), *args, **kwargs)
        if isinstance(result, list):
            return [tf.bitcast(r, x.dtype) for r in result]
        return tf.bitcast(result, x.dtype)

    return run


def _axes(axis, ndim):
    """`axis` (an int, a sequence, or None for all) as non-negative axes."""
    if axis is None:
        return tuple(range(ndim))
    axes = tuple(axis) if isinstance(axis, (tuple, list)) else (axis,)
    for a in axes:
        if not -ndim <= a < max(ndim, 1):
            raise ValueError(
                f"axis {a} is out of bounds for a tensor of {ndim} dimensions."
            )
    return tuple(a % ndim if ndim else 0 for a in axes)


def _static_shape(x):
    return tuple(x.shape.as_list())


def reshape(x, newshape):
    if isinstance(newshape, int):
        newshape = (newshape,)
    return tf.reshape(x, [-1 if d is None else int(d) for d in newshape])


def transpose(x, axes=None):
    if axes is None:
        return tf.transpose(x)
    return tf.transpose(x, perm=list(_axes(axes, x.shape.rank)))


def expand_dims(x, axis):
    count = 1 if isinstance(axis, int) else len(axis)
    ndim = x.shape.rank + count
    positions = sorted(_axes(axis, ndim))
    if len(set(positions)) < count:
        raise ValueError(f"expand_dims: axis {axis!r} is repeated.")
    for position in positions:
        x = tf.expand_dims(x, position)
    return x


def squeeze(x, axis=None):
    shape = _static_shape(x)
    if axis is None:
        # Dimensions unknown until run are taken as not 1 (as Keras does).
        axes = [a for a, d in enumerate(shape) if d == 1]
        return tf.squeeze(x, axis=axes) if axes else x
    axes = _axes(axis, len(shape))
    if any(shape[a] not in (1, None) for a in axes):
        raise ValueError(
            f"squeeze: cannot remove axis {axis!r} of length other than 1. "
            f"Received: x of shape {shape}."
        )
    return tf.squeeze(x, axis=list(axes)) if axes else x


def ravel(x):
    return tf.reshape(x, [-1])


def moveaxis(x, source, destination):
    ndim = x.shape.rank
    source, destination = _axes(source, ndim), _axes(destination, ndim)
    if len(source) != len(destination):
        raise ValueError(
            "moveaxis: source and destination need as many axes. "
            f"Received: {source} and {destination}."
        )
    order = [a for a in range(ndim) if a not in source]
    for dest, src in sorted(zip(destination, source, strict=True)):
        order.insert(dest, src)
    return tf.transpose(x, perm=order)


def swapaxes(x, axis1, axis2):
    perm = list(range(x.shape.rank))
    a, b = _axes((axis1, axis2), len(perm))
    perm[a], perm[b] = perm[b], perm[a]
    return tf.transpose(x, perm=perm)


@_movable
def broadcast_to(x, shape):
    if isinstance(shape, int):
        shape = (shape,)
    return tf.broadcast_to(x, list(shape))


@_movable
def flip(x, axis=None):
    return tf.reverse(x, list(_axes(axis, x.shape.rank)))


def fliplr(x):
    if x.shape.rank < 2:
        raise ValueError("fliplr: needs a tensor of at least 2 dimensions.")
    return flip(x, 1)


def flipud(x):
    if x.shape.rank < 1:
        raise ValueError("flipud: needs a tensor of at least 1 dimension.")
    return flip(x, 0)


def rot90(array, k=1, axes=(0, 1)):
    ndim = array.shape.rank
    if ndim < 2:
        raise ValueError("rot90: needs a tensor of at least 2 dimensions.")
    first, second = _axes(tuple(axes), ndim)
    if first == second:
        raise ValueError(f"rot90: axes must be two different axes. Received {axes}.")
    k %= 4
    if k == 0:
        return array
    if k == 2:
        return flip(array, (first, second))
    if k == 1:
        return swapaxes(flip(array, second), first, second)
    return flip(swapaxes(array, first, second), second)


@_movable
def roll(x, shift, axis=None):
    if axis is None:
        shift = shift if isinstance(shift, int) else sum(shift)
        return tf.reshape(tf.roll(tf.reshape(x, [-1]), shift, 0), tf.shape(x))
    axes = list(_axes(axis, x.shape.rank))
    shifts = [shift] * len(axes) if isinstance(shift, int) else list(shift)
    if len(axes) == 1 and len(shifts) > 1:
        axes = axes * len(shifts)
    return tf.roll(x, shifts, axes)


@_movable
def tile(x, repeats):
    repeats = [repeats] if isinstance(repeats, int) else list(repeats)
    extra = len(repeats) - x.shape.rank
    if extra > 0:
        x = tf.reshape(x, tf.concat([[1] * extra, tf.shape(x)], 0))
    repeats = [1] * (x.shape.rank - len(repeats)) + repeats
    return tf.tile(x, repeats)


@_movable
def repeat(x, repeats, axis=None):
    if axis is None:
        x = tf.reshape(x, [-1])
        axis = 0
    shape = list(_static_shape(x))
    if isinstance(repeats, int):
        length = None if shape[axis] is None else shape[axis] * repeats
    else:
        repeats = [int(r) for r in repeats]
        length = sum(repeats) if len(repeats) > 1 else None
        if len(repeats) == 1:
            repeats = repeats[0]
            length = None if shape[axis] is None else shape[axis] * repeats
    result = tf.repeat(x, repeats, axis=axis)
    # tf.repeat loses static lengths; they are known from the counts.
    shape[axis] = length
    return tf.ensure_shape(result, shape)


def _source_index(i, n, mode):
    """The index of the value of `x` that fills position `i` of an axis."""
    if mode == "edge" or (mode == "reflect" and n == 1):
        return min(max(i, 0), n - 1)
    if mode == "wrap":
        return i % n
    if mode == "reflect":
        i %= 2 * (n - 1)
        return i if i < n else 2 * (n - 1) - i
    i %= 2 * n  # symmetric: the edge value is repeated
    return i if i < n else 2 * n - 1 - i


def _take_runs(x, axis, index):
    """`tf.gather(x, index, axis)` as slices of runs of consecutive indices.

    Slices have dense gradients (a gather's are IndexedSlices) and keep
    static shapes.
    """
    runs = []
    for i in index:
        if (
            runs
            and i - runs[-1][-1] in (1, -1)
            and (len(runs[-1]) == 1 or i - runs[-1][-1] == runs[-1][1] - runs[-1][0])
        ):
            runs[-1].append(i)
        else:
            runs.append([i])
    prefix = (slice(None),) * axis
    parts = []
    for run in runs:
        low, high = min(run), max(run)
        part = x[(*prefix, slice(low, high + 1))]
        parts.append(tf.reverse(part, [axis]) if run[0] > run[-1] else part)
    return parts[0] if len(parts) == 1 else tf.concat(parts, axis)


def _statistic(x, axis, mode):
    if mode == "maximum":
        return tf.reduce_max(x, axis=axis, keepdims=True)
    if mode == "minimum":
        return tf.reduce_min(x, axis=axis, keepdims=True)
    values = tf.cast(x, tf.float64 if x.dtype == tf.float64 else tf.float32)
    if mode == "mean":
        result = tf.reduce_mean(values, axis=axis, keepdims=True)
    else:
        # NumPy's median averages the middle two values of an even length.
        n = x.shape[axis]
        ordered = tf.sort(values, axis=axis)
        low = tf.gather(ordered, [(n - 1) // 2], axis=axis)
        high = tf.gather(ordered, [n // 2], axis=axis)
        result = (low + high) / 2
    if not x.dtype.is_floating:
        result = tf.round(result)  # NumPy rounds integer statistics
    return tf.cast(result, x.dtype)


def _ramp(edge, width, axis, outward):
    """NumPy's linear ramp from the edge value to 0 over `width` values."""
    steps = tf.range(width, dtype=tf.float64)
    fractions = (width - 1 - steps if outward else steps) / width
    shape = [1] * edge.shape.rank
    shape[axis] = width
    values = tf.cast(edge, tf.float64) * tf.reshape(fractions, shape)
    if not edge.dtype.is_floating:
        values = tf.floor(values)
    return tf.cast(values, edge.dtype)


def _pad_axis(x, axis, before, after, mode, value):
    n = x.shape[axis]
    if before == after == 0:
        return x
    if mode != "constant" and n == 0:
        raise ValueError(f"pad: mode {mode!r} cannot extend an empty axis.")
    if mode in ("edge", "reflect", "symmetric", "wrap"):
        if n is None:
            raise ValueError(
                f"pad: mode {mode!r} needs the length of axis {axis} known when traced."
            )
        index = [_source_index(i, n, mode) for i in range(-before, n + after)]
        return _take_runs(x, axis, index)
    if mode == "constant":
        shape = tf.tensor_scatter_nd_update(tf.shape(x), [[axis]], [1])
        fill = tf.fill(shape, value)
        first, last = fill, fill
    elif mode == "linear_ramp":
        first = _ramp(x[(slice(None),) * axis + (slice(0, 1),)], before, axis, False)
        last = _ramp(x[(slice(None),) * axis + (slice(n - 1, n),)], after, axis, True)
    else:
        first = last = _statistic(x, axis, mode)
    if mode != "linear_ramp":
        first = tf.repeat(first, before, axis=axis)
        last = tf.repeat(last, after, axis=axis)
    return tf.concat([first, x, last], axis)


def pad(x, pad_width, mode="constant", constant_values=None):
    widths = pad_widths(pad_width, x.shape.rank)
    fill = None
    if mode in ("constant", "empty"):
        # NumPy casts the fill to x's dtype: -1 fills uint8 with 255.
        mode = "constant"
        fill = tf.cast(tf.constant(constant_values or 0), x.dtype)
    elif mode == "circular":
        mode = "wrap"
    dtype = x.dtype
    twin = _SIGNED_TWIN.get(dtype)
    if twin is not None and mode in (
        "constant",
        "edge",
        "reflect",
        "symmetric",
        "wrap",
    ):
        # Values only move: their bits move as signed ones of the same width.
        x = tf.bitcast(x, twin)
        fill = None if fill is None else tf.bitcast(fill, twin)
    elif twin is not None:
        # Statistics and ramps read values: computed as int64, exactly.
        return tf.cast(pad(tf.cast(x, tf.int64), pad_width, mode), dtype)
    for axis, (before, after) in enumerate(widths):
        x = _pad_axis(x, axis, before, after, mode, fill)
    return x if twin is None else tf.bitcast(x, dtype)


def append(x1, x2, axis=None):
    if axis is None:
        return tf.concat([tf.reshape(x1, [-1]), tf.reshape(x2, [-1])], 0)
    return tf.concat([x1, x2], axis)


def concatenate(xs, axis=0):
    if axis is None:
        return tf.concat([tf.reshape(x, [-1]) for x in xs], 0)
    return tf.concat(list(xs), axis)


def stack(x, axis=0):
    return tf.stack(list(x), axis=axis)


def hstack(xs):
    xs = [tf.reshape(x, [1]) if x.shape.rank == 0 else x for x in xs]
    return tf.concat(xs, 0 if xs[0].shape.rank == 1 else 1)


def vstack(xs):
    xs = [tf.reshape(x, [1, -1]) if x.shape.rank < 2 else x for x in xs]
    return tf.concat(xs, 0)


def dstack(xs):
    def at_least_3d(x):
        if x.shape.rank == 0:
            return tf.reshape(x, [1, 1, 1])
        if x.shape.rank == 1:
            return x[None, :, None]
        return x[..., None] if x.shape.rank == 2 else x

    return tf.concat([at_least_3d(x) for x in xs], 2)


def _split(x, indices_or_sections, axis, uneven, op):
    axis, points = split_bounds(x.shape, indices_or_sections, axis, uneven, op)
    return [x[(slice(None),) * axis + (slice(a, b),)] for a, b in points]


def split(x, indices_or_sections, axis=0):
    return _split(x, indices_or_sections, axis, False, "split")


def array_split(x, indices_or_sections, axis=0):
    return _split(x, indices_or_sections, axis, True, "array_split")


def hsplit(x, indices_or_sections):
    axis = fixed_split_axis("hsplit", x.shape.rank)
    return _split(x, indices_or_sections, axis, False, "hsplit")


def vsplit(x, indices_or_sections):
    axis = fixed_split_axis("vsplit", x.shape.rank)
    return _split(x, indices_or_sections, axis, False, "vsplit")


def dsplit(x, indices_or_sections):
    axis = fixed_split_axis("dsplit", x.shape.rank)
    return _split(x, indices_or_sections, axis, False, "dsplit")


def ndim(x):
    return x.shape.rank


def size(x):
    return tf.size(x, out_type=tf.int32)


def view(x, dtype=None):
    if dtype is None:
        return x
    target = tf.as_dtype(narrowed_dtype(standardize_dtype(dtype)))
    # Booleans are bytes 0/1; bitcast has no bool type.
    if x.dtype == tf.bool:
        x = tf.cast(x, tf.uint8)
    raw = tf.uint8 if target == tf.bool else target
    old, new = x.dtype.size, raw.size
    shape = _static_shape(x)
    if not shape and old != new:
        raise ValueError(
            "view: a 0-d tensor can only be viewed as a dtype of the same "
            f"size. Received: {x.dtype.name} viewed as {target.name}."
        )
    if shape and (shape[-1] * old) % new:
        raise ValueError(
            f"view: the last axis of x ({shape[-1]} x {old} bytes) does not "
            f"divide into {target.name} items of {new} bytes. "
            f"Received: x of shape {shape}."
        )
    outer = tf.shape(x)[:-1]
    if new > old:
        x = tf.reshape(x, tf.concat([outer, [shape[-1] * old // new, new // old]], 0))
    result = tf.bitcast(x, raw)
    if new < old:
        result = tf.reshape(result, tf.concat([outer, [shape[-1] * old // new]], 0))
    if shape:
        result = tf.ensure_shape(result, [*shape[:-1], shape[-1] * old // new])
    return tf.not_equal(result, 0) if target == tf.bool else result
