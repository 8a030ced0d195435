"""The torch backend table: manipulation ops.

See keras_core/_src/ops/numpy/manipulation.py and joining.py for the
declarations. Inputs arrive in the op's compute dtype. Where torch differs
from NumPy (`squeeze` of an axis longer than 1 is no error there, `pad`
knows few modes, `split` takes piece lengths) the NumPy meaning is built
here.
"""

import torch

from keras_core._src.backend.common.dtypes import narrowed_dtype
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.common.op_arguments.manipulation import fixed_split_axis
from keras_core._src.backend.common.op_arguments.manipulation import normalize_axis
from keras_core._src.backend.common.op_arguments.manipulation import pad_widths
from keras_core._src.backend.common.op_arguments.manipulation import split_bounds
from keras_core._src.backend.torch.core import to_torch_dtype

_SIGNED_TWIN = {torch.uint16: torch.int16, torch.uint32: torch.int32}


def _axes(axis, ndim):
    """`axis` (an int, a sequence, or None for all) as a tuple of axes."""
    if axis is None:
        return tuple(range(ndim))
    return tuple(axis) if isinstance(axis, (tuple, list)) else (axis,)


def reshape(x, newshape):
    if isinstance(newshape, int):
        newshape = (newshape,)
    return torch.reshape(x, tuple(-1 if d is None else int(d) for d in newshape))


def transpose(x, axes=None):
    if axes is None:
        axes = tuple(reversed(range(x.ndim)))
    return x.permute(tuple(axes))


def expand_dims(x, axis):
    axes = _axes(axis, x.ndim)
    ndim = x.ndim + len(axes)
    positions = sorted(a % ndim for a in axes)
    if any(not -ndim <= a < ndim for a in axes) or len(set(positions)) < len(axes):
        raise ValueError(
            f"expand_dims: axis {axis!r} is out of bounds or repeated for a "
            f"result of {ndim} dimensions."
        )
    for position in positions:
        x = x.unsqueeze(position)
    return x


def squeeze(x, axis=None):
    if axis is None:
        return x.reshape(tuple(d for d in x.shape if d != 1))
    axes = tuple(a % max(x.ndim, 1) for a in _axes(axis, x.ndim))
    if any(x.shape[a] != 1 for a in axes):
        raise ValueError(
            f"squeeze: cannot remove axis {axis!r} of length other than 1. "
            f"Received: x of shape {tuple(x.shape)}."
        )
    return x.reshape(tuple(d for i, d in enumerate(x.shape) if i not in axes))


def ravel(x):
    return torch.reshape(x, (-1,))


def _check_axes(axes, ndim, op):
    # torch accepts axis 0 and -1 of a 0-d tensor; NumPy does not.
    for axis in axes:
        normalize_axis(axis, ndim, op)
        if ndim == 0:
            raise ValueError(f"{op}: a 0-d tensor has no axis {axis}.")


def moveaxis(x, source, destination):
    _check_axes(_axes(source, x.ndim) + _axes(destination, x.ndim), x.ndim, "moveaxis")
    return torch.movedim(x, source, destination)


def swapaxes(x, axis1, axis2):
    _check_axes((axis1, axis2), x.ndim, "swapaxes")
    return torch.swapaxes(x, axis1, axis2)


def broadcast_to(x, shape):
    if isinstance(shape, int):
        shape = (shape,)
    return torch.broadcast_to(x, tuple(shape))


def flip(x, axis=None):
    return torch.flip(x, _axes(axis, x.ndim))


def fliplr(x):
    if x.ndim < 2:
        raise ValueError("fliplr: needs a tensor of at least 2 dimensions.")
    return torch.flip(x, (1,))


def flipud(x):
    if x.ndim < 1:
        raise ValueError("flipud: needs a tensor of at least 1 dimension.")
    return torch.flip(x, (0,))


def rot90(array, k=1, axes=(0, 1)):
    return torch.rot90(array, k, tuple(axes))


def roll(x, shift, axis=None):
    if axis is None:
        shifts = shift if isinstance(shift, int) else sum(shift)
        return torch.roll(x.reshape(-1), shifts).reshape(x.shape)
    axes = _axes(axis, x.ndim)
    shifts = (shift,) * len(axes) if isinstance(shift, int) else tuple(shift)
    if len(axes) == 1 and len(shifts) > 1:
        axes = axes * len(shifts)
    return torch.roll(x, shifts, axes)


def tile(x, repeats):
    if isinstance(repeats, int):
        repeats = (repeats,)
    return torch.tile(x, tuple(repeats))


def repeat(x, repeats, axis=None):
    if axis is None:
        x = x.reshape(-1)
        axis = 0
    if not isinstance(repeats, int):
        counts = [int(r) for r in repeats]
        repeats = (
            counts[0]
            if len(counts) == 1
            else torch.tensor(counts, dtype=torch.int64, device=x.device)
        )
    return torch.repeat_interleave(x, repeats, dim=axis)


def _source_index(i, n, mode):
    """The index of the value of `x` that fills position `i` of an axis."""
    if mode == "edge" or (mode == "reflect" and n == 1):
        return min(max(i, 0), n - 1)
    if mode == "wrap":
        return i % n
    if mode == "reflect":
        i %= 2 * (n - 1)
        return i if i < n else 2 * (n - 1) - i
    i %= 2 * n  # symmetric: the edge value is repeated
    return i if i < n else 2 * n - 1 - i


def _statistic(x, axis, mode):
    if mode == "maximum":
        return torch.amax(x, dim=axis, keepdim=True)
    if mode == "minimum":
        return torch.amin(x, dim=axis, keepdim=True)
    values = x.double() if x.dtype == torch.float64 else x.float()
    if mode == "mean":
        result = torch.mean(values, dim=axis, keepdim=True)
    else:
        # NumPy's median averages the middle two values of an even length.
        ordered = torch.sort(values, dim=axis).values
        n = x.shape[axis]
        low = ordered.narrow(axis, (n - 1) // 2, 1)
        high = ordered.narrow(axis, n // 2, 1)
        result = (low + high) / 2
    if not x.dtype.is_floating_point:
        result = torch.round(result)  # NumPy rounds integer statistics
    return result.to(x.dtype)


def _ramp(edge, end_shape, axis, width, outward):
    """NumPy's linear ramp from the edge value to 0 over `width` values."""
    steps = torch.arange(width, device=edge.device, dtype=torch.float64)
    fractions = (width - 1 - steps if outward else steps) / width
    shape = [1] * edge.ndim
    shape[axis] = width
    values = edge.double() * fractions.reshape(shape)
    if not edge.dtype.is_floating_point:
        values = torch.floor(values)
    return values.to(edge.dtype).expand(end_shape)


def _pad_axis(x, axis, before, after, mode, value):
    n = x.shape[axis]
    if before == after == 0:
        return x
    if mode != "constant" and n == 0:
        raise ValueError(f"pad: mode {mode!r} cannot extend an empty axis.")
    if mode in ("edge", "reflect", "symmetric", "wrap"):
        index = [_source_index(i, n, mode) for i in range(-before, n + after)]
        index = torch.tensor(index, dtype=torch.int64, device=x.device)
        twin = _SIGNED_TWIN.get(x.dtype)
        if twin is not None:
            # No index_select kernel for these: move their bits as signed.
            return torch.index_select(x.view(twin), axis, index).view(x.dtype)
        return torch.index_select(x, axis, index)
    shape = list(x.shape)
    shape_before, shape_after = list(shape), list(shape)
    shape_before[axis], shape_after[axis] = before, after
    if mode == "constant":
        fill = torch.tensor(value, device=x.device).to(x.dtype)
        parts = [fill.expand(shape_before), x, fill.expand(shape_after)]
    elif mode == "linear_ramp":
        parts = [
            _ramp(x.narrow(axis, 0, 1), shape_before, axis, before, False),
            x,
            _ramp(x.narrow(axis, n - 1, 1), shape_after, axis, after, True),
        ]
    else:
        stat = _statistic(x, axis, mode)
        parts = [stat.expand(shape_before), x, stat.expand(shape_after)]
    return torch.cat(parts, dim=axis)


def pad(x, pad_width, mode="constant", constant_values=None):
    widths = pad_widths(pad_width, x.ndim)
    if mode in ("constant", "empty"):
        mode, value = "constant", constant_values or 0
    else:
        mode, value = ("wrap" if mode == "circular" else mode), None
    for axis, (before, after) in enumerate(widths):
        x = _pad_axis(x, axis, before, after, mode, value)
    return x


def append(x1, x2, axis=None):
    if axis is None:
        return torch.cat([x1.reshape(-1), x2.reshape(-1)])
    return torch.cat([x1, x2], dim=axis)


def concatenate(xs, axis=0):
    if axis is None:
        return torch.cat([x.reshape(-1) for x in xs])
    return torch.cat(list(xs), dim=axis)


def stack(x, axis=0):
    return torch.stack(list(x), dim=axis)


def hstack(xs):
    return torch.hstack(list(xs))


def vstack(xs):
    return torch.vstack(list(xs))


def dstack(xs):
    return torch.dstack(list(xs))


def _split(x, indices_or_sections, axis, uneven, op):
    axis, points = split_bounds(x.shape, indices_or_sections, axis, uneven, op)
    return [x.narrow(axis, start, stop - start) for start, stop in points]


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
    return x.numel()


def view(x, dtype=None):
    if dtype is None:
        return x
    target = to_torch_dtype(narrowed_dtype(standardize_dtype(dtype)))
    old, new = x.element_size(), torch.empty((), dtype=target).element_size()
    if x.ndim == 0 and old != new:
        raise ValueError(
            "view: a 0-d tensor can only be viewed as a dtype of the same "
            f"size. Received: {standardize_dtype(x.dtype)} viewed as "
            f"{standardize_dtype(target)}."
        )
    if x.ndim and (x.shape[-1] * old) % new:
        raise ValueError(
            f"view: the last axis of x ({x.shape[-1]} x {old} bytes) does not "
            f"divide into {standardize_dtype(target)} items of {new} bytes. "
            f"Received: x of shape {tuple(x.shape)}."
        )
    return x.contiguous().view(target)
