"""The numpy backend table: manipulation ops.

See keras_core/_src/ops/numpy/manipulation.py and joining.py for the
declarations. Inputs arrive in the op's compute dtype; NumPy's own functions
give the meaning the other backends reproduce. Argument helpers (pad widths,
split points) come from
keras_core/_src/backend/common/op_arguments/manipulation.py.
"""

import ml_dtypes
import numpy as np

from keras_core._src.backend.common.dtypes import narrowed_dtype
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.common.op_arguments.manipulation import fixed_split_axis
from keras_core._src.backend.common.op_arguments.manipulation import pad_widths
from keras_core._src.backend.common.op_arguments.manipulation import split_bounds


def _newshape(newshape):
    if isinstance(newshape, int):
        return (newshape,)
    # None (an unknown dimension in Keras shapes) is inferred as -1 is.
    return tuple(-1 if d is None else int(d) for d in newshape)


def reshape(x, newshape):
    return np.reshape(x, _newshape(newshape))


def transpose(x, axes=None):
    return np.transpose(x, axes)


def expand_dims(x, axis):
    return np.expand_dims(x, axis)


def squeeze(x, axis=None):
    return np.squeeze(x, axis=axis)


def ravel(x):
    return np.ravel(x)


def moveaxis(x, source, destination):
    return np.moveaxis(x, source, destination)


def swapaxes(x, axis1, axis2):
    return np.swapaxes(x, axis1, axis2)


def broadcast_to(x, shape):
    return np.array(np.broadcast_to(x, shape))


def flip(x, axis=None):
    return np.flip(x, axis=axis)


def fliplr(x):
    return np.fliplr(x)


def flipud(x):
    return np.flipud(x)


def rot90(array, k=1, axes=(0, 1)):
    return np.rot90(array, k=k, axes=axes)


def roll(x, shift, axis=None):
    return np.roll(x, shift, axis=axis)


def tile(x, repeats):
    return np.tile(x, repeats)


def repeat(x, repeats, axis=None):
    return np.repeat(x, repeats, axis=axis)


def pad(x, pad_width, mode="constant", constant_values=None):
    widths = pad_widths(pad_width, x.ndim)
    if not widths:
        return np.array(x)  # a 0-d tensor has no axis to pad
    if mode in ("constant", "empty"):
        value = 0 if constant_values is None else constant_values
        return np.pad(x, widths, mode="constant", constant_values=value)
    if mode == "circular":
        mode = "wrap"
    if 0 in x.shape and any(map(any, widths)):
        raise ValueError(f"pad: mode {mode!r} cannot extend an empty axis.")
    return np.pad(x, widths, mode=mode)


def append(x1, x2, axis=None):
    return np.append(x1, x2, axis=axis)


def concatenate(xs, axis=0):
    return np.concatenate(xs, axis=axis)


def stack(x, axis=0):
    return np.stack(x, axis=axis)


def hstack(xs):
    return np.hstack(xs)


def vstack(xs):
    return np.vstack(xs)


def dstack(xs):
    return np.dstack(xs)


def _split(x, indices_or_sections, axis, uneven, op):
    axis, points = split_bounds(x.shape, indices_or_sections, axis, uneven, op)
    index = [slice(None)] * x.ndim
    pieces = []
    for start, stop in points:
        index[axis] = slice(start, stop)
        pieces.append(x[tuple(index)])
    return pieces


def split(x, indices_or_sections, axis=0):
    return _split(x, indices_or_sections, axis, False, "split")


def array_split(x, indices_or_sections, axis=0):
    return _split(x, indices_or_sections, axis, True, "array_split")


def hsplit(x, indices_or_sections):
    axis = fixed_split_axis("hsplit", x.ndim)
    return _split(x, indices_or_sections, axis, False, "hsplit")


def vsplit(x, indices_or_sections):
    axis = fixed_split_axis("vsplit", x.ndim)
    return _split(x, indices_or_sections, axis, False, "vsplit")


def dsplit(x, indices_or_sections):
    axis = fixed_split_axis("dsplit", x.ndim)
    return _split(x, indices_or_sections, axis, False, "dsplit")


def ndim(x):
    return np.ndim(x)


def size(x):
    return int(np.size(x))


def _view_dtype(dtype):
    dtype = narrowed_dtype(standardize_dtype(dtype))
    return np.dtype(ml_dtypes.bfloat16 if dtype == "bfloat16" else dtype)


def view(x, dtype=None):
    if dtype is None:
        return x
    target = _view_dtype(dtype)
    if x.ndim == 0 and target.itemsize != x.dtype.itemsize:
        raise ValueError(
            "view: a 0-d tensor can only be viewed as a dtype of the same "
            f"size. Received: {x.dtype} viewed as {target}."
        )
    if x.ndim and (x.shape[-1] * x.dtype.itemsize) % target.itemsize:
        raise ValueError(
            f"view: the last axis of x ({x.shape[-1]} x {x.dtype.itemsize} "
            f"bytes) does not divide into {target} items of "
            f"{target.itemsize} bytes. Received: x of shape {x.shape}."
        )
    return np.ascontiguousarray(x).view(target)
