"""The numpy backend table: indexing, sorting and searching ops.

See keras_core/_src/ops/numpy/indexing.py for the declarations. Inputs
arrive in the op's compute dtype.
"""

import numpy as np


def _index_array(x):
    return np.asarray(x).astype("int32", copy=False)


def take(x, indices, axis=None):
    return np.take(x, indices, axis=axis)


def take_along_axis(x, indices, axis=None):
    if axis is None:
        return np.take_along_axis(np.ravel(x), np.ravel(indices), axis=0)
    # NumPy requires equal ranks but broadcasts the other dimensions.
    shape = list(
        np.broadcast_shapes(_without(x.shape, axis), _without(indices.shape, axis))
    )
    x_shape = list(shape)
    x_shape.insert(axis % x.ndim, x.shape[axis])
    i_shape = list(shape)
    i_shape.insert(axis % x.ndim, indices.shape[axis])
    x = np.broadcast_to(x, x_shape)
    indices = np.broadcast_to(indices, i_shape)
    return np.take_along_axis(x, indices, axis=axis)


def _without(shape, axis):
    shape = list(shape)
    del shape[axis]
    return tuple(shape)


def where(condition, x1=None, x2=None):
    if x1 is None:
        return nonzero(condition)
    return np.where(condition, x1, x2)


def select(condlist, choicelist, default=0):
    if len(condlist) != len(choicelist):
        raise ValueError(
            "select: condlist and choicelist must have the same length. "
            f"Received: {len(condlist)} conditions, {len(choicelist)} choices"
        )
    dtype = np.result_type(*choicelist) if choicelist else None
    return np.asarray(np.select(condlist, choicelist, default), dtype=dtype)


def get_item(x, key):
    return np.asarray(x[key])


def sort(x, axis=-1):
    return np.sort(x, axis=axis)


def argsort(x, axis=-1):
    return _index_array(np.argsort(x, axis=axis, kind="stable"))


def argpartition(x, kth, axis=-1):
    return _index_array(np.argpartition(x, kth, axis=axis))


def _check_1d(op, sequence):
    if np.ndim(sequence) != 1:
        raise ValueError(
            f"{op}: the sorted sequence must be 1-d. "
            f"Received: shape {tuple(np.shape(sequence))}"
        )


def searchsorted(sorted_sequence, values, side="left"):
    _check_1d("searchsorted", sorted_sequence)
    if side not in ("left", "right"):
        raise ValueError(f"searchsorted: side must be 'left' or 'right', got {side!r}")
    return _index_array(np.searchsorted(sorted_sequence, values, side=side))


def digitize(x, bins):
    _check_1d("digitize", bins)
    return _index_array(np.digitize(x, bins))


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
    values, index, inverse, counts = np.unique(
        x, return_index=True, return_inverse=True, return_counts=True, axis=axis
    )
    inverse = inverse.reshape(np.shape(x) if axis is None else (-1,))
    if size is not None:
        values, index, counts = _fit_size(values, index, counts, size, fill_value, axis)
    outputs = [values]
    if return_index:
        outputs.append(_index_array(index))
    if return_inverse:
        outputs.append(_index_array(inverse))
    if return_counts:
        outputs.append(_index_array(counts))
    return outputs[0] if len(outputs) == 1 else tuple(outputs)


def _fit_size(values, index, counts, size, fill_value, axis):
    """Pads (with `fill_value`, else the first unique value) or truncates."""
    axis = 0 if axis is None else axis
    found = values.shape[axis]
    if found >= size:
        keep = np.arange(size)
        return np.take(values, keep, axis=axis), index[:size], counts[:size]
    pad_shape = list(values.shape)
    pad_shape[axis] = size - found
    if fill_value is None:
        pad = np.repeat(np.take(values, [0], axis=axis), size - found, axis=axis)
    else:
        pad = np.full(pad_shape, fill_value, dtype=values.dtype)
    values = np.concatenate([values, pad], axis=axis)
    index = np.concatenate([index, np.zeros(size - found, index.dtype)])
    counts = np.concatenate([counts, np.zeros(size - found, counts.dtype)])
    return values, index, counts


def nonzero(x):
    if np.ndim(x) == 0:
        raise ValueError("nonzero: 0-d input is not supported; use a 1-d input.")
    return tuple(_index_array(i) for i in np.nonzero(x))


def isin(x1, x2, assume_unique=False, invert=False):
    return np.isin(x1, x2, assume_unique=assume_unique, invert=invert)


def bincount(x, weights=None, minlength=0, sparse=False):
    if sparse:
        raise ValueError("bincount: sparse=True is not supported by the numpy backend.")
    if np.ndim(x) not in (1, 2):
        raise ValueError(f"bincount: x must be 1-d or 2-d, got shape {np.shape(x)}")
    if np.size(x) and np.min(x) < 0:
        raise ValueError("bincount: x must hold non-negative integers.")
    if np.ndim(x) == 1:
        return np.bincount(x, weights, minlength=minlength)
    length = max(int(np.max(x)) + 1 if np.size(x) else 0, minlength)
    rows = [
        np.bincount(row, None if weights is None else w, minlength=length)
        for row, w in zip(x, x if weights is None else weights, strict=True)
    ]
    return np.stack(rows) if rows else np.zeros((0, length))


def histogram(x, bins=10, range=None):
    if np.ndim(x) != 1:
        raise ValueError(f"histogram: x must be 1-d, got shape {np.shape(x)}")
    counts, edges = np.histogram(x, bins=bins, range=range)
    return counts, edges.astype(x.dtype)


def unravel_index(indices, shape):
    return tuple(
        np.asarray(i, dtype=np.asarray(indices).dtype)
        for i in np.unravel_index(indices, shape)
    )


def meshgrid(*x, indexing="xy"):
    if indexing not in ("xy", "ij"):
        raise ValueError(f"meshgrid: indexing must be 'xy' or 'ij', got {indexing!r}")
    return list(np.meshgrid(*x, indexing=indexing))


def vectorize(pyfunc, *, excluded=None, signature=None):
    return np.vectorize(pyfunc, excluded=excluded, signature=signature)
