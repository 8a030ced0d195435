"""`serialize` and `deserialize` of learning rate schedules."""

from keras_core._src.optimizers.schedules.cosine_decay import CosineDecay
from keras_core._src.optimizers.schedules.cosine_decay import CosineDecayRestarts
from keras_core._src.optimizers.schedules.exponential_decay import ExponentialDecay
from keras_core._src.optimizers.schedules.exponential_decay import InverseTimeDecay
from keras_core._src.optimizers.schedules.learning_rate_schedule import (
    LearningRateSchedule,
)
from keras_core._src.optimizers.schedules.piecewise_constant_decay import (
    PiecewiseConstantDecay,
)
from keras_core._src.optimizers.schedules.polynomial_decay import PolynomialDecay
from keras_core._src.saving import serialization_lib

__all__ = ["deserialize", "serialize"]

# Configs written without a "module" key name the class alone.
_SCHEDULES = {
    cls.__name__: cls
    for cls in (
        CosineDecay,
        CosineDecayRestarts,
        ExponentialDecay,
        InverseTimeDecay,
        LearningRateSchedule,
        PiecewiseConstantDecay,
        PolynomialDecay,
    )
}


def serialize(learning_rate_schedule):
    """Returns the config of a schedule, to be read back by `deserialize`.

    Args:
        learning_rate_schedule: A `LearningRateSchedule`.

    Returns:
        A dict `{"module", "class_name", "config", "registered_name"}`.

    Example:

    >>> schedule = keras_core.optimizers.schedules.ExponentialDecay(0.1, 10, 0.5)
    >>> keras_core.optimizers.schedules.serialize(schedule)["class_name"]
    'ExponentialDecay'
    """
    return serialization_lib.serialize_keras_object(learning_rate_schedule)


def deserialize(config, custom_objects=None):
    """Builds a schedule from a config made by `serialize`.

    Args:
        config: A dict with `class_name` and `config` keys.
        custom_objects: A dict of name -> class for custom schedules.

    Returns:
        A `LearningRateSchedule`.

    Example:

    >>> keras_core.optimizers.schedules.deserialize({
    ...     "class_name": "ExponentialDecay",
    ...     "config": {"initial_learning_rate": 0.1, "decay_steps": 10,
    ...                "decay_rate": 0.5}})
    <keras_core...ExponentialDecay object ...>
    """
    if not isinstance(config, dict):
        raise ValueError(
            "keras_core.optimizers.schedules.deserialize expects a config dict "
            "with `class_name` and `config` keys, as made by `serialize()`. "
            f"Received: config={config!r} of type {type(config).__name__}."
        )
    return serialization_lib.deserialize_keras_object(
        config,
        custom_objects=custom_objects,
        module_objects=_SCHEDULES,
        printable_module_name="learning rate schedule",
    )
