"""`RMSNormalization`: divides each example by its root mean square."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.layer import Layer
from keras_core._src.layers.normalization import normalization_utils as utils

__all__ = ["RMSNormalization"]


@keras_public("keras.layers")
class RMSNormalization(Layer):
    """Root Mean Square normalization (Zhang and Sennrich, 2019).

    Computes `x * rsqrt(mean(x ** 2, axis) + epsilon) * scale`, with a
    trainable `scale` (initialized to ones) of the shape of the normalized
    axes. Unlike `LayerNormalization` it neither centers nor adds an
    offset. Float16 and bfloat16 inputs are normalized in float32.

    Args:
        axis: An int or a list/tuple of ints: the axes to normalize over.
        epsilon: Small float added to the mean square.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.RMSNormalization(epsilon=0.0)
    >>> x = numpy.array([[3.0, 4.0]], "float32")
    >>> keras_core.ops.convert_to_numpy(layer(x)).round(4)
    array([[0.8485, 1.1314]], dtype=float32)
    """

    def __init__(self, axis=-1, epsilon=1e-6, **kwargs):
        super().__init__(**kwargs)
        self.axis = utils.check_axis("RMSNormalization", axis)
        self.epsilon = epsilon

    def build(self, input_shape):
        axes = utils.resolve_axes("RMSNormalization", self.axis, input_shape)
        shape = utils.defined_dims("RMSNormalization", axes, input_shape)
        self.scale = self.add_weight(name="scale", shape=shape, initializer="ones")
        self._axes = axes
        self._parameter_shape = utils.broadcast_shape(len(input_shape), axes, shape)

    def call(self, x):
        dtype = utils.output_dtype(x, self.compute_dtype)
        x = utils.statistics_inputs(x, self.compute_dtype)
        scale = ops.reshape(ops.cast(self.scale, x.dtype), self._parameter_shape)
        outputs = ops.rms_normalization(
            x, scale=scale, axis=self._axes, epsilon=self.epsilon
        )
        return ops.cast(outputs, dtype)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "axis": self.axis, "epsilon": self.epsilon}
