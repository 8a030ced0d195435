"""`InputLayer` and `keras_core.Input`: the inputs of a functional model."""

from keras_core._src import backend
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common import global_state
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.backend.common.keras_tensor import standardize_shape
from keras_core._src.layers.layer import Layer
from keras_core._src.ops.node import Node


def _input_batch_shape(shape, batch_size, batch_shape, tensor):
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
    return standardize_shape(batch_shape)


def _check_support(sparse, ragged):
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


@keras_public("keras.layers")
class InputLayer(Layer):
    """The layer behind `keras_core.Input`: it owns a model input tensor.

    Functional and Sequential models start from InputLayers. Use
    `keras_core.Input(...)`, which makes one and returns its tensor.

    Args:
        shape: The shape of one sample, without the batch dimension.
        batch_size: A fixed batch size, or None.
        dtype: The input's dtype; `floatx()` by default.
        sparse: Whether the input is sparse (jax, tensorflow).
        ragged: Whether the input is ragged (tensorflow).
        batch_shape: The full shape, instead of `shape` and `batch_size`.
        input_tensor: An existing KerasTensor to use as the input.
        optional: Whether the model may receive None for this input.
        name: The layer's name (also the tensor's).
        **kwargs: Base Layer arguments.

    Example:

    >>> layer = keras_core.layers.InputLayer(shape=(3,))
    >>> layer.output.shape
    (None, 3)
    """

    def __init__(
        self,
        shape=None,
        batch_size=None,
        dtype=None,
        sparse=None,
        ragged=None,
        batch_shape=None,
        input_tensor=None,
        optional=False,
        name=None,
        **kwargs,
    ):
        kwargs.pop("input_shape", None)
        super().__init__(name=name or global_state.unique_name("input_layer"), **kwargs)
        batch_shape = _input_batch_shape(shape, batch_size, batch_shape, input_tensor)
        _check_support(sparse, ragged)
        if input_tensor is not None:
            if input_tensor.shape != batch_shape:
                raise ValueError(
                    f"The shape of `tensor` {input_tensor.shape} does not match "
                    f"the requested input shape {batch_shape}."
                )
            dtype = dtype or input_tensor.dtype
        self._batch_shape = batch_shape
        self._input_dtype = standardize_dtype(dtype)
        self.sparse = bool(sparse)
        self.ragged = bool(ragged)
        self.optional = optional
        if input_tensor is None:
            input_tensor = KerasTensor(
                batch_shape,
                dtype=self._input_dtype,
                sparse=self.sparse,
                ragged=self.ragged,
                name=name,
            )
        input_tensor._optional = optional
        self._input_tensor = input_tensor
        Node(self, call_args=(), call_kwargs={}, outputs=input_tensor)
        self.built = True

    @property
    def batch_shape(self):
        """The input's shape, batch dimension included."""
        return self._batch_shape

    @property
    def dtype(self):
        return self._input_dtype

    def call(self):
        return None

    def get_config(self):
        return {
            "batch_shape": self._batch_shape,
            "dtype": self._input_dtype,
            "sparse": self.sparse,
            "ragged": self.ragged,
            "name": self.name,
            "optional": self.optional,
        }


@keras_public("keras", "keras.layers")
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
    if tensor is not None:
        batch_shape = _input_batch_shape(shape, batch_size, batch_shape, tensor)
        if tensor.shape != batch_shape:
            raise ValueError(
                f"The shape of `tensor` {tensor.shape} does not match the "
                f"requested input shape {batch_shape}."
            )
        tensor._optional = optional
        return tensor
    layer = InputLayer(
        shape=shape,
        batch_size=batch_size,
        dtype=dtype,
        sparse=sparse,
        ragged=ragged,
        batch_shape=batch_shape,
        optional=optional,
        name=name,
    )
    return layer.output
