"""Scatters and slices on NumPy arrays."""

import builtins as _builtins

import numpy as np

_UFUNCS = {"add": np.add, "max": np.maximum, "min": np.minimum, "mul": np.multiply}


def _index(indices):
    indices = np.asarray(indices)
    return tuple(np.moveaxis(indices, -1, 0))


def scatter(indices, values, shape):
    output = np.zeros(shape, dtype=values.dtype)
    np.add.at(output, _index(indices), values)
    return output


def scatter_update(inputs, indices, updates, reduction=None):
    output = np.array(inputs, copy=True)
    if reduction is None:
        output[_index(indices)] = updates
    else:
        _UFUNCS[reduction].at(output, _index(indices), updates)
    return output


def slice(inputs, start_indices, shape):
    index = tuple(
        _builtins.slice(int(start), int(start) + int(size))
        for start, size in zip(start_indices, shape, strict=True)
    )
    return inputs[index]


def slice_update(inputs, start_indices, updates):
    output = np.array(inputs, copy=True)
    index = tuple(
        _builtins.slice(int(start), int(start) + size)
        for start, size in zip(start_indices, updates.shape, strict=True)
    )
    output[index] = updates
    return output


def unstack(x, num=None, axis=0):
    return list(np.moveaxis(x, axis, 0))
