"""Scatters and slices: scatter, scatter_update, slice, slice_update, unstack.

`indices` are N-D index tuples along the leading axes (shape `(n, k)`: `n`
positions in the first `k` axes), as `tf.scatter_nd` takes them. Updates
take the dtype of the tensor they update.
"""

from keras_core._src.backend.common.dtypes import result_type
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.ops.op_definition import backend_op

__all__ = ["scatter", "scatter_update", "slice", "slice_update", "unstack"]

_REDUCTIONS = (None, "add", "max", "min", "mul")


def _values_rule(indices, values):
    """Indices kept (the backend reads them as integers); values in their
    own dtype as the backend holds it (64-bit narrowed where it is)."""
    dtype = result_type(values)
    return [None, dtype], dtype


def _same_dtype(x, **unused):
    """The input's own dtype as the backend holds it (64-bit narrowed
    where it is), for ops that only move values around."""
    dtype = result_type(x)
    return dtype, dtype


def _updated_rule(inputs, *others, reduction=None):
    """Updates converted to the dtype of the tensor they update.

    `others` is `(indices, updates)` for scatter_update and `(updates,)`
    for slice_update: the updates (last) take the inputs' dtype.
    """
    if reduction not in _REDUCTIONS:
        raise ValueError(
            f"Invalid reduction: {reduction!r}. Supported values are: None, "
            "'add', 'max', 'min', 'mul'."
        )
    dtype = result_type(inputs)
    return [dtype, *([None] * (len(others) - 1)), dtype], dtype


def _slice_update_rule(inputs, updates):
    """Updates converted to the dtype of the inputs."""
    return _updated_rule(inputs, updates)


@backend_op("core_ops", _values_rule, tensors=("indices", "values"))
def scatter(indices, values, shape):
    """Returns a zero tensor of `shape` with `values` added at `indices`.

    Values at repeated indices are summed.

    Args:
        indices: Integer tensor of shape `(n, k)`: `n` index tuples into the
            first `k` axes of `shape`.
        values: Tensor of shape `(n, *shape[k:])`.
        shape: The output shape (a tuple of ints).

    Returns:
        A tensor of `shape` and the dtype of `values`.

    Example:

    >>> keras_core.ops.scatter([[0], [2], [0]], [1.0, 2.0, 3.0], (4,))
    array([4., 0., 2., 0.], dtype=float32)
    """


@backend_op("core_ops", _updated_rule, tensors=("inputs", "indices", "updates"))
def scatter_update(inputs, indices, updates, reduction=None):
    """Returns `inputs` with the entries at `indices` set to (or combined with)
    `updates`.

    Args:
        inputs: The tensor to update.
        indices: Integer tensor of shape `(n, k)`: `n` index tuples into the
            first `k` axes of `inputs`.
        updates: Tensor of shape `(n, *inputs.shape[k:])`, converted to the
            dtype of `inputs`.
        reduction: None to overwrite (which of repeated indices wins is
            unspecified), or `"add"`, `"max"`, `"min"`, `"mul"` to combine
            the current entries with every update at their index.

    Returns:
        The updated tensor (a new one; `inputs` is unchanged).

    Example:

    >>> keras_core.ops.scatter_update(np.zeros(3), [[1]], [5.0])
    array([0., 5., 0.], dtype=float32)
    """


@backend_op("core_ops", _same_dtype, tensors=("inputs",))
def slice(inputs, start_indices, shape):
    """Returns the block of `inputs` of size `shape` starting at `start_indices`.

    Args:
        inputs: A tensor.
        start_indices: One start index per axis (ints, or a tensor inside
            jitted functions).
        shape: The block's size along each axis (ints).

    Returns:
        A tensor of shape `shape`.

    Example:

    >>> keras_core.ops.slice(np.arange(12).reshape(3, 4), (1, 1), (2, 2))
    array([[ 5,  6],
           [ 9, 10]], dtype=int32)
    """


@backend_op("core_ops", _slice_update_rule, tensors=("inputs", "updates"))
def slice_update(inputs, start_indices, updates):
    """Returns `inputs` with the block at `start_indices` replaced by `updates`.

    Args:
        inputs: A tensor.
        start_indices: One start index per axis.
        updates: The new block, converted to the dtype of `inputs`.

    Returns:
        The updated tensor (a new one).

    Example:

    >>> keras_core.ops.slice_update(np.zeros((2, 3)), (0, 1), np.ones((1, 2)))
    array([[0., 1., 1.],
           [0., 0., 0.]], dtype=float32)
    """


def _unstack_spec(x, num=None, axis=0):
    """Output specs of unstack: one KerasTensor per entry along `axis`."""
    axis = axis % len(x.shape)
    count = x.shape[axis]
    if count is None:
        count = num
    if count is None:
        raise ValueError(
            f"`unstack` cannot infer `num` from shape {x.shape}: axis {axis} "
            "is unknown. Pass `num`, or a tensor whose size along `axis` is "
            "known."
        )
    shape = x.shape[:axis] + x.shape[axis + 1 :]
    return [KerasTensor(shape, dtype=x.dtype) for _ in range(count)]


@backend_op("core_ops", _same_dtype, output_spec=_unstack_spec)
def unstack(x, num=None, axis=0):
    """Splits a tensor into a list of tensors along an axis.

    Args:
        x: A tensor.
        num: The size of `axis`; needed only for symbolic inputs whose
            size along `axis` is unknown.
        axis: The axis to split along.

    Returns:
        A list of `x.shape[axis]` tensors of rank `x.ndim - 1`.

    Example:

    >>> keras_core.ops.unstack(np.array([[1, 2], [3, 4]]), axis=1)
    [array([1, 3], dtype=int32), array([2, 4], dtype=int32)]
    """
