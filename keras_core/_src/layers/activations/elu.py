"""`ELU`: the exponential linear unit as a layer."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.layer import Layer

__all__ = ["ELU"]


@keras_public("keras.layers")
class ELU(Layer):
    """Exponential linear unit: `x` for `x > 0`, `alpha * (exp(x) - 1)` below.

    Args:
        alpha: The scale of the negative part (its value as `x -> -inf`
            is `-alpha`).
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.ELU(alpha=2.0)
    >>> numpy.round(numpy.asarray(layer(numpy.array([-1.0, 1.0]))), 4).tolist()
    [-1.2642, 1.0]
    """

    def __init__(self, alpha=1.0, **kwargs):
        super().__init__(**kwargs)
        self.alpha = alpha
        self.supports_masking = True
        self.built = True

    def call(self, inputs):
        return ops.elu(inputs, alpha=self.alpha)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "alpha": self.alpha}
