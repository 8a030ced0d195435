"""`serialize`, `deserialize` and `get` of metrics.

As in Keras, a metric name resolves to a metric CLASS (built with its
defaults), never to a function: `"mse"`, `"mean_squared_error"` and
`"MeanSquaredError"` all give a `MeanSquaredError()`. A class is known by
its name, its snake-case name and, for a few, a short alias. The classes
are every `Metric` subclass exported under `keras.metrics` (all of them are
imported by `keras_core.metrics`), plus registered and custom objects.
"""

from keras_core._src import api_export
from keras_core._src.metrics.metric import Metric
from keras_core._src.ops.operation import _snake_case
from keras_core._src.saving import object_registration
from keras_core._src.saving import serialization_lib

__all__ = ["deserialize", "get", "serialize"]

# Short names Keras accepts, in these two spellings only ("Mse" is not one).
_ALIASES = {
    "MeanSquaredError": ("mse", "MSE"),
    "MeanAbsoluteError": ("mae", "MAE"),
    "MeanAbsolutePercentageError": ("mape", "MAPE"),
    "MeanSquaredLogarithmicError": ("msle", "MSLE"),
    "BinaryCrossentropy": ("bce", "BCE"),
}


def _public_metric_classes():
    """`{name: class}` by class name, snake-case name and alias."""
    classes = {}
    pending = [Metric]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        location = api_export.public_location(cls)
        if location is None or location[0] != "keras.metrics":
            continue
        name = location[1]
        classes[name] = cls
        classes[_snake_case(name)] = cls
        for alias in _ALIASES.get(name, ()):
            classes[alias] = cls
    return classes


def serialize(metric):
    """Returns the config of a metric (or metric function), for `deserialize`.

    Args:
        metric: A `Metric`, or a metric function such as
            `keras_core.metrics.binary_accuracy`.

    Returns:
        A dict `{"module", "class_name", "config", "registered_name"}`.

    Example:

    >>> config = keras_core.metrics.serialize(
    ...     keras_core.metrics.BinaryAccuracy(threshold=0.3))
    >>> config["class_name"], config["config"]["threshold"]
    ('BinaryAccuracy', 0.3)
    """
    return serialization_lib.serialize_keras_object(metric)


def deserialize(config, custom_objects=None):
    """Builds a metric from a config made by `serialize`, or from a name.

    Args:
        config: A dict with `class_name` and `config` keys, as made by
            `serialize` (a function's record gives back the function), or a
            metric name such as `"accuracy"`, `"mse"` or `"AUC"` (the class
            is built with its defaults).
        custom_objects: A dict of name -> class or function for custom
            metrics.

    Returns:
        A `Metric`, or a metric function.

    Example:

    >>> metric = keras_core.metrics.deserialize(
    ...     {"class_name": "BinaryAccuracy", "config": {"threshold": 0.3}})
    >>> metric.get_config()["threshold"]
    0.3
    """
    if isinstance(config, dict) and config.get("class_name") == "function":
        return _deserialize_function(config, custom_objects)
    if not isinstance(config, (str, dict)):
        raise ValueError(
            "keras_core.metrics.deserialize expects a config dict with "
            "`class_name` and `config` keys (as made by `serialize()`) or a "
            f"metric name. Received: config={config!r} of type "
            f"{type(config).__name__}."
        )
    found = serialization_lib.deserialize_keras_object(
        config,
        custom_objects=custom_objects,
        module_objects=_public_metric_classes(),
        printable_module_name="metric",
    )
    if isinstance(found, type):
        return _instantiate(found, config)
    return found


def _deserialize_function(config, custom_objects):
    # A function's record names the function ("mean_squared_error"); the
    # name table above maps such names to classes, so functions are looked
    # up among the public metric functions instead.
    name = config.get("config")
    found = object_registration.get_registered_object(name, custom_objects)
    if found is None and isinstance(name, str):
        found = api_export.public_object("keras.metrics", name)
    if not callable(found) or isinstance(found, type):
        raise ValueError(
            f"Unknown metric function: {name!r}. Expected a function of "
            "`keras_core.metrics` (such as 'binary_accuracy'), or pass it in "
            f"`custom_objects`. Full config: {config}"
        )
    return found


def _instantiate(cls, identifier):
    try:
        return cls()
    except TypeError as error:
        raise TypeError(
            f"The metric identifier {identifier!r} names the class "
            f"{cls.__name__}, which cannot be built with default arguments: "
            f"{error}. Create it yourself, e.g. `keras_core.metrics."
            f"{cls.__name__}(...)`, and pass the instance instead."
        ) from error


def get(identifier):
    """Returns a metric from a name, a config, a class, an instance or a function.

    Args:
        identifier: A metric name (`"accuracy"`, `"mse"`,
            `"mean_squared_error"`, `"AUC"`, ...: built with its defaults), a
            config dict (see `deserialize`), a `Metric` subclass (built with
            its defaults), a `Metric` or any callable (returned as is), or
            None (returned as is).

    Returns:
        A `Metric`, a callable, or None.

    Example:

    >>> type(keras_core.metrics.get("mse")).__name__
    'MeanSquaredError'
    """
    if identifier is None:
        return None
    if isinstance(identifier, type) and issubclass(identifier, Metric):
        return _instantiate(identifier, identifier)
    if isinstance(identifier, str):
        cls = _public_metric_classes().get(identifier)
        if cls is None:
            cls = object_registration.get_registered_object(identifier)
        if cls is None:
            raise ValueError(
                f"Could not interpret metric identifier: {identifier!r}. "
                "Expected a metric class name or its snake-case name (such as "
                "'BinaryAccuracy' or 'binary_accuracy'), 'accuracy', one of "
                "the aliases 'mse', 'mae', 'mape', 'msle', 'bce', a registered "
                "name, a config dict, a Metric instance or a function."
            )
        return _instantiate(cls, identifier) if isinstance(cls, type) else cls
    if isinstance(identifier, dict):
        return deserialize(identifier)
    if callable(identifier):
        return identifier
    raise ValueError(
        f"Could not interpret metric identifier: {identifier!r} (of type "
        f"{type(identifier).__name__}). Expected a metric name such as "
        "'accuracy', a config dict, a Metric instance or a function."
    )
