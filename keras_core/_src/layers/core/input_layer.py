"""`keras_core.Input`: the symbolic input of a functional model."""

from keras_core._src import backend
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.backend.common.keras_tensor import standardize_shape


def Input(
    shape=None,
    batch_size=None,
    dtype=None,
    sparse=None,
    ragged=None,
    batch_shape=None,
    name=None,
    tensor=None,
    optional=False,
):
    """Returns a symbolic tensor standing for a model input.

    Args:
        shape: The shape of one sample, without the batch dimension, e.g.
            `(28, 28, 1)`. Use None for dimensions that vary.
        batch_size: A fixed batch size, or None (any size).
        dtype: The dtype; `floatx()` by default.
        sparse: Whether the input is a sparse tensor (jax, tensorflow).
        ragged: Whether the input is a ragged tensor (tensorflow).
        batch_shape: The full shape including the batch dimension, instead
            of `shape` and `batch_size`.
        name: A name for the input; unique by default.
        tensor: An existing `KerasTensor` to use as this input.
        optional: Whether the model may be called with None for this input.

    Returns:
        A `KerasTensor`.

    Example:

    >>> x = keras_core.Input(shape=(28, 28, 1), name="image")
    >>> x.shape
    (None, 28, 28, 1)
    """
    if shape is not None and batch_shape is not None:
        raise ValueError(
            "You cannot pass both `shape` and `batch_shape` at the same time. "
            f"Received: shape={shape}, batch_shape={batch_shape}"
        )
    if tensor is not None:
        if not isinstance(tensor, KerasTensor):
            raise ValueError(
                "Argument `tensor` of Input must be a KerasTensor. Received: "
                f"tensor={tensor!r} of type {type(tensor).__name__}"
            )
        if shape is None and batch_shape is None:
            batch_shape = tensor.shape
    if batch_shape is None:
        if shape is None:
            raise ValueError(
                "You must pass a `shape` argument to Input: the shape of one "
                "sample, such as `shape=(784,)`."
            )
        if isinstance(shape, int):
            raise ValueError(
                f"Argument `shape` of Input must be a tuple, such as "
                f"`shape=({shape},)`. Received: shape={shape}"
            )
        batch_shape = (batch_size, *standardize_shape(shape))
    batch_shape = standardize_shape(batch_shape)
    if sparse and not backend.core.SUPPORTS_SPARSE_TENSORS:
        raise ValueError(
            f"`sparse=True` is not supported with the {backend.backend()} "
            "backend. Use the jax or tensorflow backend, or a dense input."
        )
    if ragged and not backend.core.SUPPORTS_RAGGED_TENSORS:
        raise ValueError(
            f"`ragged=True` is not supported with the {backend.backend()} "
            "backend. Use the tensorflow backend, or pad the input."
        )
    if tensor is not None:
        if tensor.shape != batch_shape:
            raise ValueError(
                f"The shape of `tensor` {tensor.shape} does not match the "
                f"requested input shape {batch_shape}."
            )
        tensor._optional = optional
        return tensor
    result = KerasTensor(
        batch_shape,
        dtype=standardize_dtype(dtype),
        sparse=bool(sparse),
        ragged=bool(ragged),
        name=name,
    )
    # Read by functional models, which accept None for optional inputs.
    result._optional = optional
    return result
