"""`UnitNormalization`: scales each example to unit L2 norm."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.layer import Layer
from keras_core._src.layers.normalization import normalization_utils as utils

__all__ = ["UnitNormalization"]

# Added to the squared norm (not the norm) so zero vectors stay zero.
_SQUARED_NORM_EPSILON = 1e-24


@keras_public("keras.layers")
class UnitNormalization(Layer):
    """Divides each example by its L2 norm over `axis`.

    The output is `x / sqrt(max(sum(x ** 2, axis), 1e-24))`: vectors of
    unit norm, zero vectors unchanged. Float16 and bfloat16 inputs are
    normalized in float32.

    Args:
        axis: An int or a list/tuple of ints: the axes to normalize over.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.UnitNormalization()
    >>> x = numpy.array([[3.0, 4.0]], "float32")
    >>> keras_core.ops.convert_to_numpy(layer(x))
    array([[0.6, 0.8]], dtype=float32)
    """

    def __init__(self, axis=-1, **kwargs):
        super().__init__(**kwargs)
        if isinstance(axis, (list, tuple)):
            self.axis = utils.check_axis("UnitNormalization", axis)
        else:
            (self.axis,) = utils.check_axis("UnitNormalization", axis)
        self.supports_masking = True
        self.built = True

    def call(self, inputs):
        dtype = utils.output_dtype(inputs, self.compute_dtype)
        inputs = utils.statistics_inputs(inputs, self.compute_dtype)
        axes = self.axis if isinstance(self.axis, list) else [self.axis]
        axes = utils.resolve_axes("UnitNormalization", axes, inputs.shape)
        squared_norm = ops.sum(ops.square(inputs), axis=axes, keepdims=True)
        outputs = inputs * ops.rsqrt(ops.maximum(squared_norm, _SQUARED_NORM_EPSILON))
        return ops.cast(outputs, dtype)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "axis": self.axis}
