"""`keras_core.regularizers`: weight regularizers and their lookup.

The lowercase names (`l2`, `l1_l2`, ...) are the same classes as the
CamelCase ones, as in Keras.
"""

import inspect

from keras_core._src.regularizers.regularizers import L1
from keras_core._src.regularizers.regularizers import L1L2
from keras_core._src.regularizers.regularizers import L2
from keras_core._src.regularizers.regularizers import OrthogonalRegularizer
from keras_core._src.regularizers.regularizers import Regularizer
from keras_core._src.saving import serialization_lib

l1 = L1
l1_l2 = L1L2
l2 = L2
orthogonal_regularizer = OrthogonalRegularizer

__all__ = [
    "L1",
    "L1L2",
    "L2",
    "OrthogonalRegularizer",
    "Regularizer",
    "deserialize",
    "get",
    "l1",
    "l1_l2",
    "l2",
    "orthogonal_regularizer",
    "serialize",
]

# Every public class under each of its public names, plus "l1l2", the name
# Keras itself accepts for L1L2.
_PUBLIC_OBJECTS = {
    name: value
    for name, value in globals().items()
    if name in __all__ and inspect.isclass(value)
}
_PUBLIC_OBJECTS["l1l2"] = L1L2


def serialize(regularizer):
    """Returns the config of a regularizer, to be read back by `deserialize`.

    Args:
        regularizer: A regularizer (strings and None pass through).

    Returns:
        A dict `{"module", "class_name", "config", "registered_name"}`.

    Example:

    >>> keras_core.regularizers.serialize(keras_core.regularizers.L2(0.1))
    {'module': 'keras.regularizers', 'class_name': 'L2', 'config': {'l2': 0.1}, \
'registered_name': None}
    """
    return serialization_lib.serialize_keras_object(regularizer)


def deserialize(config, custom_objects=None):
    """Builds a regularizer from a config made by `serialize`, or a name.

    Args:
        config: A dict config, or a class name such as `"l2"` or `"L2"`
            (built with its default factor).
        custom_objects: A dict of name -> class for custom regularizers.

    Returns:
        A regularizer.

    Example:

    >>> keras_core.regularizers.deserialize("l2").get_config()
    {'l2': 0.01}
    """
    regularizer = serialization_lib.deserialize_keras_object(
        config,
        custom_objects=custom_objects,
        module_objects=_PUBLIC_OBJECTS,
        printable_module_name="regularizer",
    )
    return regularizer() if inspect.isclass(regularizer) else regularizer


def get(identifier):
    """Returns a regularizer from a name, config, class, instance or callable.

    Args:
        identifier: None (returned as is), a name (`"l2"`, `"L2"`), a
            config dict, a regularizer class (instantiated with its
            defaults), or a regularizer or other callable (returned as is).

    Returns:
        A regularizer, a callable, or None.

    Example:

    >>> keras_core.regularizers.get("l2").get_config()
    {'l2': 0.01}
    """
    if identifier is None:
        return None
    if isinstance(identifier, (dict, str)):
        return deserialize(identifier)
    if inspect.isclass(identifier):
        return identifier()
    if callable(identifier):
        return identifier
    raise ValueError(
        "Could not interpret regularizer identifier: "
        f"{identifier!r} (of type {type(identifier).__name__}). Expected None, "
        "a regularizer name such as 'l2', a config dict, a regularizer class "
        "or instance, or a callable."
    )
