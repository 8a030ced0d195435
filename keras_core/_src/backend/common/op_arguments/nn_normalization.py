"""Axis and parameter-shape helpers of the nn normalization ops.

`moments`, `batch_normalization`, `layer_normalization` and
`rms_normalization` read their axes and check their statistics from static
shapes here, so every backend's normalization table agrees on them and
fails with the same message.
"""

import math


def normalization_axes(axes, ndim):
    """`axes` (an int or a sequence) as a sorted tuple of non-negative axes."""
    axes = tuple(axes) if isinstance(axes, (list, tuple)) else (axes,)
    return tuple(sorted(a % ndim if ndim else a for a in axes))


def along_shape(parameter_shape, ndim, axes):
    """The shape laying a parameter along `axes` of an `ndim`-D input.

    None (use the parameter as it is) unless it has one dimension per axis
    and fewer dimensions than the input; otherwise 1 on every other axis.
    """
    if parameter_shape is None:
        return None
    rank = len(parameter_shape)
    if rank != len(axes) or rank >= ndim:
        return None
    shape = [1] * ndim
    for axis, size in zip(axes, parameter_shape, strict=True):
        shape[axis] = size
    return shape


def check_batch_statistic(name, value_shape, x_shape, axis):
    """A batch_normalization statistic needs 1 or x.shape[axis] values.

    Only 0-D and 1-D statistics of known size are checked.
    """
    if value_shape is None:
        return
    value_shape, x_shape = tuple(value_shape), tuple(x_shape)
    if len(value_shape) > 1 or not x_shape:
        return
    size = None if None in value_shape else math.prod(value_shape)
    expected = x_shape[axis]
    if size is not None and expected is not None and size not in (1, expected):
        raise ValueError(
            f"batch_normalization: `{name}` must have x.shape[axis] = {expected} "
            f"values (axis={axis}, x.shape={x_shape}); received "
            f"{name}.shape={value_shape}."
        )
