"""`Wrapper`: the base of layers that add behaviour to another layer."""

from keras_core._src.api_export import keras_public
from keras_core._src.layers.layer import Layer
from keras_core._src.saving import serialization_lib

__all__ = ["Wrapper"]


@keras_public("keras.layers")
class Wrapper(Layer):
    """Base class of layers that wrap another layer (such as `TimeDistributed`).

    The wrapped layer is tracked (its weights are the wrapper's), built
    with the wrapper, and stored serialized in the wrapper's config.
    Subclasses implement `call`.

    Args:
        layer: The `keras_core.layers.Layer` to wrap.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> class Twice(keras_core.layers.Wrapper):
    ...     def call(self, inputs):
    ...         return self.layer(self.layer(inputs))
    >>> Twice(keras_core.layers.Identity())(numpy.ones((2, 3))).shape
    (2, 3)
    """

    def __init__(self, layer, **kwargs):
        if not isinstance(layer, Layer):
            raise ValueError(
                f"Layer {layer!r} supplied to {type(self).__name__} isn't a "
                "supported layer type. Please ensure the wrapped layer is a "
                "valid keras_core layer (an instance of keras_core.layers.Layer)."
            )
        super().__init__(**kwargs)
        self.layer = layer

    def build(self, input_shape=None):
        if not self.layer.built:
            self.layer.build(input_shape)

    def get_config(self):
        return {
            **super().get_config(),
            "layer": serialization_lib.serialize_keras_object(self.layer),
        }

    @classmethod
    def from_config(cls, config, custom_objects=None):
        """Creates the wrapper, deserializing the wrapped layer first.

        Args:
            config: The dict `get_config()` returned.
            custom_objects: Custom classes by name, for a wrapped layer that
                is not a public keras_core layer.
        """
        config = dict(config)
        config["layer"] = serialization_lib.deserialize_keras_object(
            config["layer"], custom_objects=custom_objects
        )
        return super().from_config(config)
