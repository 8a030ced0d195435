"""`LeakyReLU`: the identity for positive inputs, a small slope below."""

import warnings

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.layer import Layer

__all__ = ["LeakyReLU"]


@keras_public("keras.layers")
class LeakyReLU(Layer):
    """Leaky rectified linear unit: `x` for `x >= 0`, `negative_slope * x` below.

    Args:
        negative_slope: The slope for negative inputs, a non-negative float.
        **kwargs: Base layer arguments (`name`, `dtype`, ...). The Keras 2
            name `alpha` is still accepted for `negative_slope`, with a
            deprecation warning.

    Example:

    >>> layer = keras_core.layers.LeakyReLU(negative_slope=0.5)
    >>> numpy.asarray(layer(numpy.array([-2.0, 3.0]))).tolist()
    [-1.0, 3.0]
    """

    def __init__(self, negative_slope=0.3, **kwargs):
        if "alpha" in kwargs:
            negative_slope = kwargs.pop("alpha")
            warnings.warn(
                "LeakyReLU: argument `alpha` is deprecated. Use `negative_slope` "
                "instead.",
                UserWarning,
                stacklevel=2,
            )
        super().__init__(**kwargs)
        valid = (
            isinstance(negative_slope, (int, float))
            and not isinstance(negative_slope, bool)
            and negative_slope >= 0
        )
        if not valid:
            raise ValueError(
                "Layer LeakyReLU: argument `negative_slope` must be a "
                f"non-negative float. Received: negative_slope={negative_slope!r}"
            )
        self.negative_slope = negative_slope
        self.supports_masking = True
        self.built = True

    def call(self, inputs):
        return ops.leaky_relu(inputs, negative_slope=self.negative_slope)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "negative_slope": self.negative_slope}
