"""Shape and layout ops of the NumPy API (reshape, transpose, flip, pad...).

These ops move values without computing new ones, so they keep the input's
dtype. `ndim` and `size` give Python ints where the shape is known. The
joining and splitting ops (`concatenate`, `stack`, `split`...) live in
joining.py. Argument helpers (pad widths, split points) come from
keras_core/_src/backend/common/op_arguments/manipulation.py, which the
backend tables share, so that every backend reads arguments, and refuses
bad ones, the same way.
"""

import math

from keras_core._src.backend.common.dtypes import narrowed_dtype
from keras_core._src.backend.common.dtypes import result_type
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.backend.common.op_arguments.manipulation import pad_widths
from keras_core._src.ops.op_definition import backend_op

__all__ = [
    "broadcast_to",
    "expand_dims",
    "flip",
    "fliplr",
    "flipud",
    "moveaxis",
    "ndim",
    "pad",
    "ravel",
    "repeat",
    "reshape",
    "roll",
    "rot90",
    "size",
    "squeeze",
    "swapaxes",
    "tile",
    "transpose",
    "view",
]

PAD_MODES = (
    *("constant", "edge", "linear_ramp", "maximum", "mean", "median"),
    *("minimum", "reflect", "symmetric", "wrap", "empty", "circular"),
)


def _keep(dtype):
    """Values are moved, not computed: the input's dtype is kept.

    A Python scalar takes its default dtype (int32, floatx).
    """
    dtype = result_type(dtype)
    return dtype, dtype


def _view_rule(*types, dtype=None):
    """`view` reinterprets the bits of its input as `dtype`.

    64-bit targets are narrowed as the backend holds them.
    """
    source = result_type(*types)
    if dtype is None:
        return source, source
    return source, narrowed_dtype(standardize_dtype(dtype))


def _shape_query(dtype):
    """`ndim` and `size` read the shape only: no conversion, no cast."""
    result_type(dtype)
    return None, None


def _pad_rule(dtype, *, mode="constant", constant_values=None):
    """Pads keep the input's dtype; `mode` and `constant_values` are checked."""
    if mode not in PAD_MODES:
        raise ValueError(f"mode {mode!r} is not supported; use one of {PAD_MODES}.")
    if constant_values is not None and mode != "constant":
        raise ValueError(
            "`constant_values` can only be given when mode='constant'. "
            f"Received: mode={mode!r}, constant_values={constant_values!r}."
        )
    return _keep(dtype)


def _scalar_int_spec(x):
    """Symbolic `ndim`/`size`: a scalar int32 tensor (a KerasTensor output)."""
    del x
    return KerasTensor((), dtype="int32")


def _reshape_spec(x, newshape):
    """Symbolic `reshape`, with a clear error for shapes that cannot hold x.

    Abstract evaluation would turn a -1 beside an unknown input dimension
    into a number, and framework errors differ; this rule says which
    dimension is inferred and why a reshape is impossible.
    """
    target = (newshape,) if isinstance(newshape, int) else tuple(newshape)
    target = tuple(-1 if dim is None else int(dim) for dim in target)
    if sum(dim == -1 for dim in target) > 1:
        raise ValueError(
            f"reshape: cannot reshape a tensor of shape {x.shape} to {newshape}: "
            "at most one dimension may be -1 (or None)."
        )
    known = math.prod(dim for dim in target if dim != -1)
    if None in x.shape:
        shape = tuple(None if dim == -1 else dim for dim in target)
        return KerasTensor(shape, dtype=x.dtype)
    total = math.prod(x.shape)
    inferred = -1 in target and known and total % known == 0
    if (-1 in target and not inferred) or (-1 not in target and known != total):
        raise ValueError(
            f"reshape: cannot reshape a tensor of shape {x.shape} ({total} "
            f"values) to {newshape}. Choose a shape whose sizes multiply to "
            f"{total}, with at most one -1."
        )
    shape = tuple(total // known if dim == -1 else dim for dim in target)
    return KerasTensor(shape, dtype=x.dtype)


@backend_op("numpy_api", _keep, output_spec=_reshape_spec)
def reshape(x, newshape):
    """Gives `x` a new shape with the same values in the same order.

    Args:
        x: Input tensor.
        newshape: The new shape (an int or a sequence of ints). One entry
            may be -1 (or None): it is inferred from the size of `x`.

    Returns:
        The reshaped tensor.

    Example:

    >>> keras_core.ops.reshape(numpy.arange(6), (2, -1)).shape
    (2, 3)
    """


@backend_op("numpy_api", _keep)
def transpose(x, axes=None):
    """Permutes the axes of `x`.

    Args:
        x: Input tensor.
        axes: A permutation of the axes (negative axes allowed); reverses
            them when None.

    Returns:
        `x` with its axes permuted.

    Example:

    >>> keras_core.ops.transpose(numpy.ones((2, 3, 4))).shape
    (4, 3, 2)
    """


@backend_op("numpy_api", _keep)
def expand_dims(x, axis):
    """Inserts axes of length 1.

    Args:
        x: Input tensor.
        axis: Position (or tuple of positions) of the new axes in the
            result.

    Returns:
        `x` with the new axes.

    Example:

    >>> keras_core.ops.expand_dims(numpy.ones((2, 3)), -1).shape
    (2, 3, 1)
    """


def _squeeze_spec(x, axis=None):
    """Symbolic `squeeze`: unknown dimensions are kept unless named in `axis`.

    An unknown dimension named in `axis` is taken to be 1 (it must be at run
    time); a known one other than 1 is an error naming the axis.
    """
    if axis is None:
        shape = tuple(dim for dim in x.shape if dim != 1)
        return KerasTensor(shape, dtype=x.dtype, sparse=x.sparse)
    axes = (axis,) if isinstance(axis, int) else tuple(axis)
    for a in axes:
        if not -x.ndim <= a < x.ndim or x.shape[a] not in (1, None):
            raise ValueError(
                f"squeeze: cannot squeeze axis {a} of a tensor of shape "
                f"{x.shape}: the axis must exist and have size 1."
            )
    dropped = {a % x.ndim for a in axes}
    shape = tuple(dim for i, dim in enumerate(x.shape) if i not in dropped)
    return KerasTensor(shape, dtype=x.dtype, sparse=x.sparse)


@backend_op("numpy_api", _keep, output_spec=_squeeze_spec)
def squeeze(x, axis=None):
    """Removes axes of length 1.

    Args:
        x: Input tensor.
        axis: The axis (or tuple of axes) to remove, each of length 1;
            every axis of length 1 when None.

    Returns:
        `x` without those axes.

    Example:

    >>> keras_core.ops.squeeze(numpy.ones((1, 3, 1))).shape
    (3,)
    """


@backend_op("numpy_api", _keep)
def ravel(x):
    """Flattens `x` into one dimension (row-major order).

    Args:
        x: Input tensor.

    Returns:
        A 1-D tensor of the values of `x`.

    Example:

    >>> keras_core.ops.ravel(numpy.array([[1, 2], [3, 4]]))
    array([1, 2, 3, 4], dtype=int32)
    """


@backend_op("numpy_api", _keep)
def moveaxis(x, source, destination):
    """Moves axes of `x` to new positions; the others keep their order.

    Args:
        x: Input tensor.
        source: The axis (or sequence of axes) to move.
        destination: Their new positions (as many as in `source`).

    Returns:
        `x` with its axes moved.

    Example:

    >>> keras_core.ops.moveaxis(numpy.ones((2, 3, 4)), 0, -1).shape
    (3, 4, 2)
    """


@backend_op("numpy_api", _keep)
def swapaxes(x, axis1, axis2):
    """Exchanges two axes of `x`.

    Args:
        x: Input tensor.
        axis1: The first axis.
        axis2: The second axis.

    Returns:
        `x` with the two axes swapped.

    Example:

    >>> keras_core.ops.swapaxes(numpy.ones((2, 3, 4)), 0, 2).shape
    (4, 3, 2)
    """


@backend_op("numpy_api", _keep)
def broadcast_to(x, shape):
    """Broadcasts `x` to `shape` (NumPy broadcasting rules).

    Args:
        x: Input tensor.
        shape: The target shape (an int or a sequence of ints).

    Returns:
        A tensor of shape `shape`.

    Example:

    >>> keras_core.ops.broadcast_to(numpy.array([1, 2]), (2, 2))
    array([[1, 2],
           [1, 2]], dtype=int32)
    """


@backend_op("numpy_api", _keep)
def flip(x, axis=None):
    """Reverses the order of the values along the given axes.

    Args:
        x: Input tensor.
        axis: The axis (or tuple of axes) to reverse; every axis when None.

    Returns:
        The reversed tensor.

    Example:

    >>> keras_core.ops.flip(numpy.array([1, 2, 3]))
    array([3, 2, 1], dtype=int32)
    """


@backend_op("numpy_api", _keep)
def fliplr(x):
    """Reverses the values along axis 1 (left/right); `x` needs 2+ axes.

    Args:
        x: Input tensor of at least 2 dimensions.

    Returns:
        `x` flipped along axis 1.

    Example:

    >>> keras_core.ops.fliplr(numpy.array([[1, 2], [3, 4]]))
    array([[2, 1],
           [4, 3]], dtype=int32)
    """


@backend_op("numpy_api", _keep)
def flipud(x):
    """Reverses the values along axis 0 (up/down); `x` needs 1+ axes.

    Args:
        x: Input tensor of at least 1 dimension.

    Returns:
        `x` flipped along axis 0.

    Example:

    >>> keras_core.ops.flipud(numpy.array([[1, 2], [3, 4]]))
    array([[3, 4],
           [1, 2]], dtype=int32)
    """


@backend_op("numpy_api", _keep)
def rot90(array, k=1, axes=(0, 1)):
    """Rotates `array` by 90 degrees `k` times, from `axes[0]` to `axes[1]`.

    Args:
        array: Input tensor of at least 2 dimensions.
        k: Number of counterclockwise quarter turns (may be negative).
        axes: The two distinct axes of the plane of rotation.

    Returns:
        The rotated tensor.

    Example:

    >>> keras_core.ops.rot90(numpy.array([[1, 2], [3, 4]]))
    array([[2, 4],
           [1, 3]], dtype=int32)
    """


@backend_op("numpy_api", _keep)
def roll(x, shift, axis=None):
    """Shifts values along axes; those that fall off re-enter at the start.

    Args:
        x: Input tensor.
        shift: Places to shift by (an int, or one per axis of `axis`).
        axis: The axis (or tuple of axes) to roll along; when None, `x`
            is rolled flattened and given its shape back.

    Returns:
        The rolled tensor.

    Example:

    >>> keras_core.ops.roll(numpy.array([1, 2, 3, 4]), 1)
    array([4, 1, 2, 3], dtype=int32)
    """


@backend_op("numpy_api", _keep)
def tile(x, repeats):
    """Repeats the whole of `x` the given number of times along each axis.

    Args:
        x: Input tensor.
        repeats: An int or a sequence of ints. A shorter sequence than the
            rank of `x` is padded with leading 1s; a longer one gives `x`
            leading axes of length 1.

    Returns:
        The tiled tensor.

    Example:

    >>> keras_core.ops.tile(numpy.array([1, 2]), 2)
    array([1, 2, 1, 2], dtype=int32)
    """


@backend_op("numpy_api", _keep)
def repeat(x, repeats, axis=None):
    """Repeats each element of `x` after itself.

    Args:
        x: Input tensor.
        repeats: An int, or a sequence with one count per element along
            `axis` (static Python values).
        axis: The axis to repeat along; when None, `x` is flattened first.

    Returns:
        The tensor with repeated elements.

    Example:

    >>> keras_core.ops.repeat(numpy.array([1, 2]), [1, 2])
    array([1, 2, 2], dtype=int32)
    """


def _pad_spec(x, pad_width, mode="constant", constant_values=None):
    """Symbolic output of `pad`: each known length grows by its widths.

    Read from the shape alone: padding modes that read values (reflect,
    median...) cannot be traced on an axis of unknown length everywhere.
    """
    widths = pad_widths(pad_width, len(x.shape))
    shape = tuple(
        None if d is None else d + before + after
        for d, (before, after) in zip(x.shape, widths, strict=True)
    )
    return KerasTensor(shape, dtype=x.dtype)


@backend_op("numpy_api", _pad_rule, output_spec=_pad_spec)
def pad(x, pad_width, mode="constant", constant_values=None):
    """Pads `x` along each axis, as `numpy.pad` does.

    Args:
        x: Input tensor.
        pad_width: Widths before and after each axis:
            `((before_1, after_1), ..., (before_N, after_N))`, or
            `((before, after),)` / `(pad,)` / `pad` for all axes.
        mode: One of `"constant"`, `"edge"`, `"linear_ramp"`, `"maximum"`,
            `"mean"`, `"median"`, `"minimum"`, `"reflect"`, `"symmetric"`,
            `"wrap"`, `"empty"` (zeros here) and `"circular"` (as `"wrap"`).
        constant_values: The value to pad with in `"constant"` mode (0 by
            default), cast to the dtype of `x`; only allowed in that mode.

    Returns:
        The padded tensor, of the dtype of `x`.

    Example:

    >>> keras_core.ops.pad(numpy.array([1, 2]), 1, constant_values=9)
    array([9, 1, 2, 9], dtype=int32)
    """


@backend_op("numpy_api", _shape_query, output_spec=_scalar_int_spec)
def ndim(x):
    """The number of dimensions of `x`.

    Args:
        x: Input tensor.

    Returns:
        A Python int (a scalar int32 KerasTensor for symbolic inputs).

    Example:

    >>> keras_core.ops.ndim(numpy.ones((2, 3)))
    2
    """


@backend_op("numpy_api", _shape_query, output_spec=_scalar_int_spec)
def size(x):
    """The number of elements of `x`.

    Args:
        x: Input tensor.

    Returns:
        A Python int on numpy, jax and torch; a scalar int32 tensor on
        tensorflow (whose shapes may be known only when run), and for
        symbolic inputs.

    Example:

    >>> keras_core.ops.size(numpy.ones((2, 3)))
    6
    """


@backend_op("numpy_api", _view_rule)
def view(x, dtype=None):
    """Reinterprets the bits of `x` as another dtype, as NumPy's `.view`.

    A narrower dtype makes the last axis longer, a wider one shorter (its
    byte length must then divide by the new item size).

    Args:
        x: Input tensor.
        dtype: The dtype to read the bits as; the dtype of `x` when None.

    Returns:
        The reinterpreted tensor.

    Example:

    >>> keras_core.ops.view(numpy.array([1.0], "float32"), "int32")
    array([1065353216], dtype=int32)
    """
