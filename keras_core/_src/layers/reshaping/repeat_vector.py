"""`RepeatVector`: repeats each input vector `n` times along a new axis."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.layers.input_spec import InputSpec
from keras_core._src.layers.layer import Layer

__all__ = ["RepeatVector"]


@keras_public("keras.layers")
class RepeatVector(Layer):
    """Repeats each sample `n` times: `(batch, features)` to `(batch, n, features)`.

    Args:
        n: A positive int, the number of repeats.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> x = numpy.array([[1.0, 2.0]])
    >>> numpy.asarray(keras_core.layers.RepeatVector(3)(x)).tolist()
    [[[1.0, 2.0], [1.0, 2.0], [1.0, 2.0]]]
    """

    def __init__(self, n, **kwargs):
        super().__init__(**kwargs)
        if not isinstance(n, int) or isinstance(n, bool):
            raise TypeError(
                f"Layer RepeatVector: `n` must be an integer. Received: n={n!r} "
                f"of type {type(n).__name__}"
            )
        if n < 1:
            raise ValueError(
                f"Layer RepeatVector: `n` must be a positive integer. Received: n={n}"
            )
        self.n = n
        self.input_spec = InputSpec(ndim=2)

    def call(self, inputs):
        return ops.repeat(ops.expand_dims(inputs, 1), self.n, axis=1)

    def compute_output_shape(self, input_shape):
        return (input_shape[0], self.n, input_shape[1])

    def compute_output_spec(self, inputs):
        return KerasTensor(self.compute_output_shape(inputs.shape), dtype=inputs.dtype)

    def get_config(self):
        return {**super().get_config(), "n": self.n}
