"""`ActivityRegularization`: adds an L1/L2 penalty on its inputs to the losses."""

from keras_core._src import regularizers
from keras_core._src.api_export import keras_public
from keras_core._src.layers.layer import Layer

__all__ = ["ActivityRegularization"]


@keras_public("keras.layers")
class ActivityRegularization(Layer):
    """Passes its inputs through and adds an activity penalty to `losses`.

    The penalty is `l1 * sum(|x|) + l2 * sum(x ** 2)`, divided by the batch
    size (as every activity regularizer is).

    Args:
        l1: The L1 factor, a non-negative float.
        l2: The L2 factor, a non-negative float.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.ActivityRegularization(l1=0.1)
    >>> _ = layer(numpy.array([[1.0, -2.0]]))
    >>> float(layer.losses[0])
    0.30000001192092896
    """

    def __init__(self, l1=0.0, l2=0.0, **kwargs):
        # The regularizer checks its factors and names the bad one.
        super().__init__(activity_regularizer=regularizers.L1L2(l1=l1, l2=l2), **kwargs)
        self.l1 = l1
        self.l2 = l2
        self.supports_masking = True
        self.built = True

    def call(self, inputs):
        return inputs

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        config = super().get_config()
        config.pop("activity_regularizer", None)
        return {**config, "l1": self.l1, "l2": self.l2}
