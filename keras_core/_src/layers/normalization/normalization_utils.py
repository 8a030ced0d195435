"""Helpers shared by the normalization layers: axis arguments and dtypes."""

from keras_core import ops
from keras_core._src.backend.common.dtypes import is_float_dtype
from keras_core._src.backend.common.dtypes import standardize_dtype

_HALF = ("float16", "bfloat16")


def is_axis_list(axis):
    """Whether `axis` is a list or tuple of ints (booleans excluded)."""
    return isinstance(axis, (list, tuple)) and all(
        isinstance(a, int) and not isinstance(a, bool) for a in axis
    )


def check_axis(layer_name, axis):
    """Returns `axis` as a list of ints; a TypeError names what is wrong.

    Args:
        layer_name: The class name, for the message.
        axis: An int or a list/tuple of ints.
    """
    if isinstance(axis, int) and not isinstance(axis, bool):
        return [axis]
    if is_axis_list(axis) and axis:
        return list(axis)
    raise TypeError(
        f"{layer_name}: expected an int or a non-empty list/tuple of ints for "
        f"the argument `axis`, but received: axis={axis!r}"
    )


def resolve_axes(layer_name, axes, input_shape):
    """The non-negative, sorted axes `axes` name in an input of that shape."""
    ndim = len(input_shape)
    resolved = []
    for axis in axes:
        if not -ndim <= axis < ndim:
            raise ValueError(
                f"{layer_name}: `axis` {axis} is out of range for an input of "
                f"rank {ndim} (shape {tuple(input_shape)}). Pass axes between "
                f"{-ndim} and {ndim - 1}."
            )
        resolved.append(axis % ndim)
    if len(set(resolved)) != len(resolved):
        raise ValueError(
            f"{layer_name}: `axis` {axes} names the same input axis twice for "
            f"an input of rank {ndim}. Received: axis={axes}"
        )
    return sorted(resolved)


def defined_dims(layer_name, axes, input_shape):
    """The sizes of `input_shape` along `axes`, which must be known."""
    dims = [input_shape[axis] for axis in axes]
    if any(dim is None for dim in dims):
        raise ValueError(
            f"{layer_name}: the normalized axes {axes} of the input must have "
            "a defined size to create the layer's weights, but the layer "
            f"received an input with shape {tuple(input_shape)}."
        )
    return tuple(dims)


def statistics_inputs(inputs, compute_dtype):
    """`inputs` in the dtype to accumulate statistics in.

    Half-precision floats are upcast to float32 (their sums of squares
    overflow otherwise); non-float inputs become the layer's compute dtype.
    """
    dtype = standardize_dtype(inputs.dtype)
    if not is_float_dtype(dtype):
        inputs = ops.cast(inputs, compute_dtype)
        dtype = standardize_dtype(compute_dtype)
    if dtype in _HALF:
        return ops.cast(inputs, "float32")
    return inputs


def output_dtype(inputs, compute_dtype):
    """The dtype a normalization layer returns for `inputs`."""
    dtype = standardize_dtype(inputs.dtype)
    return dtype if is_float_dtype(dtype) else standardize_dtype(compute_dtype)


def broadcast_shape(ndim, axes, dims):
    """A shape of rank `ndim` holding `dims` at `axes` and 1 elsewhere."""
    shape = [1] * ndim
    for axis, dim in zip(axes, dims, strict=True):
        shape[axis] = dim
    return shape
