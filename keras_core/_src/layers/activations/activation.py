"""`Activation`: applies an activation function as a layer."""

from keras_core._src.api_export import keras_public
from keras_core._src.layers.layer import Layer

__all__ = ["Activation"]


@keras_public("keras.layers")
class Activation(Layer):
    """Applies an activation function to its input.

    Args:
        activation: An activation function, or the name of one in
            `keras_core.activations` (`"relu"`, `"softmax"`, ...). None
            means the identity (`"linear"`).
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.Activation("relu")
    >>> numpy.asarray(layer(numpy.array([-3.0, 0.0, 2.0]))).tolist()
    [0.0, 0.0, 2.0]
    """

    def __init__(self, activation, **kwargs):
        super().__init__(**kwargs)
        from keras_core._src import activations

        self.supports_masking = True
        self.activation = activations.get(activation)

    def call(self, inputs):
        return self.activation(inputs)

    def get_config(self):
        from keras_core._src import activations

        return {
            **super().get_config(),
            "activation": activations.serialize(self.activation),
        }
