"""`get`, `serialize` and `deserialize` for activations."""

from keras_core._src.activations import elementwise
from keras_core._src.activations import normalizing
from keras_core._src.activations import rectifiers
from keras_core._src.activations import squashing
from keras_core._src.activations.elementwise import linear
from keras_core._src.api_export import keras_public
from keras_core._src.saving import object_registration
from keras_core._src.saving import serialization_lib

__all__ = ["deserialize", "get", "serialize"]

# Every activation by public name, aliases (`swish`, `hard_swish`) included.
ALL_OBJECTS = {
    name: getattr(module, name)
    for module in (rectifiers, squashing, elementwise, normalizing)
    for name in module.__all__
}


@keras_public("keras.activations")
def serialize(activation):
    """Returns the config of an activation: its name if it is a built-in one.

    Args:
        activation: An activation function, or a callable object with
            `get_config()`.

    Returns:
        The public name (such as `"relu"`) of a built-in activation, else a
        config dict that `deserialize` reads back.

    Example:

    >>> keras_core.activations.serialize(keras_core.activations.swish)
    'silu'
    """
    config = serialization_lib.serialize_keras_object(activation)
    if not isinstance(config, dict) or "config" not in config:
        raise TypeError(
            "activations.serialize expects an activation function or a "
            "callable object with a `get_config()` method. Received: "
            f"activation={activation!r} of type {type(activation).__name__}"
        )
    name = config["config"]
    if isinstance(name, str) and ALL_OBJECTS.get(name) is activation:
        return name
    return config


@keras_public("keras.activations")
def deserialize(config, custom_objects=None):
    """Returns the activation a name or config stands for.

    Args:
        config: A built-in activation name (`"relu"`), a registered name, or
            a config dict made by `serialize`.
        custom_objects: A dict of name -> function for custom activations.

    Returns:
        The activation function (or callable object).

    Example:

    >>> keras_core.activations.deserialize("relu")
    <function relu at ...>
    """
    return serialization_lib.deserialize_keras_object(
        config,
        custom_objects=custom_objects,
        module_objects=ALL_OBJECTS,
        printable_module_name="activation function",
    )


@keras_public("keras.activations")
def get(identifier):
    """Returns an activation function from a name, config or callable.

    Args:
        identifier: None or `"linear"` (the identity), an activation name
            such as `"relu"` (built-in, registered or in a custom object
            scope), a config dict, or a callable (returned as it is).

    Returns:
        A callable activation.

    Example:

    >>> keras_core.activations.get("relu") is keras_core.activations.relu
    True
    """
    if identifier is None:
        return linear
    if isinstance(identifier, str):
        activation = object_registration.get_registered_object(
            identifier, module_objects=ALL_OBJECTS
        )
    elif isinstance(identifier, dict):
        activation = deserialize(identifier)
    else:
        activation = identifier
    if callable(activation):
        return activation
    raise ValueError(
        f"Could not interpret activation function identifier: {identifier}. "
        "Expected None, the name of an activation such as 'relu', a config "
        "dict made by `keras_core.activations.serialize`, or a callable."
    )
