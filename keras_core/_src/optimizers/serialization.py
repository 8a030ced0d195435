"""`serialize`, `deserialize` and `get` of optimizers.

Names are looked up without regard to case (`"adam"`, `"RMSProp"`), as in
Keras, among the public optimizer classes: every `Optimizer` subclass
exported under `keras.optimizers` (all of them are imported by
`keras_core.optimizers`), plus registered and custom objects.
"""

from keras_core._src import api_export
from keras_core._src.optimizers.optimizer import Optimizer
from keras_core._src.saving import object_registration
from keras_core._src.saving import serialization_lib

__all__ = ["deserialize", "get", "serialize"]


def _public_optimizer_classes():
    """`{name: class}` under each class's name and its lowercase name."""
    classes = {}
    pending = list(Optimizer.__subclasses__())
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        location = api_export.public_location(cls)
        if location is not None and location[0] == "keras.optimizers":
            classes[location[1]] = cls
            classes[location[1].lower()] = cls
    return classes


def serialize(optimizer):
    """Returns the config of an optimizer, to be read back by `deserialize`.

    Args:
        optimizer: An `Optimizer`.

    Returns:
        A dict `{"module", "class_name", "config", "registered_name"}`.

    Example:

    >>> config = keras_core.optimizers.serialize(keras_core.optimizers.SGD())
    >>> config["module"], config["class_name"]
    ('keras.optimizers', 'SGD')
    """
    return serialization_lib.serialize_keras_object(optimizer)


def deserialize(config, custom_objects=None):
    """Builds an optimizer from a config made by `serialize`, or a name.

    Args:
        config: A dict with `class_name` and `config` keys (the class name
            in any case: `"adam"` works), or an optimizer name, built with
            its defaults.
        custom_objects: A dict of name -> class for custom optimizers.

    Returns:
        An `Optimizer`.

    Example:

    >>> optimizer = keras_core.optimizers.deserialize(
    ...     {"class_name": "adam", "config": {"learning_rate": 0.01}})
    >>> type(optimizer).__name__
    'Adam'
    """
    if isinstance(config, str):
        config = {"class_name": config, "config": {}}
    if not isinstance(config, dict):
        raise ValueError(
            "keras_core.optimizers.deserialize expects a config dict with "
            "`class_name` and `config` keys (as made by `serialize()`) or an "
            f"optimizer name. Received: config={config!r} of type "
            f"{type(config).__name__}."
        )
    classes = _public_optimizer_classes()
    class_name = config.get("class_name")
    if (
        isinstance(class_name, str)
        and class_name not in classes
        and class_name.lower() in classes
    ):
        config = {**config, "class_name": class_name.lower()}
    return serialization_lib.deserialize_keras_object(
        config,
        custom_objects=custom_objects,
        module_objects=classes,
        printable_module_name="optimizer",
    )


def get(identifier):
    """Returns an optimizer from a name, a config or an instance.

    Args:
        identifier: An optimizer name (`"adam"`, `"RMSprop"`, any case), a
            config dict (see `deserialize`), an `Optimizer` (returned as
            is), or None (returned as is).

    Returns:
        An `Optimizer`, or None.

    Example:

    >>> type(keras_core.optimizers.get("rmsprop")).__name__
    'RMSprop'
    """
    if identifier is None or isinstance(identifier, Optimizer):
        return identifier
    if isinstance(identifier, str):
        cls = _public_optimizer_classes().get(identifier.lower())
        if cls is None:
            cls = object_registration.get_registered_object(identifier)
        if cls is None:
            known = sorted(
                name for name in _public_optimizer_classes() if name.islower()
            )
            raise ValueError(
                f"Could not interpret optimizer identifier: {identifier!r}. "
                f"Expected one of {known} (in any case), a registered "
                "optimizer name, a config dict or an Optimizer instance."
            )
        optimizer = cls()
    elif isinstance(identifier, dict):
        optimizer = deserialize(identifier)
    else:
        optimizer = None
    if not isinstance(optimizer, Optimizer):
        raise ValueError(
            f"Could not interpret optimizer identifier: {identifier!r} (of type "
            f"{type(identifier).__name__}). Expected an optimizer name such as "
            "'adam', a config dict or an Optimizer instance."
        )
    return optimizer
