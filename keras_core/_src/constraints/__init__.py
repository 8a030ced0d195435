"""`keras_core.constraints`: weight constraints and their lookup.

The lowercase names (`max_norm`, ...) are the same classes as the
CamelCase ones, as in Keras.
"""

import inspect

from keras_core._src.constraints.constraints import Constraint
from keras_core._src.constraints.constraints import MaxNorm
from keras_core._src.constraints.constraints import MinMaxNorm
from keras_core._src.constraints.constraints import NonNeg
from keras_core._src.constraints.constraints import UnitNorm
from keras_core._src.saving import serialization_lib

max_norm = MaxNorm
min_max_norm = MinMaxNorm
non_neg = NonNeg
unit_norm = UnitNorm

__all__ = [
    "Constraint",
    "MaxNorm",
    "MinMaxNorm",
    "NonNeg",
    "UnitNorm",
    "deserialize",
    "get",
    "max_norm",
    "min_max_norm",
    "non_neg",
    "serialize",
    "unit_norm",
]

# Every public class, under each of its public names: what strings and
# module-less configs may name.
_PUBLIC_OBJECTS = {
    name: value
    for name, value in globals().items()
    if name in __all__ and inspect.isclass(value)
}


def serialize(constraint):
    """Returns the config of a constraint, to be read back by `deserialize`.

    Args:
        constraint: A constraint (strings and None pass through).

    Returns:
        A dict `{"module", "class_name", "config", "registered_name"}`.

    Example:

    >>> keras_core.constraints.serialize(keras_core.constraints.NonNeg())
    {'module': 'keras.constraints', 'class_name': 'NonNeg', 'config': {}, \
'registered_name': None}
    """
    return serialization_lib.serialize_keras_object(constraint)


def deserialize(config, custom_objects=None):
    """Builds a constraint from a config made by `serialize`, or a name.

    Args:
        config: A dict config, or a class name such as `"max_norm"` or
            `"MaxNorm"`.
        custom_objects: A dict of name -> class for custom constraints.

    Returns:
        A constraint.

    Example:

    >>> keras_core.constraints.deserialize("non_neg")
    <keras_core.constraints.NonNeg ...>
    """
    constraint = serialization_lib.deserialize_keras_object(
        config,
        custom_objects=custom_objects,
        module_objects=_PUBLIC_OBJECTS,
        printable_module_name="constraint",
    )
    return constraint() if inspect.isclass(constraint) else constraint


def get(identifier):
    """Returns a constraint from a name, config, class, instance or callable.

    Args:
        identifier: None (returned as is), a name (`"max_norm"`,
            `"MaxNorm"`), a config dict, a constraint class (instantiated
            with its defaults), or a constraint or other callable (returned
            as is).

    Returns:
        A constraint, a callable, or None.

    Example:

    >>> keras_core.constraints.get("unit_norm").get_config()
    {'axis': 0}
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
        "Could not interpret constraint identifier: "
        f"{identifier!r} (of type {type(identifier).__name__}). Expected None, "
        "a constraint name such as 'max_norm', a config dict, a constraint "
        "class or instance, or a callable."
    )
