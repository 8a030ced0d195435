"""`OptimizerMap`: which optimizer updates which variable, by path pattern."""

import re
from collections.abc import MutableMapping

from keras_core._src.api_export import keras_public
from keras_core._src.optimizers.optimizer import Optimizer

__all__ = ["OptimizerMap"]


@keras_public("keras.optimizers")
class OptimizerMap(MutableMapping):
    """A mapping from variable-path patterns to optimizers, with a default.

    The keys are regular expressions matched against a whole variable
    path (`re.fullmatch`). Looking up a path returns the optimizer of its
    pattern (a key given exactly wins), the default optimizer when no
    pattern matches, and raises a `ValueError` when several do. Iterating,
    `len` and deleting see the patterns only.

    Args:
        default_optimizer: The `Optimizer` of the variables no pattern
            matches.
        optimizer_map: A dict from patterns to `Optimizer`s.

    Example:

    >>> optimizer_map = keras_core.optimizers.OptimizerMap(
    ...     keras_core.optimizers.SGD(),
    ...     {"encoder/.*": keras_core.optimizers.Adam()})
    >>> type(optimizer_map["encoder/dense/kernel"]).__name__
    'Adam'
    >>> type(optimizer_map["head/kernel"]).__name__
    'SGD'
    """

    def __init__(self, default_optimizer, optimizer_map=None):
        if not isinstance(default_optimizer, Optimizer):
            raise TypeError(
                "OptimizerMap: `default_optimizer` must be a keras_core "
                "Optimizer instance. Received: "
                f"default_optimizer={default_optimizer!r}"
            )
        if optimizer_map is None:
            optimizer_map = {}
        if not isinstance(optimizer_map, dict):
            raise TypeError(
                "OptimizerMap: `optimizer_map` must be a dict from variable-path "
                f"patterns to optimizers. Received: optimizer_map={optimizer_map!r}"
            )
        self.default_optimizer = default_optimizer
        self._map = {}
        for pattern, optimizer in optimizer_map.items():
            self[pattern] = optimizer

    def __getitem__(self, path):
        if path in self._map:
            return self._map[path]
        matches = [
            pattern for pattern in self._map if re.fullmatch(pattern, path) is not None
        ]
        if len(matches) > 1:
            raise ValueError(
                f"OptimizerMap: variable '{path}' matches several patterns "
                f"{matches}; make the patterns exclusive so that each variable "
                "has one optimizer."
            )
        if matches:
            return self._map[matches[0]]
        return self.default_optimizer

    def __setitem__(self, pattern, optimizer):
        if not isinstance(optimizer, Optimizer):
            raise ValueError(
                f"OptimizerMap: the optimizer of pattern {pattern!r} must be a "
                f"keras_core Optimizer instance. Received: {optimizer!r}"
            )
        self._map[pattern] = optimizer

    def __delitem__(self, pattern):
        del self._map[pattern]

    def __iter__(self):
        return iter(self._map)

    def __len__(self):
        return len(self._map)

    def get_config(self):
        """Returns the default optimizer and the map, serialized."""
        from keras_core._src.saving import serialization_lib

        return {
            "default_optimizer": serialization_lib.serialize_keras_object(
                self.default_optimizer
            ),
            "optimizer_map": {
                pattern: serialization_lib.serialize_keras_object(optimizer)
                for pattern, optimizer in self._map.items()
            },
        }

    @classmethod
    def from_config(cls, config, custom_objects=None):
        """Creates an `OptimizerMap` from its `get_config()` dict."""
        from keras_core._src.saving import serialization_lib

        def load(record):
            return serialization_lib.deserialize_keras_object(
                record, custom_objects=custom_objects
            )

        return cls(
            load(config["default_optimizer"]),
            {
                pattern: load(record)
                for pattern, record in config.get("optimizer_map", {}).items()
            },
        )
