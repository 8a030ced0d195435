"""The tensorflow backend table: indexing, sorting and searching ops.

See keras_core/_src/ops/numpy/indexing.py for the declarations. Inputs
arrive in the op's compute dtype. TensorFlow lacks sorting and searching
kernels for booleans and unsigned integers: those go through wider signed
dtypes. Ops whose output length depends on values (nonzero, unique without
`size`, bincount) cannot run under XLA, as in Keras.
"""

import re

from keras_core._src.backend.tensorflow.tf_import import tf

_SORT_VIA = {
    tf.bool: tf.int32,
    tf.uint8: tf.int32,
    tf.uint16: tf.int32,
    tf.int8: tf.int32,
    tf.int16: tf.int32,
    tf.uint32: tf.int64,
    tf.uint64: tf.int64,
    tf.float16: tf.float32,
    tf.bfloat16: tf.float32,
}


def _sortable(x):
    return tf.cast(x, _SORT_VIA[x.dtype]) if x.dtype in _SORT_VIA else x


def _check_1d(op, sequence):
    if sequence.shape.rank != 1:
        raise ValueError(
            f"{op}: the sorted sequence must be 1-d. "
            f"Received: shape {tuple(sequence.shape)}"
        )


def _wrap(indices, size):
    indices = tf.cast(indices, tf.int32)
    return tf.where(indices < 0, indices + tf.cast(size, tf.int32), indices)


def take(x, indices, axis=None):
    if axis is None:
        x, axis = tf.reshape(x, [-1]), 0
    return tf.gather(x, _wrap(indices, tf.shape(x)[axis]), axis=axis)


def take_along_axis(x, indices, axis=None):
    if axis is None:
        x, indices, axis = tf.reshape(x, [-1]), tf.reshape(indices, [-1]), 0
    rank = x.shape.rank
    axis = axis % rank
    indices = _wrap(indices, tf.shape(x)[axis])
    # Broadcast the other dimensions as NumPy does, then gather with the
    # take axis moved last (batch dimensions first).
    x_shape, i_shape = tf.shape(x), tf.shape(indices)
    others = tf.broadcast_dynamic_shape(
        tf.tensor_scatter_nd_update(x_shape, [[axis]], [1]),
        tf.tensor_scatter_nd_update(i_shape, [[axis]], [1]),
    )
    x = tf.broadcast_to(
        x, tf.tensor_scatter_nd_update(others, [[axis]], [x_shape[axis]])
    )
    indices = tf.broadcast_to(
        indices, tf.tensor_scatter_nd_update(others, [[axis]], [i_shape[axis]])
    )
    perm = [d for d in range(rank) if d != axis] + [axis]
    inverse = [perm.index(d) for d in range(rank)]
    result = tf.gather(
        tf.transpose(x, perm), tf.transpose(indices, perm), batch_dims=rank - 1
    )
    return tf.transpose(result, inverse)


def where(condition, x1=None, x2=None):
    if x1 is None:
        return nonzero(condition)
    return tf.where(condition, x1, x2)


def select(condlist, choicelist, default=0):
    if len(condlist) != len(choicelist):
        raise ValueError(
            "select: condlist and choicelist must have the same length. "
            f"Received: {len(condlist)} conditions, {len(choicelist)} choices"
        )
    shape = tf.shape(condlist[0])
    for tensor in [*condlist, *choicelist]:
        shape = tf.broadcast_dynamic_shape(shape, tf.shape(tensor))
    result = tf.broadcast_to(tf.cast(default, choicelist[0].dtype), shape)
    # The first true condition wins: apply them from the last to the first.
    for condition, choice in reversed(list(zip(condlist, choicelist, strict=True))):
        result = tf.where(
            tf.broadcast_to(condition, shape), tf.broadcast_to(choice, shape), result
        )
    return result


def get_item(x, key):
    if isinstance(key, tuple):
        parts = key
    else:
        parts = (key,)
    if any(_is_tensor_key(k) for k in parts):
        return _advanced_item(x, parts)
    return x[key]


def _is_tensor_key(key):
    return hasattr(key, "shape") and hasattr(key, "dtype") and not isinstance(key, int)


def _advanced_item(x, parts):
    # One integer or boolean tensor among basic keys: index the basic part,
    # then gather (integer) or mask (boolean) along that tensor's axis.
    tensors = [i for i, k in enumerate(parts) if _is_tensor_key(k)]
    if len(tensors) != 1 or any(k is Ellipsis or k is None for k in parts):
        raise ValueError(
            "get_item: the tensorflow backend takes one integer or boolean "
            "tensor key at a time, without None or Ellipsis beside it. "
            f"Received: {parts!r}"
        )
    position = tensors[0]
    key = tf.convert_to_tensor(parts[position])
    before = parts[:position]
    if any(isinstance(k, int) for k in before):
        raise ValueError(
            "get_item: integer keys before a tensor key are not supported. "
            f"Received: {parts!r}"
        )
    x = x[(*before, slice(None))] if before else x
    if key.dtype == tf.bool:
        result = tf.boolean_mask(x, key, axis=position)
    else:
        result = tf.gather(x, _wrap(key, tf.shape(x)[position]), axis=position)
    rest = parts[position + 1 :]
    if rest:
        extra = key.shape.rank if key.dtype != tf.bool else 1
        result = result[(slice(None),) * (position + extra) + tuple(rest)]
    return result


def _axis_input(x, axis):
    return (tf.reshape(x, [-1]), -1) if axis is None else (x, axis)


def _to_last(x, axis):
    """`x` with `axis` moved last, and the permutation that moves it back."""
    rank = x.shape.rank
    axis = axis % rank
    perm = [d for d in range(rank) if d != axis] + [axis]
    return tf.transpose(x, perm), [perm.index(d) for d in range(rank)]


def _gather_last(x, order):
    return tf.gather(x, order, axis=-1, batch_dims=x.shape.rank - 1)


def sort(x, axis=-1):
    x, axis = _axis_input(x, axis)
    if x.shape.rank == 0:
        return x
    values, back = _to_last(_sortable(x), axis)
    ordered = _gather_last(values, _stable_order(values))
    return tf.cast(tf.transpose(ordered, back), x.dtype)


def _stable_order(values):
    """The stable sorting order along the last axis, NaNs last as in NumPy.

    (tf.argsort puts NaNs first.) NaNs are sorted apart first, then the
    values with NaNs read as inf, stably.
    """
    if values.dtype.is_floating:
        nan = tf.math.is_nan(values)
        filled = tf.where(nan, tf.constant(float("inf"), values.dtype), values)
        first = tf.argsort(tf.cast(nan, tf.int32), axis=-1, stable=True)
        second = tf.argsort(_gather_last(filled, first), axis=-1, stable=True)
        return _gather_last(first, second)
    return tf.argsort(values, axis=-1, stable=True)


def argsort(x, axis=-1):
    x, axis = _axis_input(x, axis)
    if x.shape.rank == 0:
        return tf.zeros([], tf.int32)
    values, back = _to_last(_sortable(x), axis)
    return tf.transpose(tf.cast(_stable_order(values), tf.int32), back)


def argpartition(x, kth, axis=-1):
    # A full stable sort is one valid partition.
    return argsort(x, axis=axis)


def searchsorted(sorted_sequence, values, side="left"):
    _check_1d("searchsorted", sorted_sequence)
    if side not in ("left", "right"):
        raise ValueError(f"searchsorted: side must be 'left' or 'right', got {side!r}")
    flat = tf.reshape(_sortable(values), [1, -1])
    positions = tf.searchsorted(
        _sortable(sorted_sequence)[None], flat, side=side, out_type=tf.int32
    )
    return tf.reshape(positions, tf.shape(values))


def digitize(x, bins):
    _check_1d("digitize", bins)
    x, bins = _sortable(x), _sortable(bins)
    size = tf.shape(bins)[0]
    decreasing = (
        tf.logical_and(size > 1, bins[0] > bins[-1]) if bins.shape[0] != 0 else False
    )
    increasing = searchsorted(bins, x, side="right")
    flipped = size - searchsorted(tf.reverse(bins, [0]), x, side="right")
    return tf.where(decreasing, flipped, increasing)


def unique(
    x,
    sorted=True,
    return_index=False,
    return_inverse=False,
    return_counts=False,
    axis=None,
    size=None,
    fill_value=None,
):
    if axis is not None:
        return _unique_axis(
            x, axis, size, fill_value, return_index, return_inverse, return_counts
        )
    flat = tf.reshape(x, [-1])
    order = argsort(flat)
    ordered = tf.gather(flat, order)
    values, inverse_sorted, counts = _unique_sorted(ordered)
    inverse = tf.scatter_nd(order[:, None], inverse_sorted, tf.shape(flat))
    # The first occurrence: the stable sort keeps the first one first.
    starts = tf.cumsum(counts, exclusive=True)
    index = tf.gather(order, starts)
    if size is not None:
        values, index, counts = _fit_size(values, index, counts, size, fill_value, 0)
    outputs = [values]
    if return_index:
        outputs.append(index)
    if return_inverse:
        outputs.append(tf.reshape(inverse, tf.shape(x)))
    if return_counts:
        outputs.append(counts)
    return outputs[0] if len(outputs) == 1 else tuple(outputs)


def _unique_sorted(ordered):
    """Values, int32 inverse and counts of a sorted 1-d tensor."""
    comparable = _sortable(ordered)
    size = tf.shape(comparable)[0]
    different = comparable[1:] != comparable[:-1]
    if comparable.dtype.is_floating:
        # NumPy counts all NaNs as one unique value.
        nan = tf.math.is_nan(comparable)
        different = different & ~(nan[1:] & nan[:-1])
    new = tf.concat([tf.ones([tf.minimum(size, 1)], tf.bool), different], 0)
    inverse = tf.cumsum(tf.cast(new, tf.int32)) - 1
    values = tf.boolean_mask(ordered, new)
    counts = tf.math.unsorted_segment_sum(
        tf.ones_like(inverse), inverse, tf.shape(values)[0]
    )
    return values, inverse, counts


def _unique_axis(
    x, axis, size, fill_value, return_index, return_inverse, return_counts
):
    axis = axis % x.shape.rank
    moved = tf.experimental.numpy.moveaxis(x, axis, 0)
    rows = tf.reshape(moved, [tf.shape(moved)[0], -1])
    # Sort rows lexicographically: stable sorts by each column, last first.
    order = tf.range(tf.shape(rows)[0])
    for column in reversed(range(rows.shape[1])):
        keys = tf.gather(_sortable(rows[:, column]), order)
        order = tf.gather(order, tf.argsort(keys, stable=True))
    ordered = tf.gather(rows, order)
    different = tf.reduce_any(ordered[1:] != ordered[:-1], axis=1)
    new = tf.concat(
        [tf.ones([tf.minimum(tf.shape(rows)[0], 1)], tf.bool), different], 0
    )
    inverse_sorted = tf.cumsum(tf.cast(new, tf.int32)) - 1
    unique_rows = tf.boolean_mask(ordered, new)
    counts = tf.math.unsorted_segment_sum(
        tf.ones_like(inverse_sorted), inverse_sorted, tf.shape(unique_rows)[0]
    )
    inverse = tf.scatter_nd(order[:, None], inverse_sorted, tf.shape(order))
    index = tf.gather(order, tf.cumsum(counts, exclusive=True))
    values = tf.reshape(unique_rows, tf.concat([[-1], tf.shape(moved)[1:]], 0))
    if size is not None:
        values, index, counts = _fit_size(values, index, counts, size, fill_value, 0)
    values = tf.experimental.numpy.moveaxis(values, 0, axis)
    outputs = [values]
    if return_index:
        outputs.append(index)
    if return_inverse:
        outputs.append(inverse)
    if return_counts:
        outputs.append(counts)
    return outputs[0] if len(outputs) == 1 else tuple(outputs)


def _fit_size(values, index, counts, size, fill_value, axis):
    found = tf.shape(values)[0]
    missing = tf.maximum(size - found, 0)
    if fill_value is None:
        pad = tf.repeat(values[:1], missing, axis=0)
    else:
        shape = tf.concat([[missing], tf.shape(values)[1:]], 0)
        pad = tf.fill(shape, tf.cast(fill_value, values.dtype))
    zeros = tf.zeros([missing], tf.int32)
    values = tf.concat([values, pad], 0)[:size]
    index = tf.concat([index, zeros], 0)[:size]
    counts = tf.concat([counts, zeros], 0)[:size]
    return values, index, counts


def nonzero(x):
    if x.shape.rank == 0:
        raise ValueError("nonzero: 0-d input is not supported; use a 1-d input.")
    if x.dtype != tf.bool:
        x = tf.not_equal(x, tf.zeros([], x.dtype))
    found = tf.cast(tf.where(x), tf.int32)
    return tuple(found[:, d] for d in range(x.shape.rank))


def isin(x1, x2, assume_unique=False, invert=False):
    a, b = _sortable(x1), _sortable(tf.reshape(x2, [-1]))
    found = tf.reduce_any(tf.equal(tf.reshape(a, [-1, 1]), b[None]), axis=1)
    found = tf.reshape(found, tf.shape(x1))
    return tf.logical_not(found) if invert else found


def bincount(x, weights=None, minlength=0, sparse=False):
    if x.shape.rank not in (1, 2):
        raise ValueError(f"bincount: x must be 1-d or 2-d, got shape {tuple(x.shape)}")
    x = tf.cast(x, tf.int32)
    if weights is not None and weights.dtype not in (
        tf.float32,
        tf.float64,
        tf.int32,
        tf.int64,
    ):
        weights = tf.cast(weights, tf.float32)
    if x.shape.rank == 1:
        result = tf.math.bincount(
            x,
            weights,
            minlength=minlength,
            dtype=tf.int32 if weights is None else weights.dtype,
        )
    else:
        result = tf.math.bincount(
            x,
            weights,
            minlength=minlength,
            axis=-1,
            dtype=tf.int32 if weights is None else weights.dtype,
        )
    if sparse:
        return tf.sparse.from_dense(result)
    return result


def histogram(x, bins=10, range=None):
    if x.shape.rank != 1:
        raise ValueError(f"histogram: x must be 1-d, got shape {tuple(x.shape)}")
    if range is None:
        empty = tf.equal(tf.size(x), 0)
        low = tf.where(
            empty, tf.zeros([], x.dtype), tf.reduce_min(x) if x.shape[0] != 0 else 0
        )
        high = tf.where(
            empty, tf.ones([], x.dtype), tf.reduce_max(x) if x.shape[0] != 0 else 1
        )
    else:
        low, high = tf.constant(range[0], x.dtype), tf.constant(range[1], x.dtype)
    same = tf.equal(low, high)
    low = tf.where(same, low - 0.5, low)
    high = tf.where(same, high + 0.5, high)
    edges = tf.linspace(low, high, bins + 1)
    inside = tf.logical_and(x >= low, x <= high)
    position = tf.cast((x - low) / (high - low) * bins, tf.int32)
    position = tf.clip_by_value(position, 0, bins - 1)
    counts = tf.math.unsorted_segment_sum(tf.cast(inside, tf.int32), position, bins)
    return counts, tf.cast(edges, x.dtype)


def unravel_index(indices, shape):
    coordinates = []
    wide = tf.int64 if indices.dtype in (tf.int64, tf.uint32, tf.uint64) else tf.int32
    remaining = tf.cast(indices, wide)
    for size in reversed(shape):
        coordinates.append(tf.cast(tf.math.floormod(remaining, size), indices.dtype))
        remaining = tf.math.floordiv(remaining, size)
    return tuple(reversed(coordinates))


def meshgrid(*x, indexing="xy"):
    if indexing not in ("xy", "ij"):
        raise ValueError(f"meshgrid: indexing must be 'xy' or 'ij', got {indexing!r}")
    # By hand: tf.meshgrid needs one dtype, NumPy keeps each input's.
    sizes = [tf.size(v) for v in x]
    if indexing == "xy" and len(x) > 1:
        sizes[0], sizes[1] = sizes[1], sizes[0]
    grids = []
    for i, v in enumerate(x):
        axis = i
        if indexing == "xy" and len(x) > 1 and i < 2:
            axis = 1 - i
        shape = [1] * len(x)
        shape[axis] = -1
        grids.append(tf.broadcast_to(tf.reshape(v, shape), tf.stack(sizes)))
    return grids


def _parse_signature(signature):
    """Core dimension names of each input and output of a gufunc signature."""
    match = re.fullmatch(r"\s*(.*?)\s*->\s*(.*?)\s*", signature)
    if match is None:
        raise ValueError(f"vectorize: invalid signature {signature!r}")

    def groups(text):
        return [
            tuple(d.strip() for d in g.split(",") if d.strip())
            for g in re.findall(r"\(([^()]*)\)", text)
        ]

    return groups(match.group(1)), groups(match.group(2))


def vectorize(pyfunc, *, excluded=None, signature=None):
    excluded = set(excluded or ())

    def vectorized(*args, **kwargs):
        mapped = [i for i in range(len(args)) if i not in excluded]
        tensors = [tf.convert_to_tensor(args[i]) for i in mapped]
        cores = (
            [()] * len(tensors) if signature is None else _parse_signature(signature)[0]
        )
        loop = tf.TensorShape([])
        for t, c in zip(tensors, cores, strict=True):
            loop = tf.broadcast_static_shape(loop, t.shape[: t.shape.rank - len(c)])
        flat = []
        for t, c in zip(tensors, cores, strict=True):
            core = t.shape[t.shape.rank - len(c) :]
            flat.append(tf.reshape(tf.broadcast_to(t, loop + core), [-1, *core]))

        def one(items):
            call = list(args)
            for i, item in zip(mapped, items, strict=True):
                call[i] = item
            return pyfunc(*call, **kwargs)

        results = tf.vectorized_map(one, tuple(flat), fallback_to_while_loop=True)
        many = isinstance(results, tuple)
        results = results if many else (results,)
        reshaped = tuple(
            tf.reshape(r, [*loop.as_list(), *r.shape[1:]]) for r in results
        )
        return reshaped if many else reshaped[0]

    return vectorized
