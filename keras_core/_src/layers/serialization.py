"""`keras_core.layers.serialize` and `deserialize`."""

from keras_core._src.api_export import keras_public
from keras_core._src.saving import serialization_lib


@keras_public("keras.layers")
def serialize(layer):
    """Returns the config of `layer` (class, module and arguments).

    Args:
        layer: A layer (or model).

    Returns:
        A JSON-ready dict.

    Example:

    >>> config = keras_core.layers.serialize(keras_core.layers.Dense(2))
    >>> config["class_name"]
    'Dense'
    """
    return serialization_lib.serialize_keras_object(layer)


@keras_public("keras.layers")
def deserialize(config, custom_objects=None):
    """Creates a layer from a config made by `serialize`.

    Args:
        config: The dict from `serialize`.
        custom_objects: Custom classes by name, for non-public layers.

    Returns:
        The layer.

    Example:

    >>> config = keras_core.layers.serialize(keras_core.layers.Dense(2))
    >>> keras_core.layers.deserialize(config).units
    2
    """
    if not isinstance(config, dict):
        raise ValueError(
            "keras_core.layers.deserialize expects the dict made by "
            f"`serialize(layer)`. Received: {config!r}"
        )
    return serialization_lib.deserialize_keras_object(
        config, custom_objects=custom_objects, printable_module_name="layer"
    )
