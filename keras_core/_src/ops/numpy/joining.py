"""Joining and splitting ops of the NumPy API (concatenate, stack, split...).

The joining ops (`concatenate`, `stack`, `append`, `hstack`...) promote
their inputs together first; the splitting ops keep the input's dtype and
return lists. Split points come from
keras_core/_src/backend/common/op_arguments/manipulation.py, shared with the
backend tables.
"""

from keras_core._src.backend.common.config import floatx
from keras_core._src.backend.common.dtypes import result_type
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.backend.common.op_arguments.manipulation import normalize_axis
from keras_core._src.backend.common.op_arguments.manipulation import split_points
from keras_core._src.ops.numpy.manipulation import _keep
from keras_core._src.ops.op_definition import backend_op

__all__ = [
    "append",
    "array_split",
    "concatenate",
    "dsplit",
    "dstack",
    "hsplit",
    "hstack",
    "split",
    "stack",
    "vsplit",
    "vstack",
]


def _promote_strong(*types):
    """The stacking ops promote their inputs together (as Keras 3 does).

    Python scalars count as tensors of their default dtype (int32, floatx)
    rather than as weak values: `append(int8_tensor, 3)` is int32.
    """
    defaults = {bool: "bool", int: "int32", float: floatx(), complex: "complex64"}
    strong = [defaults.get(t, t) for t in types]
    if not strong:
        raise ValueError("need at least one tensor to join; received none.")
    dtype = result_type(*strong)
    return dtype, dtype


@backend_op("numpy_api", _promote_strong, tensors=("x1", "x2"))
def append(x1, x2, axis=None):
    """Appends `x2` to the end of `x1`.

    Args:
        x1: The first tensor.
        x2: The tensor appended.
        axis: The axis to join along; when None both are flattened first.

    Returns:
        The joined tensor, in the dtype of both inputs promoted together.

    Example:

    >>> keras_core.ops.append(numpy.array([1, 2]), numpy.array([[3]]))
    array([1, 2, 3], dtype=int32)
    """


@backend_op("numpy_api", _promote_strong, tensors=("xs",), tensor_lists=("xs",))
def concatenate(xs, axis=0):
    """Joins a sequence of tensors along an existing axis.

    Args:
        xs: A list or tuple of tensors, equal in shape except along `axis`.
        axis: The axis to join along; when None all are flattened first.

    Returns:
        The joined tensor, in the dtype of all inputs promoted together.

    Example:

    >>> keras_core.ops.concatenate([numpy.ones((1, 2)), numpy.zeros((1, 2))]).shape
    (2, 2)
    """


@backend_op("numpy_api", _promote_strong, tensors=("x",), tensor_lists=("x",))
def stack(x, axis=0):
    """Joins a sequence of same-shape tensors along a new axis.

    Args:
        x: A list or tuple of tensors of the same shape.
        axis: The position of the new axis in the result.

    Returns:
        The stacked tensor, in the dtype of all inputs promoted together.

    Example:

    >>> keras_core.ops.stack([numpy.ones(3), numpy.zeros(3)], axis=1).shape
    (3, 2)
    """


@backend_op("numpy_api", _promote_strong, tensors=("xs",), tensor_lists=("xs",))
def hstack(xs):
    """Joins tensors horizontally: along axis 1, or axis 0 for 1-D tensors.

    Args:
        xs: A list or tuple of tensors.

    Returns:
        The joined tensor, in the dtype of all inputs promoted together.

    Example:

    >>> keras_core.ops.hstack([numpy.ones((2, 1)), numpy.zeros((2, 2))]).shape
    (2, 3)
    """


@backend_op("numpy_api", _promote_strong, tensors=("xs",), tensor_lists=("xs",))
def vstack(xs):
    """Joins tensors vertically, along axis 0 (1-D tensors become rows).

    Args:
        xs: A list or tuple of tensors.

    Returns:
        The joined tensor, in the dtype of all inputs promoted together.

    Example:

    >>> keras_core.ops.vstack([numpy.ones(3), numpy.zeros(3)]).shape
    (2, 3)
    """


@backend_op("numpy_api", _promote_strong, tensors=("xs",), tensor_lists=("xs",))
def dstack(xs):
    """Joins tensors along axis 2 (depth), after making them at least 3-D.

    1-D tensors of shape `(N,)` become `(1, N, 1)`, 2-D ones `(M, N, 1)`.

    Args:
        xs: A list or tuple of tensors.

    Returns:
        The joined tensor, in the dtype of all inputs promoted together.

    Example:

    >>> keras_core.ops.dstack([numpy.ones(3), numpy.zeros(3)]).shape
    (1, 3, 2)
    """


def _split_spec(op, fixed_axis=None, min_ndim=1, uneven=False):
    """Symbolic outputs of a split op, read from the shape alone.

    Abstract evaluation cannot split an axis of unknown length; its pieces
    have unknown lengths unless the split indices fix them.
    """

    def spec(x, indices_or_sections, axis=0):
        ndim = len(x.shape)
        if ndim < min_ndim:
            raise ValueError(
                f"{op}: needs a tensor of at least {min_ndim} dimensions. "
                f"Received: x of shape {x.shape}."
            )
        if fixed_axis is not None:
            axis = fixed_axis if ndim > 1 else 0  # hsplit of 1-D: axis 0
        axis = normalize_axis(axis, ndim, op)
        outputs = []
        for start, stop in split_points(x.shape[axis], indices_or_sections, uneven, op):
            shape = list(x.shape)
            shape[axis] = None if start is None else stop - start
            outputs.append(KerasTensor(tuple(shape), dtype=x.dtype))
        return outputs

    if fixed_axis is None:
        return spec
    return lambda x, indices_or_sections: spec(x, indices_or_sections)


@backend_op("numpy_api", _keep, output_spec=_split_spec("split"))
def split(x, indices_or_sections, axis=0):
    """Splits `x` into pieces along `axis`.

    Args:
        x: Input tensor.
        indices_or_sections: An int N: N equal pieces (the length along
            `axis` must divide by N); or a sorted sequence of ints: the
            indices where pieces start.
        axis: The axis to split along.

    Returns:
        A list of tensors.

    Example:

    >>> [p.shape for p in keras_core.ops.split(numpy.ones(6), [2, 3])]
    [(2,), (1,), (3,)]
    """


@backend_op("numpy_api", _keep, output_spec=_split_spec("array_split", uneven=True))
def array_split(x, indices_or_sections, axis=0):
    """Splits `x` into pieces along `axis`, allowing unequal pieces.

    With an int N, the first `length % N` pieces have one value more.

    Args:
        x: Input tensor.
        indices_or_sections: An int N (number of pieces) or a sorted
            sequence of split indices.
        axis: The axis to split along.

    Returns:
        A list of tensors.

    Example:

    >>> [p.shape for p in keras_core.ops.array_split(numpy.ones(5), 2)]
    [(3,), (2,)]
    """


@backend_op("numpy_api", _keep, output_spec=_split_spec("hsplit", 1))
def hsplit(x, indices_or_sections):
    """Splits `x` horizontally: along axis 1 (axis 0 for 1-D tensors).

    Args:
        x: Input tensor of at least 1 dimension.
        indices_or_sections: As in `split`.

    Returns:
        A list of tensors.

    Example:

    >>> len(keras_core.ops.hsplit(numpy.ones((2, 4)), 2))
    2
    """


@backend_op("numpy_api", _keep, output_spec=_split_spec("vsplit", 0, 2))
def vsplit(x, indices_or_sections):
    """Splits `x` vertically, along axis 0; `x` needs 2+ dimensions.

    Args:
        x: Input tensor of at least 2 dimensions.
        indices_or_sections: As in `split`.

    Returns:
        A list of tensors.

    Example:

    >>> len(keras_core.ops.vsplit(numpy.ones((4, 2)), [1, 3]))
    3
    """


@backend_op("numpy_api", _keep, output_spec=_split_spec("dsplit", 2, 3))
def dsplit(x, indices_or_sections):
    """Splits `x` along axis 2 (depth); `x` needs 3+ dimensions.

    Args:
        x: Input tensor of at least 3 dimensions.
        indices_or_sections: As in `split`.

    Returns:
        A list of tensors.

    Example:

    >>> len(keras_core.ops.dsplit(numpy.ones((1, 2, 4)), 2))
    2
    """
