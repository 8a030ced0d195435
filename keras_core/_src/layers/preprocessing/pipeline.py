"""`Pipeline`: applies preprocessing layers in sequence."""

from keras_core._src.api_export import keras_public
from keras_core._src.layers.layer import Layer
from keras_core._src.saving import serialization_lib

__all__ = ["Pipeline"]


@keras_public("keras.layers")
class Pipeline(Layer):
    """Applies a list of layers in order, passing each output to the next.

    Unlike `Sequential`, a pipeline is not a model: it is a layer meant for
    preprocessing (also inside `tf.data`), and dict inputs such as
    `{"images": ..., "bounding_boxes": ...}` flow through the image layers
    unchanged in structure. `training` reaches every layer.

    Args:
        layers: The layers, applied first to last.
        name: The pipeline's name.

    Example:

    >>> pipeline = keras_core.layers.Pipeline([
    ...     keras_core.layers.RandomFlip(seed=1),
    ...     keras_core.layers.Rescaling(1 / 255),
    ... ])
    >>> pipeline(numpy.ones((2, 4, 4, 3)), training=False).shape
    (2, 4, 4, 3)
    """

    def __init__(self, layers, name=None):
        super().__init__(name=name)
        self._pipeline_layers = list(layers)
        self._convert_input_args = False
        self.built = True

    @property
    def layers(self):
        return self._pipeline_layers

    def call(self, inputs, training=True, mask=None):
        # Each layer computes its own mask; `mask` is accepted as Keras does.
        del mask
        for layer in self._pipeline_layers:
            inputs = layer(inputs, training=training)
        return inputs

    def get_config(self):
        return {
            "layers": [
                serialization_lib.serialize_keras_object(layer)
                for layer in self._pipeline_layers
            ],
            "name": self.name,
        }

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        config["layers"] = [
            serialization_lib.deserialize_keras_object(layer)
            for layer in config["layers"]
        ]
        return cls(**config)
