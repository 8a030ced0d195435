"""Scatters and slices on torch tensors."""

import builtins as _builtins
import warnings as _warnings

import torch

_INDEX_REDUCE = {"max": "amax", "min": "amin", "mul": "prod"}


def _linear(indices, shape):
    """Row-major offsets of the index tuples into the leading axes."""
    indices = indices.to(torch.int64)
    offsets = torch.zeros(indices.shape[:-1], dtype=torch.int64, device=indices.device)
    for axis in range(indices.shape[-1]):
        offsets = offsets * shape[axis] + indices[..., axis]
    return offsets.reshape(-1)


def _flat(tensor, depth):
    """`tensor` with its first `depth` axes merged."""
    return tensor.reshape((-1, *tensor.shape[depth:]))


def scatter(indices, values, shape):
    depth = indices.shape[-1]
    output = torch.zeros(tuple(shape), dtype=values.dtype, device=values.device)
    flat = _flat(output, depth)
    updates = values.reshape((-1, *flat.shape[1:]))
    flat = flat.index_add(0, _linear(indices, shape), updates)
    return flat.reshape(tuple(shape))


def scatter_update(inputs, indices, updates, reduction=None):
    depth = indices.shape[-1]
    flat = _flat(inputs, depth)
    updates = updates.reshape((-1, *flat.shape[1:]))
    positions = _linear(indices, inputs.shape)
    if reduction is None:
        flat = flat.index_copy(0, positions, updates)
    elif reduction == "add":
        flat = flat.index_add(0, positions, updates)
    else:
        with _warnings.catch_warnings():
            # index_reduce works but warns that its API is in beta.
            _warnings.simplefilter("ignore", UserWarning)
            flat = flat.index_reduce(0, positions, updates, _INDEX_REDUCE[reduction])
    return flat.reshape(inputs.shape)


def _starts(start_indices):
    if torch.is_tensor(start_indices):
        start_indices = start_indices.tolist()
    return [int(start) for start in start_indices]


def slice(inputs, start_indices, shape):
    output = inputs
    for axis, (start, size) in enumerate(
        zip(_starts(start_indices), shape, strict=True)
    ):
        output = output.narrow(axis, start, int(size))
    return output


def slice_update(inputs, start_indices, updates):
    output = inputs.clone()
    index = tuple(
        _builtins.slice(start, start + size)
        for start, size in zip(_starts(start_indices), updates.shape, strict=True)
    )
    output[index] = updates
    return output


def unstack(x, num=None, axis=0):
    return list(torch.unbind(x, axis))
