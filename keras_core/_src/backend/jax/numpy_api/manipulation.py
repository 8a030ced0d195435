"""The jax backend table: manipulation ops.

See keras_core/_src/ops/numpy/manipulation.py and joining.py for the
declarations. Inputs arrive in the op's compute dtype. `jax.numpy` follows
NumPy closely; split points, pad widths and repeat counts are static Python
values, so every function traces under `jax.jit`.
"""

import jax
import jax.numpy as jnp

from keras_core._src.backend.common.dtypes import narrowed_dtype
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.common.op_arguments.manipulation import fixed_split_axis
from keras_core._src.backend.common.op_arguments.manipulation import pad_widths
from keras_core._src.backend.common.op_arguments.manipulation import split_bounds


def reshape(x, newshape):
    if isinstance(newshape, int):
        newshape = (newshape,)
    return jnp.reshape(x, tuple(-1 if d is None else int(d) for d in newshape))


def transpose(x, axes=None):
    return jnp.transpose(x, axes)


def expand_dims(x, axis):
    return jnp.expand_dims(x, axis)


def squeeze(x, axis=None):
    return jnp.squeeze(x, axis=axis)


def ravel(x):
    return jnp.ravel(x)


def moveaxis(x, source, destination):
    return jnp.moveaxis(x, source, destination)


def swapaxes(x, axis1, axis2):
    return jnp.swapaxes(x, axis1, axis2)


def broadcast_to(x, shape):
    return jnp.broadcast_to(x, shape)


def flip(x, axis=None):
    return jnp.flip(x, axis=axis)


def fliplr(x):
    return jnp.fliplr(x)


def flipud(x):
    return jnp.flipud(x)


def rot90(array, k=1, axes=(0, 1)):
    return jnp.rot90(array, k=k, axes=tuple(axes))


def roll(x, shift, axis=None):
    return jnp.roll(x, shift, axis=axis)


def tile(x, repeats):
    return jnp.tile(x, repeats)


def repeat(x, repeats, axis=None):
    if isinstance(repeats, int):
        return jnp.repeat(x, repeats, axis=axis)
    counts = [int(r) for r in repeats]
    if len(counts) == 1:
        return jnp.repeat(x, counts[0], axis=axis)
    # A static total lets the counts be a traced array under jit.
    return jnp.repeat(
        x, jnp.asarray(counts), axis=axis, total_repeat_length=sum(counts)
    )


def pad(x, pad_width, mode="constant", constant_values=None):
    widths = pad_widths(pad_width, x.ndim)
    if not widths:
        return x  # a 0-d tensor has no axis to pad
    if mode in ("constant", "empty"):
        value = 0 if constant_values is None else constant_values
        # NumPy casts the fill to x's dtype (wrapping, truncating).
        value = jnp.asarray(value).astype(x.dtype)
        return jnp.pad(x, widths, mode="constant", constant_values=value)
    if mode == "circular":
        mode = "wrap"
    if 0 in x.shape and any(map(any, widths)):
        raise ValueError(f"pad: mode {mode!r} cannot extend an empty axis.")
    return jnp.pad(x, widths, mode=mode)


def append(x1, x2, axis=None):
    return jnp.append(x1, x2, axis=axis)


def concatenate(xs, axis=0):
    return jnp.concatenate(xs, axis=axis)


def stack(x, axis=0):
    return jnp.stack(x, axis=axis)


def hstack(xs):
    return jnp.hstack(xs)


def vstack(xs):
    return jnp.vstack(xs)


def dstack(xs):
    return jnp.dstack(xs)


def _split(x, indices_or_sections, axis, uneven, op):
    axis, points = split_bounds(x.shape, indices_or_sections, axis, uneven, op)
    return [jax.lax.slice_in_dim(x, start, stop, axis=axis) for start, stop in points]


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
    return x.ndim


def size(x):
    return int(x.size)


def view(x, dtype=None):
    if dtype is None:
        return x
    target = jnp.dtype(narrowed_dtype(standardize_dtype(dtype)))
    # Bits of booleans are bytes 0/1; bitcast has no bool type.
    source = jnp.uint8 if x.dtype == jnp.bool_ else x.dtype
    x = x.astype(source)
    raw = jnp.uint8 if target == jnp.bool_ else target
    old, new = jnp.dtype(source).itemsize, jnp.dtype(raw).itemsize
    if x.ndim == 0 and old != new:
        raise ValueError(
            "view: a 0-d tensor can only be viewed as a dtype of the same "
            f"size. Received: {x.dtype} viewed as {target}."
        )
    if x.ndim and (x.shape[-1] * old) % new:
        raise ValueError(
            f"view: the last axis of x ({x.shape[-1]} x {old} bytes) does not "
            f"divide into {target} items of {new} bytes. "
            f"Received: x of shape {x.shape}."
        )
    if new > old:
        x = x.reshape(*x.shape[:-1], x.shape[-1] * old // new, new // old)
    result = jax.lax.bitcast_convert_type(x, raw)
    if new < old:
        result = result.reshape(*result.shape[:-2], -1)
    return result != 0 if target == jnp.bool_ else result
