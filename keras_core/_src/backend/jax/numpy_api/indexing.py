"""The jax backend table: indexing, sorting and searching ops.

See keras_core/_src/ops/numpy/indexing.py for the declarations. Inputs
arrive in the op's compute dtype. The computations are jitted (static
arguments static): one compiled call instead of many dispatched primitives
when called eagerly. Ops whose output length depends on values (nonzero,
unique without `size`, bincount) first compute that length, so they cannot
run under an outer `jax.jit`, as in Keras.
"""

import functools

import jax
import jax.numpy as jnp


def _jit(*static):
    return functools.partial(jax.jit, static_argnames=static)


def _check_1d(op, sequence):
    if jnp.ndim(sequence) != 1:
        raise ValueError(
            f"{op}: the sorted sequence must be 1-d. "
            f"Received: shape {tuple(jnp.shape(sequence))}"
        )


def _wrap(indices, size):
    # NumPy wraps negative indices once; jax's default mode would fill
    # them, so wrap explicitly.
    return jnp.where(indices < 0, indices + size, indices)


@_jit("axis")
def take(x, indices, axis=None):
    if axis is None:
        x = jnp.ravel(x)
        axis = 0
    return jnp.take(x, _wrap(indices, x.shape[axis]), axis=axis, mode="clip")


@_jit("axis")
def take_along_axis(x, indices, axis=None):
    if axis is None:
        x, indices, axis = jnp.ravel(x), jnp.ravel(indices), 0
    indices = _wrap(indices, x.shape[axis])
    return jnp.take_along_axis(x, indices, axis=axis, mode="clip")


def where(condition, x1=None, x2=None):
    if x1 is None:
        return nonzero(condition)
    return _where(condition, x1, x2)


@jax.jit
def _where(condition, x1, x2):
    return jnp.where(condition, x1, x2)


def select(condlist, choicelist, default=0):
    if len(condlist) != len(choicelist):
        raise ValueError(
            "select: condlist and choicelist must have the same length. "
            f"Received: {len(condlist)} conditions, {len(choicelist)} choices"
        )
    return _select(tuple(condlist), tuple(choicelist), default)


@_jit("default")
def _select(condlist, choicelist, default):
    dtype = jnp.result_type(*choicelist)
    return jnp.select(condlist, choicelist, jnp.asarray(default, dtype))


def get_item(x, key):
    return x[key]


@_jit("axis")
def sort(x, axis=-1):
    return jnp.sort(x, axis=axis)


@_jit("axis")
def argsort(x, axis=-1):
    return jnp.argsort(x, axis=axis, stable=True).astype("int32")


@_jit("kth", "axis")
def argpartition(x, kth, axis=-1):
    if x.dtype == jnp.bool_:
        # jax has no partition of booleans.
        x = x.astype("int8")
    return jnp.argpartition(x, kth, axis=axis).astype("int32")


def searchsorted(sorted_sequence, values, side="left"):
    _check_1d("searchsorted", sorted_sequence)
    if side not in ("left", "right"):
        raise ValueError(f"searchsorted: side must be 'left' or 'right', got {side!r}")
    return _searchsorted(sorted_sequence, values, side)


@_jit("side")
def _searchsorted(sorted_sequence, values, side):
    return jnp.searchsorted(sorted_sequence, values, side=side).astype("int32")


def digitize(x, bins):
    _check_1d("digitize", bins)
    return _digitize(x, bins)


@jax.jit
def _digitize(x, bins):
    return jnp.digitize(x, bins).astype("int32")


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
    if size is None:
        # All of them (padded), then as many as were found.
        total = x.size if axis is None else x.shape[axis]
        # (jax needs a fill value to pad an empty input.)
        fill = None if total else 0
        values, index, inverse, counts = _unique(x, axis, max(total, 1), fill)
        found = int(jnp.sum(counts > 0)) if total else 0
        values = jnp.take(values, jnp.arange(found), axis=axis or 0)
        index, counts = index[:found], counts[:found]
    else:
        values, index, inverse, counts = _unique(x, axis, size, fill_value)
    outputs = [values]
    if return_index:
        outputs.append(index)
    if return_inverse:
        outputs.append(inverse)
    if return_counts:
        outputs.append(counts)
    return outputs[0] if len(outputs) == 1 else tuple(outputs)


@_jit("axis", "size", "fill_value")
def _unique(x, axis, size, fill_value):
    values, index, inverse, counts = jnp.unique(
        x,
        return_index=True,
        return_inverse=True,
        return_counts=True,
        axis=axis,
        size=size,
        fill_value=fill_value,
    )
    inverse = inverse.reshape(jnp.shape(x) if axis is None else (-1,))
    return (
        values,
        index.astype("int32"),
        inverse.astype("int32"),
        counts.astype("int32"),
    )


def nonzero(x):
    if jnp.ndim(x) == 0:
        raise ValueError("nonzero: 0-d input is not supported; use a 1-d input.")
    return _nonzero(x, int(_count_nonzero(x)))


@jax.jit
def _count_nonzero(x):
    return jnp.count_nonzero(x)


@_jit("size")
def _nonzero(x, size):
    return tuple(i.astype("int32") for i in jnp.nonzero(x, size=size))


@_jit("assume_unique", "invert")
def isin(x1, x2, assume_unique=False, invert=False):
    return jnp.isin(x1, x2, assume_unique=assume_unique, invert=invert)


def bincount(x, weights=None, minlength=0, sparse=False):
    if x.ndim not in (1, 2):
        raise ValueError(f"bincount: x must be 1-d or 2-d, got shape {x.shape}")
    length = max(int(jnp.max(x)) + 1 if x.size else 0, minlength)
    result = _bincount(x, weights, length)
    if sparse:
        from jax.experimental import sparse as jax_sparse

        return jax_sparse.BCOO.fromdense(result)
    return result


@_jit("length")
def _bincount(x, weights, length):
    if x.ndim == 1:
        result = jnp.bincount(x, weights, length=length)
    else:
        # Rows are counted together, each offset into its own `length` range.
        offsets = jnp.arange(x.shape[0], dtype=x.dtype)[:, None] * length
        flat = jnp.bincount(
            jnp.ravel(x + offsets),
            None if weights is None else jnp.ravel(weights),
            length=x.shape[0] * length,
        )
        result = flat.reshape(x.shape[0], length)
    return result.astype("int32") if weights is None else result


def histogram(x, bins=10, range=None):
    if x.ndim != 1:
        raise ValueError(f"histogram: x must be 1-d, got shape {x.shape}")
    return _histogram(x, bins, None if range is None else tuple(range))


@_jit("bins", "range")
def _histogram(x, bins, range):
    counts, edges = jnp.histogram(x, bins=bins, range=range)
    return counts.astype("int32"), edges.astype(x.dtype)


def unravel_index(indices, shape):
    return _unravel_index(indices, tuple(shape))


@_jit("shape")
def _unravel_index(indices, shape):
    return tuple(i.astype(indices.dtype) for i in jnp.unravel_index(indices, shape))


def meshgrid(*x, indexing="xy"):
    if indexing not in ("xy", "ij"):
        raise ValueError(f"meshgrid: indexing must be 'xy' or 'ij', got {indexing!r}")
    return list(jnp.meshgrid(*x, indexing=indexing))


def vectorize(pyfunc, *, excluded=None, signature=None):
    return jnp.vectorize(pyfunc, excluded=excluded or frozenset(), signature=signature)
