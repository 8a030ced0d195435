"""Tensor conversion and inspection: cast, convert_to_tensor, shape, dtype...

`cast` and `saturate_cast` are ops (they record a node on KerasTensors);
the others answer questions about a tensor or move it between NumPy and the
backend, and work on KerasTensors where Keras's do (`shape`, `dtype`,
`convert_to_tensor`).
"""

from keras_core._src import backend
from keras_core._src.backend.common.dtypes import narrowed_dtype
from keras_core._src.backend.common.dtypes import result_type
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.ops.op_definition import backend_op

__all__ = [
    "cast",
    "convert_to_numpy",
    "convert_to_tensor",
    "dtype",
    "is_tensor",
    "saturate_cast",
    "shape",
]


def _saturate_rule(x, *, dtype):
    """The input in its own dtype as the backend holds it (the clipping
    bounds depend on it); the result is the backend's `dtype`, as for cast.
    """
    standardize_dtype(dtype)
    return result_type(x), None


def _cast_rule(x, *, dtype):
    """Inputs kept as they are; the backend converts them to `dtype`.

    The rule only checks `dtype` is a dtype: the result is whatever the
    backend holds `dtype` as (float64 is float32 on jax), so it is left to
    the backend (None) rather than forced.
    """
    standardize_dtype(dtype)
    return None, None


@backend_op("core_ops", _cast_rule)
def cast(x, dtype):
    """Casts a tensor to a dtype.

    Floats cast to integers round toward zero; out-of-range values give
    undefined results (use `saturate_cast` to clip them).

    Args:
        x: A tensor (or anything `convert_to_tensor` takes).
        dtype: The target dtype, e.g. `"int32"`.

    Returns:
        `x` converted to `dtype`.

    Example:

    >>> keras_core.ops.cast([1.7, -2.5], "int32")
    array([ 1, -2], dtype=int32)
    """


@backend_op("core_ops", _saturate_rule)
def saturate_cast(x, dtype):
    """Casts a tensor to a dtype, clipping values to the dtype's range first.

    Args:
        x: A tensor.
        dtype: The target dtype, e.g. `"uint8"`.

    Returns:
        `x` clipped to the range of `dtype` and converted to it.

    Example:

    >>> keras_core.ops.saturate_cast([-3.0, 2.7, 300.0], "uint8")
    array([  0,   2, 255], dtype=uint8)
    """


def convert_to_tensor(x, dtype=None, sparse=None, ragged=None):
    """Converts data (NumPy arrays, lists, scalars, tensors) to a tensor.

    Args:
        x: The data.
        dtype: The dtype to convert to; by default the data's own (64-bit
            NumPy data narrowed where the backend holds 32 bits).
        sparse: False densifies sparse tensors; None keeps them.
        ragged: False densifies ragged tensors (TensorFlow); None keeps them.

    Returns:
        A backend tensor; a KerasTensor stays symbolic (cast when `dtype`
        differs).

    Example:

    >>> keras_core.ops.convert_to_tensor([1, 2])
    array([1, 2], dtype=int32)
    """
    if isinstance(x, KerasTensor):
        if dtype is not None and standardize_dtype(dtype) != x.dtype:
            return cast(x, dtype)
        return x
    if dtype is None and hasattr(x, "dtype") and not backend.core.is_tensor(x):
        # NumPy data: held as the backend holds 64-bit data by default
        # (narrowed to 32 bits except on tensorflow), as the ops hold it.
        dtype = narrowed_dtype(standardize_dtype(x.dtype))
    return backend.core.convert_to_tensor(x, dtype=dtype, sparse=sparse, ragged=ragged)


def convert_to_numpy(x):
    """Converts a tensor (or data) to a NumPy array.

    Args:
        x: A backend tensor, variable or array-like data.

    Returns:
        A `numpy.ndarray`.

    Example:

    >>> keras_core.ops.convert_to_numpy(keras_core.ops.ones((2,)))
    array([1., 1.], dtype=float32)
    """
    if isinstance(x, KerasTensor):
        raise ValueError(
            "`convert_to_numpy` cannot convert a KerasTensor: it is a symbolic "
            f"placeholder (shape {x.shape}, dtype {x.dtype}) with no values. "
            f"Received: x={x!r}"
        )
    return backend.core.convert_to_numpy(x)


def is_tensor(x):
    """Returns whether `x` is a tensor of the active backend.

    Args:
        x: Anything.

    Returns:
        True for the backend's tensors (not for NumPy data on other
        backends, lists or KerasTensors).

    Example:

    >>> keras_core.ops.is_tensor(keras_core.ops.ones((2,)))
    True
    """
    return backend.core.is_tensor(x)


def shape(x):
    """Returns the shape of a tensor as a tuple.

    Args:
        x: A tensor or KerasTensor.

    Returns:
        A tuple of ints; None for unknown dimensions of KerasTensors; inside
        a `tf.function`, scalar tensors for dimensions unknown at trace time.

    Example:

    >>> keras_core.ops.shape(keras_core.ops.zeros((2, 3)))
    (2, 3)
    """
    if isinstance(x, KerasTensor):
        return x.shape
    if not backend.core.is_tensor(x):
        x = backend.core.convert_to_tensor(x)
    return backend.core.shape(x)


def dtype(x):
    """Returns the dtype of a tensor as a standardized string.

    Args:
        x: A tensor, KerasTensor or variable.

    Returns:
        A dtype name such as `"float32"`.

    Example:

    >>> keras_core.ops.dtype(keras_core.ops.zeros((2,), dtype="int8"))
    'int8'
    """
    if not hasattr(x, "dtype"):
        x = backend.core.convert_to_tensor(x)
    return standardize_dtype(x.dtype)
