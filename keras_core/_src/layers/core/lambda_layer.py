"""`Lambda`: wraps an arbitrary function as a layer.

A named function is serialized by name and found again, when loading,
among registered objects and `custom_objects`. A Python lambda has no name
to look up, so its bytecode is stored instead, in the format Keras 3 writes
(`{"class_name": "__lambda__", "config": {"code", "defaults", "closure"}}`);
loading bytecode runs code from the file, so it needs `safe_mode=False`.
"""

import inspect

from keras_core._src import backend
from keras_core._src.api_export import keras_public
from keras_core._src.layers.layer import Layer
from keras_core._src.saving import serialization_lib
from keras_core._src.tree import tree_api

__all__ = ["Lambda"]

_UNSAFE_LAMBDA_ERROR = (
    "Requested the deserialization of a `Lambda` layer whose `{attribute}` is "
    "a Python lambda. This carries a potential risk of arbitrary code "
    "execution and thus it is disallowed by default. If you trust the source "
    "of the artifact, you can override this error by passing `safe_mode=False` "
    "to the loading function."
)


def _serialize_callable(value):
    return serialization_lib.serialize_keras_object(value)


def _accepts(function, argument):
    try:
        return argument in inspect.signature(function).parameters
    except (TypeError, ValueError):
        return False


def _is_single_shape(value):
    return isinstance(value, (list, tuple)) and all(
        size is None or isinstance(size, int) for size in value
    )


@keras_public("keras.layers")
class Lambda(Layer):
    """Wraps a function of tensors as a layer, for quick experiments.

    The function should compute with `keras_core.ops` so it runs on every
    backend. Weights created inside the function are not tracked: write a
    `Layer` subclass for anything with state. Prefer named functions to
    Python lambdas: only named ones can be loaded from a saved model
    without `safe_mode=False`.

    Args:
        function: The function, called as `function(inputs, **arguments)`;
            it also receives `mask` and `training` if it accepts them.
        output_shape: The shape of the output, without the batch axis (a
            tuple), or a function from the input shape to the output shape.
            By default it is inferred by running `function` on symbolic
            inputs.
        mask: A function `mask(inputs, previous_mask)` returning the output
            mask, or a fixed mask. None drops the input mask.
        arguments: A dict of extra keyword arguments for `function`.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.Lambda(lambda x: x * 2.0)
    >>> numpy.asarray(layer(numpy.array([1.0, 2.0]))).tolist()
    [2.0, 4.0]
    """

    def __init__(
        self, function, output_shape=None, mask=None, arguments=None, **kwargs
    ):
        super().__init__(**kwargs)
        if not callable(function):
            raise TypeError(
                f"Layer {type(self).__name__}: `function` must be callable. "
                f"Received: function={function!r} of type {type(function).__name__}"
            )
        if not (output_shape is None or callable(output_shape)) and not isinstance(
            output_shape, (list, tuple)
        ):
            raise TypeError(
                f"Layer {type(self).__name__}: `output_shape` must be None, a "
                "tuple (the output shape without the batch axis) or a function "
                f"of the input shape. Received: output_shape={output_shape!r}"
            )
        self.function = function
        self.arguments = dict(arguments or {})
        self.supports_masking = mask is not None
        self.mask = mask
        self._output_shape = output_shape
        self._function_takes_mask = _accepts(function, "mask")
        self._function_takes_training = _accepts(function, "training")

    def call(self, inputs, mask=None, training=None):
        kwargs = dict(self.arguments)
        if self._function_takes_mask:
            kwargs["mask"] = mask
        if self._function_takes_training:
            kwargs["training"] = training
        return self.function(inputs, **kwargs)

    def compute_mask(self, inputs, mask=None):
        if callable(self.mask):
            return self.mask(inputs, mask)
        return self.mask

    def compute_output_shape(self, input_shape):
        if self._output_shape is None:
            return super().compute_output_shape(input_shape)
        if callable(self._output_shape):
            return self._output_shape(input_shape)
        first = input_shape
        while isinstance(first, (list, tuple)) and not _is_single_shape(first):
            first = first[0]
        batch_size = first[0] if first else None
        if _is_single_shape(self._output_shape):
            return (batch_size, *self._output_shape)
        return tree_api.map_shape_structure(
            lambda shape: (batch_size, *shape), self._output_shape
        )

    def compute_output_spec(self, *args, **kwargs):
        if self._output_shape is None:
            return backend.core.compute_output_spec(self.call, *args, **kwargs)
        return super().compute_output_spec(*args, **kwargs)

    def get_config(self):
        config = {
            **super().get_config(),
            "function": _serialize_callable(self.function),
        }
        if self._output_shape is not None:
            config["output_shape"] = (
                _serialize_callable(self._output_shape)
                if callable(self._output_shape)
                else self._output_shape
            )
        if callable(self.mask):
            config["mask"] = _serialize_callable(self.mask)
        elif self.mask is not None:
            # Tracked containers (TrackedList) serialize as plain values.
            config["mask"] = serialization_lib.serialize_keras_object(
                list(self.mask) if isinstance(self.mask, list) else self.mask
            )
        config["arguments"] = serialization_lib.serialize_keras_object(self.arguments)
        return config

    @classmethod
    def from_config(cls, config, custom_objects=None, safe_mode=None):
        """Creates the layer from its config, loading its functions.

        Args:
            config: The dict `get_config()` returned.
            custom_objects: Objects by name: named functions the config
                refers to, and globals of serialized lambdas.
            safe_mode: Whether to refuse serialized Python lambdas. By
                default, the enclosing loading call's setting, else True.

        Raises:
            ValueError: If the config holds a Python lambda in safe mode.
        """
        if safe_mode is None:
            safe_mode = serialization_lib.in_safe_mode()
        if safe_mode is None:
            safe_mode = True
        config = dict(config)
        for attribute in ("function", "output_shape", "mask"):
            value = config.get(attribute)
            if isinstance(value, dict) and value.get("class_name") == "__lambda__":
                if safe_mode:
                    raise ValueError(_UNSAFE_LAMBDA_ERROR.format(attribute=attribute))
                config[attribute] = serialization_lib.load_lambda(
                    value["config"], custom_objects
                )
            elif isinstance(value, dict):
                config[attribute] = serialization_lib.deserialize_keras_object(
                    value, custom_objects=custom_objects, safe_mode=safe_mode
                )
            elif attribute == "output_shape" and isinstance(value, list):
                config[attribute] = _as_tuples(value)
        if "arguments" in config:
            config["arguments"] = serialization_lib.deserialize_keras_object(
                config["arguments"], custom_objects=custom_objects, safe_mode=safe_mode
            )
        return super().from_config(config)


def _as_tuples(shape):
    if _is_single_shape(shape):
        return tuple(shape)
    return [_as_tuples(item) for item in shape]
