"""`Model`: a layer with training and saving, subclassed or functional.

`keras_core.Model(inputs, outputs)` returns a `Functional` model. A class
deriving from `Model` either defines `call` (a subclassed model) or passes
`inputs` and `outputs` to `super().__init__` (a functional model with
extra methods: the instance then becomes a Functional too).
"""

import json

from keras_core._src import backend
from keras_core._src.api_export import keras_public
from keras_core._src.layers.layer import Layer
from keras_core._src.models.model_saving import ModelSavingMixin
from keras_core._src.trainers.trainer import Trainer


def _is_functional_call(args, kwargs):
    return ("inputs" in kwargs and "outputs" in kwargs) or (
        len(args) >= 2 or (len(args) == 1 and "outputs" in kwargs)
    )


@keras_public("keras", "keras.models")
class Model(backend.BackendTrainer, Trainer, ModelSavingMixin, Layer):
    """Groups layers into an object with training and inference features.

    Build one either functionally, from `keras_core.Input` tensors to output
    tensors:

    >>> inputs = keras_core.Input(shape=(3,))
    >>> outputs = keras_core.layers.Dense(2)(inputs)
    >>> model = keras_core.Model(inputs=inputs, outputs=outputs)

    or by subclassing, creating layers in `__init__` and using them in
    `call`:

    >>> class TwoLayers(keras_core.Model):
    ...     def __init__(self):
    ...         super().__init__()
    ...         self.hidden = keras_core.layers.Dense(8, activation="relu")
    ...         self.head = keras_core.layers.Dense(1)
    ...     def call(self, inputs):
    ...         return self.head(self.hidden(inputs))

    Args:
        *args: `inputs` and `outputs` for a functional model.
        **kwargs: `inputs`, `outputs`, and the base Layer arguments
            (`name`, `trainable`, `dtype`).
    """

    def __new__(cls, *args, **kwargs):
        if cls is Model and _is_functional_call(args, kwargs):
            from keras_core._src.models.functional import Functional

            return Functional.__new__(Functional, *args, **kwargs)
        return super().__new__(cls, *args, **kwargs)

    def __init__(self, *args, **kwargs):
        from keras_core._src.models.functional import Functional

        if _is_functional_call(args, kwargs) and not isinstance(self, Functional):
            # A subclass passing inputs/outputs: make it functional too.
            self.__class__ = _functional_subclass(type(self))
            Functional.__init__(self, *args, **kwargs)
            return
        if args:
            raise TypeError(
                f"{type(self).__name__}() got positional arguments {args!r}. "
                "A Model takes `inputs` and `outputs` (for a functional "
                "model), or keyword arguments such as `name`."
            )
        trainable = kwargs.pop("trainable", True)
        name = kwargs.pop("name", None)
        dtype = kwargs.pop("dtype", None)
        Layer.__init__(self, trainable=trainable, name=name, dtype=dtype, **kwargs)

    @property
    def layers(self):
        """The model's layers (direct sub-layers for subclassed models)."""
        return list(self._layers)

    @layers.setter
    def layers(self, _):
        raise AttributeError(
            "`Model.layers` attribute is reserved and should not be used. "
            "Please use another name."
        )

    def get_layer(self, name=None, index=None):
        """Returns a layer of the model, by name or by position.

        Args:
            name: The layer's name.
            index: Its position in `layers` (used when `name` is None).

        Example:

        >>> model.get_layer("dense").units
        """
        if index is not None and name is not None:
            raise ValueError(
                "Provide only a layer name or a layer index. Received: "
                f"index={index}, name={name}."
            )
        if index is not None:
            if len(self.layers) <= index:
                raise ValueError(
                    f"Was asked to retrieve layer at index {index} but model "
                    f"'{self.name}' only has {len(self.layers)} layers."
                )
            return self.layers[index]
        if name is not None:
            for layer in self.layers:
                if layer.name == name:
                    return layer
            raise ValueError(
                f"No such layer: {name}. Existing layers are: "
                f"{[layer.name for layer in self.layers]}."
            )
        raise ValueError("Provide either a layer name or layer index at `get_layer`.")

    def summary(
        self,
        line_length=None,
        positions=None,
        print_fn=None,
        expand_nested=False,
        show_trainable=False,
        layer_range=None,
    ):
        """Prints a table of the layers, output shapes and parameter counts.

        Args:
            line_length: The table width in characters.
            positions: Where columns end, as fractions of the width or as
                character positions.
            print_fn: Called with the text instead of printing it.
            expand_nested: Whether to list the layers of nested models.
            show_trainable: Whether to add a column saying if each layer is
                trainable.
            layer_range: Two layer names (or a list of two) bounding the
                rows shown.
        """
        from keras_core._src.utils import summary_utils

        summary_utils.print_summary(
            self,
            line_length=line_length,
            positions=positions,
            print_fn=print_fn,
            expand_nested=expand_nested,
            show_trainable=show_trainable,
            layer_range=layer_range,
        )

    def to_json(self, **kwargs):
        """Returns the model's serialized config as a JSON string.

        Args:
            **kwargs: Passed to `json.dumps` (such as `indent=2`).

        Example:

        >>> config = model.to_json()
        >>> restored = keras_core.models.model_from_json(config)
        """
        from keras_core._src.saving import serialization_lib

        record = serialization_lib.serialize_keras_object(self)
        return json.dumps(record, default=_json_default, **kwargs)

    @classmethod
    def from_config(cls, config, custom_objects=None):
        """Creates a model from its config (functional configs included)."""
        from keras_core._src.models import functional_config
        from keras_core._src.models.functional import Functional
        from keras_core._src.saving import object_registration

        is_graph = "layers" in config and "output_layers" in config
        if is_graph and (cls is Model or issubclass(cls, Functional)):
            with object_registration.CustomObjectScope(custom_objects):
                inputs, outputs, name, extra = functional_config.rebuild_graph(
                    config, custom_objects
                )
            if cls is Model or cls is Functional:
                return Functional(inputs=inputs, outputs=outputs, name=name, **extra)
            return cls(inputs=inputs, outputs=outputs, name=name, **extra)
        with object_registration.CustomObjectScope(custom_objects):
            return super().from_config(config)


def _json_default(value):
    if hasattr(value, "tolist"):
        return value.tolist()
    if hasattr(value, "item"):
        return value.item()
    raise TypeError(f"Cannot write {value!r} to JSON.")


_FUNCTIONAL_SUBCLASSES = {}


def _functional_subclass(model_class):
    from keras_core._src.models.functional import Functional

    made = _FUNCTIONAL_SUBCLASSES.get(model_class)
    if made is None:
        made = type(model_class.__name__, (model_class, Functional), {})
        made.__module__ = model_class.__module__
        made.__qualname__ = model_class.__qualname__
        _FUNCTIONAL_SUBCLASSES[model_class] = made
    return made
