"""`serialize`, `deserialize` and `get` of losses.

Names are those of `keras.losses` (functions such as
`"mean_squared_error"`, classes such as `"MeanSquaredError"`, built with
their defaults) and Keras's short aliases (`"mse"`, `"MAE"`, `"bce"`, ...),
plus registered and custom objects.
"""

import inspect

from keras_core._src.api_export import keras_public
from keras_core._src.losses import hinge
from keras_core._src.losses import metric_learning
from keras_core._src.losses import overlap
from keras_core._src.losses import probabilistic
from keras_core._src.losses import regression
from keras_core._src.losses import sequence
from keras_core._src.losses.loss import Loss
from keras_core._src.saving import object_registration
from keras_core._src.saving import serialization_lib

__all__ = ["deserialize", "get", "serialize"]

# Keras accepts each alias in lowercase and uppercase only ("mse", "MSE").
_ALIASES = {
    "mse": regression.mean_squared_error,
    "mae": regression.mean_absolute_error,
    "mape": regression.mean_absolute_percentage_error,
    "msle": regression.mean_squared_logarithmic_error,
    "kld": probabilistic.kl_divergence,
    "bce": probabilistic.binary_crossentropy,
}


def _all_objects():
    objects = {"Loss": Loss}
    for module in (
        regression,
        probabilistic,
        hinge,
        overlap,
        sequence,
        metric_learning,
    ):
        objects.update({name: getattr(module, name) for name in module.__all__})
    for alias, function in _ALIASES.items():
        objects[alias] = function
        objects[alias.upper()] = function
    return objects


_ALL_OBJECTS = _all_objects()


@keras_public("keras.losses")
def serialize(loss):
    """Returns the config of a loss, to be read back by `deserialize`.

    Args:
        loss: A `Loss`, a loss function, or a loss name (returned as is).

    Returns:
        A dict `{"module", "class_name", "config", "registered_name"}`
        (a function's record names it), or the name.

    Example:

    >>> keras_core.losses.serialize(keras_core.losses.Huber())["class_name"]
    'Huber'
    """
    return serialization_lib.serialize_keras_object(loss)


@keras_public("keras.losses")
def deserialize(name, custom_objects=None):
    """Builds a loss from a config made by `serialize`, or a name.

    Args:
        name: A config dict, or a loss name: a function name or alias
            gives the function, a class name an instance with defaults.
        custom_objects: A dict of name -> class or function for custom
            losses.

    Returns:
        A `Loss` or a loss function.

    Example:

    >>> keras_core.losses.deserialize("mse").__name__
    'mean_squared_error'
    """
    loss = serialization_lib.deserialize_keras_object(
        name,
        custom_objects=custom_objects,
        module_objects=_ALL_OBJECTS,
        printable_module_name="loss function",
    )
    if inspect.isclass(loss):
        loss = loss()
    return loss


@keras_public("keras.losses")
def get(identifier):
    """Returns a loss from a name, a config, a callable or None.

    Args:
        identifier: None (returned as is), a loss name or alias (`"mse"`,
            `"BinaryCrossentropy"`, ...), a config dict made by
            `serialize`, a `Loss` class (instantiated with its defaults)
            or any callable (returned as is).

    Returns:
        A `Loss`, a loss function, or None.

    Example:

    >>> keras_core.losses.get("mae") is keras_core.losses.mean_absolute_error
    True
    """
    if identifier is None:
        return None
    if isinstance(identifier, dict) and "class_name" not in identifier:
        raise ValueError(
            f"Could not interpret loss identifier: unknown `config` as a "
            f"`dict`, config={identifier}. Expected a config made by "
            "`keras_core.losses.serialize`, with 'class_name' and 'config' keys."
        )
    if isinstance(identifier, str):
        if not _known_name(identifier):
            raise ValueError(
                f"Could not interpret loss identifier: {identifier!r}. Expected "
                f"one of {sorted(_ALL_OBJECTS)}, a registered loss name, a "
                "config dict, a Loss instance or a callable."
            )
        identifier = deserialize(identifier)
    elif isinstance(identifier, dict):
        identifier = deserialize(identifier)
    if inspect.isclass(identifier):
        identifier = identifier()
    if not callable(identifier):
        raise ValueError(
            f"Could not interpret loss identifier: {identifier!r} (of type "
            f"{type(identifier).__name__}). Expected a loss name such as 'mse', "
            "a config dict, a Loss instance or a callable."
        )
    return identifier


def _known_name(name):
    return (
        name in _ALL_OBJECTS
        or object_registration.get_registered_object(name) is not None
    )
