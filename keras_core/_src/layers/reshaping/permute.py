"""`Permute`: reorders the non-batch axes of each sample."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.layers.input_spec import InputSpec
from keras_core._src.layers.layer import Layer

__all__ = ["Permute"]


@keras_public("keras.layers")
class Permute(Layer):
    """Permutes the axes of each sample; the batch axis stays first.

    Args:
        dims: A tuple of ints, a permutation of `1, ..., rank - 1` (axis 0
            is the batch axis): output axis `i + 1` is input axis
            `dims[i]`.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.Permute((2, 1))
    >>> tuple(layer(numpy.ones((4, 10, 64))).shape)
    (4, 64, 10)
    """

    def __init__(self, dims, **kwargs):
        super().__init__(**kwargs)
        if not isinstance(dims, (list, tuple)) or not all(
            isinstance(axis, int) and not isinstance(axis, bool) for axis in dims
        ):
            raise TypeError(
                "Layer Permute: `dims` must be a tuple of integers, a "
                "permutation of the non-batch axes 1, 2, ... Received: "
                f"dims={dims!r}"
            )
        self.dims = tuple(dims)
        if sorted(self.dims) != list(range(1, len(self.dims) + 1)):
            raise ValueError(
                "Layer Permute: invalid permutation `dims`. The indices in "
                "`dims` must be each of 1, ..., len(dims) exactly once (axis 0 "
                f"is the batch axis and is not permuted). Received: "
                f"dims={self.dims}"
            )
        self.input_spec = InputSpec(ndim=len(self.dims) + 1)

    def call(self, inputs):
        return ops.transpose(inputs, (0, *self.dims))

    def compute_output_shape(self, input_shape):
        return (input_shape[0], *(input_shape[axis] for axis in self.dims))

    def compute_output_spec(self, inputs):
        return KerasTensor(self.compute_output_shape(inputs.shape), dtype=inputs.dtype)

    def get_config(self):
        return {**super().get_config(), "dims": self.dims}
