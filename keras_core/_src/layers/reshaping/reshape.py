"""`Reshape`: gives each sample a new shape."""

import math

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.layers.layer import Layer

__all__ = ["Reshape"]


@keras_public("keras.layers")
class Reshape(Layer):
    """Reshapes each sample of the input to `target_shape`.

    The batch axis is kept; `target_shape` gives the other axes. One entry
    may be -1: it is inferred from the size of the input.

    Args:
        target_shape: A tuple of ints, the shape of each output sample
            (without the batch axis).
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> keras_core.layers.Reshape((3, -1))(numpy.ones((2, 12))).shape
    (2, 3, 4)
    """

    def __init__(self, target_shape, **kwargs):
        super().__init__(**kwargs)
        if not isinstance(target_shape, (list, tuple)) or not all(
            isinstance(size, int) and not isinstance(size, bool)
            for size in target_shape
        ):
            raise TypeError(
                f"Layer {type(self).__name__}: `target_shape` must be a tuple of "
                f"integers (the shape of each sample, without the batch axis). "
                f"Received: target_shape={target_shape!r}"
            )
        target_shape = tuple(target_shape)
        if target_shape.count(-1) > 1:
            raise ValueError(
                f"Layer {type(self).__name__}: there must be at most one unknown "
                f"dimension (-1) in `target_shape`. Received: "
                f"target_shape={target_shape}."
            )
        if any(size < -1 for size in target_shape):
            raise ValueError(
                f"Layer {type(self).__name__}: each dimension in `target_shape` "
                "must be a non-negative integer, or `-1` for a single unknown "
                f"dimension. Received: target_shape={target_shape}."
            )
        self.target_shape = target_shape
        self.built = True

    def _resolve_target_shape(self, input_shape):
        """`target_shape` for inputs of `input_shape`, -1 resolved when known."""
        sample_shape = tuple(input_shape[1:])
        known_size = math.prod(size for size in self.target_shape if size != -1)
        if None in sample_shape:
            return tuple(None if size == -1 else size for size in self.target_shape)
        input_size = math.prod(sample_shape)
        if -1 not in self.target_shape:
            if input_size != known_size:
                raise ValueError(
                    f"Layer '{self.name}' (Reshape): the total size of each sample "
                    f"must be unchanged. Received: input_shape={sample_shape} "
                    f"({input_size} values), target_shape={self.target_shape} "
                    f"({known_size} values)."
                )
            return self.target_shape
        if known_size == 0 or input_size % known_size:
            raise ValueError(
                f"Layer '{self.name}' (Reshape): the total size of each sample "
                f"must be unchanged, but the input size {input_size} cannot be "
                f"divided by the specified dimensions of target_shape. "
                f"Received: input_shape={sample_shape}, "
                f"target_shape={self.target_shape}"
            )
        return tuple(
            input_size // known_size if size == -1 else size
            for size in self.target_shape
        )

    def call(self, inputs):
        target = self._resolve_target_shape(tuple(inputs.shape))
        if None not in target:
            return ops.reshape(inputs, (-1, *target))
        return ops.reshape(inputs, (ops.shape(inputs)[0], *self.target_shape))

    def compute_output_shape(self, input_shape):
        return (input_shape[0], *self._resolve_target_shape(input_shape))

    def compute_output_spec(self, inputs):
        return KerasTensor(self.compute_output_shape(inputs.shape), dtype=inputs.dtype)

    def get_config(self):
        return {**super().get_config(), "target_shape": self.target_shape}
