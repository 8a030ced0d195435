"""`Sequential`: a stack of layers, each feeding the next.

Once the input shape is known (from an `Input` first layer, a legacy
`input_shape=` argument, `build()`, or the first call) the stack is built
as a functional graph, which gives it `inputs`, `outputs`, mask passing
and per-layer output shapes for `summary()`.
"""

from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.layers.core.input_layer import Input
from keras_core._src.layers.core.input_layer import InputLayer
from keras_core._src.layers.layer import Layer
from keras_core._src.models.functional import Functional
from keras_core._src.models.model import Model
from keras_core._src.tree import tree_api


@keras_public("keras", "keras.models")
class Sequential(Model):
    """A model made of a plain stack of layers.

    Args:
        layers: The layers, in order (an `Input` may come first).
        trainable: Whether the model's weights are trained.
        name: The model's name.

    Example:

    >>> model = keras_core.Sequential([
    ...     keras_core.Input(shape=(16,)),
    ...     keras_core.layers.Dense(8, activation="relu"),
    ...     keras_core.layers.Dense(1),
    ... ])
    >>> model.output_shape
    (None, 1)
    """

    def __init__(self, layers=None, trainable=True, name=None):
        super().__init__(trainable=trainable, name=name)
        self.__dict__["_functional"] = None
        self.__dict__["_build_input_shape"] = None
        for layer in layers or ():
            self.add(layer, rebuild=False)
        if layers:
            self._maybe_rebuild()

    def add(self, layer, rebuild=True):
        """Appends a layer (or an `Input` tensor) to the stack.

        Args:
            layer: A Layer, or a KerasTensor from `keras_core.Input`.
            rebuild: Whether to rebuild the graph now, when the input shape
                is known.
        """
        if isinstance(layer, KerasTensor) and hasattr(layer, "_keras_history"):
            operation = layer._keras_history.operation
            if isinstance(operation, InputLayer):
                layer = operation
        if not isinstance(layer, Layer):
            raise ValueError(
                "Only instances of `keras_core.Layer` can be added to a "
                f"Sequential model. Received: {layer!r} (of type {type(layer)})"
            )
        if isinstance(layer, InputLayer) and self._layers:
            if isinstance(self._layers[0], InputLayer):
                raise ValueError(
                    f"Sequential model '{self.name}' has already been configured "
                    f"to use input shape {self._layers[0].batch_shape}. You "
                    "cannot add a different Input layer to it."
                )
            raise ValueError(
                f"Sequential model '{self.name}': an Input can only be the "
                "first layer. Add it before the other layers."
            )
        if any(existing.name == layer.name for existing in self._layers):
            raise ValueError(
                f"All layers added to a Sequential model should have unique "
                f"names. Name '{layer.name}' is already the name of a layer in "
                "this model. Update the `name` argument to pass a unique name."
            )
        self.__dict__["built"] = False
        self.__dict__["_functional"] = None
        self._track_value(layer)
        if rebuild:
            self._maybe_rebuild()

    def pop(self, rebuild=True):
        """Removes and returns the last layer of the stack."""
        layers = self.layers
        if not layers:
            raise IndexError(
                f"There are no layers in Sequential model '{self.name}' to pop."
            )
        layer = layers[-1]
        self.__dict__["built"] = False
        self.__dict__["_functional"] = None
        self._untrack_value(layer)
        if rebuild:
            self._maybe_rebuild()
        return layer

    @property
    def layers(self):
        """The layers of the stack (the InputLayer left out)."""
        return [layer for layer in self._layers if not isinstance(layer, InputLayer)]

    @layers.setter
    def layers(self, _):
        raise AttributeError(
            "`Model.layers` attribute is reserved and should not be used. "
            "Please use another name."
        )

    def _known_input_shape(self):
        if not self._layers:
            return None
        first = self._layers[0]
        if isinstance(first, InputLayer):
            return first.batch_shape
        return first.__dict__.get("_input_shape_arg")

    def _maybe_rebuild(self):
        shape = self._known_input_shape()
        if shape is not None and len(self._layers) > (
            1 if isinstance(self._layers[0], InputLayer) else 0
        ):
            self.build(shape)
        elif shape is not None:
            self.__dict__["_build_input_shape"] = shape

    def build(self, input_shape=None):
        """Builds the stack as a graph for inputs of `input_shape`.

        Args:
            input_shape: The batch input shape (with the batch dimension),
                needed unless the model starts with an `Input`.
        """
        if input_shape is None:
            input_shape = self._known_input_shape()
        if input_shape is None:
            raise ValueError(
                f"Sequential model '{self.name}' cannot be built because it has "
                "no input shape. Start it with keras_core.Input(shape=...), or "
                "call build(input_shape) with the batch shape."
            )
        if not self._layers:
            raise ValueError(
                f"Sequential model '{self.name}' has no layers. Add layers "
                "before building it."
            )
        first = self._layers[0]
        if isinstance(first, InputLayer):
            inputs = first.output
        else:
            dtype = getattr(first, "input_dtype", None)
            inputs = Input(batch_shape=tuple(input_shape), dtype=dtype)
            # The first layer records the InputLayer, so configs list it.
            self.__dict__["_layers"].insert(0, inputs._keras_history.operation)
        outputs = inputs
        for layer in self.layers:
            try:
                outputs = layer(outputs)
            except NotImplementedError:
                # A layer without symbolic support: run eagerly on first call.
                self.__dict__["_functional"] = None
                self.__dict__["built"] = True
                return
        self.__dict__["_functional"] = Functional(
            inputs=inputs, outputs=outputs, name=f"{self.name}_graph"
        )
        self.__dict__["_build_input_shape"] = tuple(input_shape)
        self.__dict__["_build_shapes_dict"] = {"input_shape": tuple(input_shape)}
        self.__dict__["built"] = True

    def call(self, inputs, training=None, mask=None, **kwargs):
        if self._functional is not None:
            return self._functional.call(inputs, training=training, mask=mask, **kwargs)
        outputs = inputs
        for layer in self.layers:
            arguments = {}
            info = layer._get_call_info()
            if info.accepts_training:
                arguments["training"] = training
            if mask is not None and info.accepts_mask:
                arguments["mask"] = mask
            outputs = layer(outputs, **arguments)
            mask = None
        return outputs

    def _maybe_build(self, args, kwargs):
        inputs = args[0] if args else kwargs.get("inputs")
        shape = tuple(inputs.shape) if hasattr(inputs, "shape") else None
        if shape is not None and self._layers:
            self.build((None, *shape[1:]))
        else:
            self.__dict__["built"] = True

    def compute_output_spec(self, inputs, training=None, mask=None, **kwargs):
        if self._functional is not None:
            return self._functional.compute_output_spec(
                inputs, training=training, mask=mask
            )
        outputs = inputs
        for layer in self.layers:
            outputs = layer.compute_output_spec(outputs)
        return outputs

    def compute_output_shape(self, input_shape):
        outputs = self.compute_output_spec(KerasTensor(input_shape))
        return tree_api.map_structure(lambda tensor: tensor.shape, outputs)

    def compute_mask(self, inputs, previous_mask):
        if self._functional is None:
            return None
        return self._functional.compute_mask(inputs, previous_mask)

    @property
    def inputs(self):
        self._require_graph("inputs")
        return self._functional.inputs

    @property
    def outputs(self):
        self._require_graph("outputs")
        return self._functional.outputs

    @property
    def input(self):
        self._require_graph("input")
        return self._functional.input

    @property
    def output(self):
        self._require_graph("output")
        return self._functional.output

    @property
    def input_shape(self):
        self._require_graph("input_shape")
        return self._functional.input_shape

    @property
    def output_shape(self):
        self._require_graph("output_shape")
        return self._functional.output_shape

    @property
    def input_dtype(self):
        first = self._layers[0] if self._layers else None
        if isinstance(first, InputLayer):
            return first.dtype
        return super().input_dtype

    def _require_graph(self, attribute):
        if self._functional is None:
            raise AttributeError(
                f"Sequential model '{self.name}' has no defined {attribute} yet: "
                "it is built when it knows its input shape. Start it with "
                "keras_core.Input(shape=...), call build(input_shape), or call "
                "it on data first."
            )

    def get_build_config(self):
        if self._build_input_shape is None:
            return None
        return {"input_shape": self._build_input_shape}

    def build_from_config(self, config):
        if config and config.get("input_shape") is not None and not self.built:
            self.build(config["input_shape"])

    def get_config(self):
        from keras_core._src.dtype_policies import serialization as dtype_policies
        from keras_core._src.saving import serialization_lib

        config = {
            "name": self.name,
            "trainable": self.trainable,
            "dtype": dtype_policies.serialize(self.dtype_policy),
            "layers": [
                serialization_lib.serialize_keras_object(layer)
                for layer in self._layers
            ],
        }
        if self._build_input_shape is not None:
            config["build_input_shape"] = self._build_input_shape
        return config

    @classmethod
    def from_config(cls, config, custom_objects=None):
        from keras_core._src.dtype_policies import serialization as dtype_policies
        from keras_core._src.saving import object_registration
        from keras_core._src.saving import serialization_lib

        with object_registration.CustomObjectScope(custom_objects):
            model = cls(
                name=config.get("name"), trainable=config.get("trainable", True)
            )
            if isinstance(config.get("dtype"), dict):
                model.dtype_policy = dtype_policies.deserialize(config["dtype"])
            for layer_config in config["layers"]:
                layer = serialization_lib.deserialize_keras_object(
                    layer_config, custom_objects=custom_objects
                )
                model.add(layer, rebuild=False)
            shape = config.get("build_input_shape")
            if shape is not None and not model.built:
                model.build(tuple(shape))
            elif model._known_input_shape() is not None:
                model._maybe_rebuild()
        return model
