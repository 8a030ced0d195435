"""The torch backend table: indexing, sorting and searching ops.

See keras_core/_src/ops/numpy/indexing.py for the declarations. Inputs
arrive in the op's compute dtype. torch lacks sorting kernels for booleans
and some unsigned integers: those are sorted through wider dtypes.
"""

import re

import torch

_SORT_VIA = {
    torch.bool: torch.uint8,
    torch.uint16: torch.int32,
    torch.uint32: torch.int64,
}


def _sortable(x):
    return x.to(_SORT_VIA[x.dtype]) if x.dtype in _SORT_VIA else x


def _check_1d(op, sequence):
    if sequence.ndim != 1:
        raise ValueError(
            f"{op}: the sorted sequence must be 1-d. "
            f"Received: shape {tuple(sequence.shape)}"
        )


def _wrap(indices, size, keep_int32=False):
    # `index_select` takes int32 indices as they are; `gather` wants int64.
    if not (keep_int32 and indices.dtype == torch.int32):
        indices = indices.to(torch.int64)
    return torch.where(indices < 0, indices + size, indices)


def take(x, indices, axis=None):
    if axis is None:
        x, axis = torch.flatten(x), 0
    axis = axis % x.ndim
    flat = _wrap(indices, x.shape[axis], keep_int32=True).reshape(-1)
    result = torch.index_select(x, axis, flat)
    return result.reshape(x.shape[:axis] + indices.shape + x.shape[axis + 1 :])


def take_along_axis(x, indices, axis=None):
    if axis is None:
        x, indices, axis = torch.flatten(x), torch.flatten(indices), 0
    axis = axis % x.ndim
    indices = _wrap(indices, x.shape[axis])
    # NumPy broadcasts the non-axis dimensions; torch.gather does not.
    shape = torch.broadcast_shapes(
        (*x.shape[:axis], 1, *x.shape[axis + 1 :]),
        (*indices.shape[:axis], 1, *indices.shape[axis + 1 :]),
    )
    x = x.expand((*shape[:axis], x.shape[axis], *shape[axis + 1 :]))
    indices = indices.expand((*shape[:axis], indices.shape[axis], *shape[axis + 1 :]))
    return torch.gather(x, axis, indices)


def where(condition, x1=None, x2=None):
    if x1 is None:
        return nonzero(condition)
    return torch.where(condition, x1, x2)


def select(condlist, choicelist, default=0):
    if len(condlist) != len(choicelist):
        raise ValueError(
            "select: condlist and choicelist must have the same length. "
            f"Received: {len(condlist)} conditions, {len(choicelist)} choices"
        )
    result = torch.as_tensor(
        default, dtype=choicelist[0].dtype, device=choicelist[0].device
    )
    # The first true condition wins: apply them from the last to the first.
    for condition, choice in reversed(list(zip(condlist, choicelist, strict=True))):
        result = torch.where(condition, choice, result)
    shape = torch.broadcast_shapes(
        *[c.shape for c in condlist], *[c.shape for c in choicelist]
    )
    return result.expand(shape)


def get_item(x, key):
    parts = key if isinstance(key, tuple) else (key,)
    if not any(isinstance(k, slice) and (k.step or 1) < 0 for k in parts):
        return x[key]
    # torch refuses negative steps: flip those axes, then step forwards.
    consumed = [_dims_consumed(k) for k in parts]
    rest = x.ndim - sum(c for c in consumed if c is not None)
    axis, flips, converted = 0, [], []
    for k, c in zip(parts, consumed, strict=True):
        if k is Ellipsis:
            axis += rest
        elif isinstance(k, slice) and (k.step or 1) < 0:
            size = x.shape[axis]
            start, stop, step = k.indices(size)
            flips.append(axis)
            k = slice(size - 1 - start, size - 1 - stop, -step)
        converted.append(k)
        axis += c or 0
    return torch.flip(x, flips)[tuple(converted)]


def _dims_consumed(k):
    """How many axes of x a key part indexes (None for Ellipsis)."""
    if k is Ellipsis:
        return None
    if k is None:
        return 0
    if isinstance(k, torch.Tensor) and k.dtype == torch.bool:
        return k.ndim
    if hasattr(k, "dtype") and str(k.dtype) == "bool":
        return k.ndim
    return 1


def _axis_input(x, axis):
    return (torch.flatten(x), 0) if axis is None else (x, axis)


def sort(x, axis=-1):
    x, axis = _axis_input(x, axis)
    return torch.sort(_sortable(x), dim=axis, stable=True).values.to(x.dtype)


def argsort(x, axis=-1):
    x, axis = _axis_input(x, axis)
    return torch.argsort(_sortable(x), dim=axis, stable=True).to(torch.int32)


def argpartition(x, kth, axis=-1):
    # A full stable sort is one valid partition.
    return argsort(x, axis=axis)


def searchsorted(sorted_sequence, values, side="left"):
    _check_1d("searchsorted", sorted_sequence)
    if side not in ("left", "right"):
        raise ValueError(f"searchsorted: side must be 'left' or 'right', got {side!r}")
    return torch.searchsorted(
        _sortable(sorted_sequence), _sortable(values), side=side, out_int32=True
    )


def digitize(x, bins):
    _check_1d("digitize", bins)
    x, bins = _sortable(x), _sortable(bins)
    if bins.shape[0] > 1 and bool(bins[0] > bins[-1]):
        # Decreasing bins: NumPy counts the bins above x.
        flipped = torch.flip(bins, [0])
        return (bins.shape[0] - torch.bucketize(x, flipped, right=True)).to(torch.int32)
    return torch.bucketize(x, bins, right=True, out_int32=True)


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
    source = _sortable(x)
    values, inverse, counts = torch.unique(
        source,
        sorted=True,
        return_inverse=True,
        return_counts=True,
        dim=axis,
    )
    values = values.to(x.dtype)
    if axis is None and x.dtype.is_floating_point:
        values, inverse, counts = _merge_nans(values, inverse, counts)
    n = values.shape[0 if axis is None else axis]
    flat_inverse = inverse.reshape(-1)
    positions = torch.arange(flat_inverse.shape[0], device=x.device)
    # The first occurrence of each unique value: the least position mapping to it.
    index = torch.full((n,), flat_inverse.shape[0], dtype=torch.int64, device=x.device)
    index = index.scatter_reduce(0, flat_inverse, positions, reduce="amin")
    if size is not None:
        values, index, counts = _fit_size(values, index, counts, size, fill_value, axis)
    outputs = [values]
    if return_index:
        outputs.append(index.to(torch.int32))
    if return_inverse:
        shape = x.shape if axis is None else (-1,)
        outputs.append(inverse.reshape(shape).to(torch.int32))
    if return_counts:
        outputs.append(counts.to(torch.int32))
    return outputs[0] if len(outputs) == 1 else tuple(outputs)


def _merge_nans(values, inverse, counts):
    """NumPy counts all NaNs as one unique value; torch keeps each apart."""
    nan = torch.isnan(values)
    if not bool(nan.any()):
        return values, inverse, counts
    # The NaNs sort last: keep the first of them.
    first = int((~nan).sum())
    counts = torch.cat([counts[:first], counts[first:].sum(dim=0, keepdim=True)])
    return values[: first + 1], torch.clamp(inverse, max=first), counts


def _fit_size(values, index, counts, size, fill_value, axis):
    axis = 0 if axis is None else axis
    found = values.shape[axis]
    if found >= size:
        return values.narrow(axis, 0, size), index[:size], counts[:size]
    missing = size - found
    if fill_value is None:
        repeats = [1] * values.ndim
        repeats[axis] = missing
        pad = values.narrow(axis, 0, 1).repeat(*repeats)
    else:
        shape = list(values.shape)
        shape[axis] = missing
        pad = torch.full(shape, fill_value, dtype=values.dtype, device=values.device)
    zeros = torch.zeros(missing, dtype=index.dtype, device=index.device)
    return (
        torch.cat([values, pad], dim=axis),
        torch.cat([index, zeros]),
        torch.cat([counts, zeros.to(counts.dtype)]),
    )


def nonzero(x):
    if x.ndim == 0:
        raise ValueError("nonzero: 0-d input is not supported; use a 1-d input.")
    return tuple(i.to(torch.int32) for i in torch.nonzero(x, as_tuple=True))


def isin(x1, x2, assume_unique=False, invert=False):
    return torch.isin(_sortable(x1), _sortable(x2), invert=invert)


def bincount(x, weights=None, minlength=0, sparse=False):
    if sparse:
        raise ValueError("bincount: sparse=True is not supported by the torch backend.")
    if x.ndim not in (1, 2):
        raise ValueError(f"bincount: x must be 1-d or 2-d, got shape {tuple(x.shape)}")
    x = x.to(torch.int64)
    if x.numel() and bool(torch.min(x) < 0):
        raise ValueError("bincount: x must hold non-negative integers.")
    if x.ndim == 1:
        result = torch.bincount(x, weights, minlength=minlength)
    else:
        length = max(int(torch.max(x)) + 1 if x.numel() else 0, minlength)
        offsets = torch.arange(x.shape[0], device=x.device)[:, None] * length
        flat = torch.bincount(
            (x + offsets).reshape(-1),
            None if weights is None else weights.reshape(-1),
            minlength=x.shape[0] * length,
        )
        result = flat.reshape(x.shape[0], length)
    return result.to(torch.int32) if weights is None else result


def histogram(x, bins=10, range=None):
    if x.ndim != 1:
        raise ValueError(f"histogram: x must be 1-d, got shape {tuple(x.shape)}")
    if range is None:
        low, high = (torch.min(x), torch.max(x)) if x.numel() else (0.0, 1.0)
        low, high = float(low), float(high)
    else:
        low, high = float(range[0]), float(range[1])
    if low == high:
        # NumPy widens an empty range by 0.5 each side.
        low, high = low - 0.5, high + 0.5
    edges = torch.linspace(low, high, bins + 1, dtype=x.dtype, device=x.device)
    inside = (x >= low) & (x <= high)
    position = ((x - low) / (high - low) * bins).to(torch.int64).clamp(0, bins - 1)
    counts = torch.zeros(bins, dtype=torch.int32, device=x.device)
    counts = counts.index_add(
        0, position[inside], torch.ones_like(position[inside], dtype=torch.int32)
    )
    return counts, edges


def unravel_index(indices, shape):
    coordinates = []
    remaining = indices.to(torch.int64)
    for size in reversed(shape):
        coordinates.append(torch.remainder(remaining, size).to(indices.dtype))
        remaining = torch.div(remaining, size, rounding_mode="floor")
    return tuple(reversed(coordinates))


def meshgrid(*x, indexing="xy"):
    if indexing not in ("xy", "ij"):
        raise ValueError(f"meshgrid: indexing must be 'xy' or 'ij', got {indexing!r}")
    # By hand: torch.meshgrid needs one dtype, NumPy keeps each input's.
    sizes = [v.numel() for v in x]
    swap = indexing == "xy" and len(x) > 1
    if swap:
        sizes[0], sizes[1] = sizes[1], sizes[0]
    grids = []
    for i, v in enumerate(x):
        axis = 1 - i if swap and i < 2 else i
        shape = [1] * len(x)
        shape[axis] = -1
        grids.append(v.reshape(shape).expand(sizes))
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
        tensors = [torch.as_tensor(args[i]) for i in mapped]
        if signature is None:
            cores = [()] * len(tensors)
            out_cores = None
        else:
            cores, out_cores = _parse_signature(signature)
        loop = torch.broadcast_shapes(
            *[t.shape[: t.ndim - len(c)] for t, c in zip(tensors, cores, strict=True)]
        )
        flat = [
            t.expand(loop + t.shape[t.ndim - len(c) :]).reshape(
                (-1, *t.shape[t.ndim - len(c) :])
            )
            for t, c in zip(tensors, cores, strict=True)
        ]

        def one(*items):
            call = list(args)
            for i, item in zip(mapped, items, strict=True):
                call[i] = item
            return pyfunc(*call, **kwargs)

        results = torch.vmap(one)(*flat)
        many = isinstance(results, tuple)
        results = results if many else (results,)
        reshaped = tuple(r.reshape(loop + r.shape[1:]) for r in results)
        del out_cores
        return reshaped if many else reshaped[0]

    return vectorized
