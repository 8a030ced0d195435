"""`SpectralNormalization`: divides a wrapped layer's kernel by its norm."""

from keras_core import ops
from keras_core._src import initializers
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.dtypes import is_float_dtype
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.layers import input_spec as input_spec_lib
from keras_core._src.layers.core.wrapper import Wrapper

__all__ = ["SpectralNormalization"]


def _l2_normalize(x):
    return x * ops.rsqrt(ops.maximum(ops.sum(ops.square(x)), 1e-12))


@keras_public("keras.layers")
class SpectralNormalization(Wrapper):
    """Spectral normalization (Miyato et al., 2018) of a layer's kernel.

    Wraps a layer with a `kernel` (such as `Dense` or `Conv2D`) or
    `embeddings` (`Embedding`). In training, `power_iterations` steps of the
    power method refine the estimate `vector_u` of the kernel's leading
    singular vector (the kernel seen as a matrix of `kernel.shape[-1]`
    columns); the kernel is then divided by the estimated spectral norm
    `sigma`, the new kernel and `vector_u` are stored, and the wrapped layer
    runs. Gradients flow to the kernel as to the stored normalized kernel.
    In inference the wrapped layer runs with its current kernel, as in
    Keras.

    Args:
        layer: The layer to wrap; it must have a `kernel` or `embeddings`.
        power_iterations: The number of power-method steps per training
            call, a positive integer.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.SpectralNormalization(
    ...     keras_core.layers.Dense(4))
    >>> tuple(layer(numpy.ones((2, 3)), training=True).shape)
    (2, 4)
    >>> [w.name for w in layer.weights]
    ['kernel', 'vector_u', 'bias']
    """

    def __init__(self, layer, power_iterations=1, **kwargs):
        super().__init__(layer, **kwargs)
        valid = isinstance(power_iterations, int) and not isinstance(
            power_iterations, bool
        )
        if not valid or power_iterations <= 0:
            raise ValueError(
                "SpectralNormalization: `power_iterations` should be an integer "
                f"greater than zero. Received: power_iterations={power_iterations!r}"
            )
        self.power_iterations = power_iterations

    def build(self, input_shape):
        super().build(input_shape)
        self.input_spec = input_spec_lib.InputSpec(
            min_ndim=1, axes={-1: input_shape[-1]}
        )
        if hasattr(self.layer, "kernel"):
            self.kernel = self.layer.kernel
        elif hasattr(self.layer, "embeddings"):
            self.kernel = self.layer.embeddings
        else:
            raise ValueError(
                f"SpectralNormalization layer '{self.name}': the wrapped layer "
                f"'{self.layer.name}' ({type(self.layer).__name__}) has no "
                "attribute 'kernel' nor 'embeddings'. Wrap a layer with a "
                "kernel, such as Dense, a convolution, or Embedding."
            )
        self.kernel_shape = tuple(self.kernel.shape)
        self.vector_u = self.add_weight(
            shape=(1, self.kernel_shape[-1]),
            initializer=initializers.TruncatedNormal(stddev=0.02),
            trainable=False,
            name="vector_u",
            dtype=self.kernel.dtype,
        )

    def call(self, inputs, training=False):
        if training:
            vector_u, kernel = self.normalized_weights()
            self.vector_u.assign(vector_u)
            # Stored as Keras does; the read-back value has the gradient of
            # the kernel itself, so gradients agree on every backend whether
            # the assignment is eager or recorded by `stateless_call`.
            current = ops.cast(self.kernel, kernel.dtype)
            self.kernel.assign(current + ops.stop_gradient(kernel - current))
        outputs = self.layer(inputs)
        if is_float_dtype(standardize_dtype(outputs.dtype)):
            outputs = ops.cast(outputs, self.compute_dtype)
        return outputs

    def normalized_weights(self):
        """Runs the power method; returns the new `vector_u` and kernel.

        Returns:
            A tuple `(vector_u, kernel)`: the refined singular vector
            estimate (shape `(1, kernel.shape[-1])`) and the kernel divided
            by the estimated spectral norm. Nothing is assigned.
        """
        dtype = self.kernel.dtype
        weights = ops.reshape(ops.cast(self.kernel, dtype), (-1, self.kernel_shape[-1]))
        vector_u = ops.cast(self.vector_u, dtype)
        for _ in range(self.power_iterations):
            vector_v = _l2_normalize(ops.matmul(vector_u, ops.transpose(weights)))
            vector_u = _l2_normalize(ops.matmul(vector_v, weights))
        vector_u = ops.stop_gradient(vector_u)
        vector_v = ops.stop_gradient(vector_v)
        sigma = ops.matmul(ops.matmul(vector_v, weights), ops.transpose(vector_u))
        kernel = ops.reshape(weights / sigma, self.kernel_shape)
        return vector_u, kernel

    def compute_output_shape(self, input_shape):
        return self.layer.compute_output_shape(input_shape)

    def get_config(self):
        return {**super().get_config(), "power_iterations": self.power_iterations}
