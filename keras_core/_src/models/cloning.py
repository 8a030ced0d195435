"""`clone_model`: a copy of a model with new layers, hence new weights.

A Sequential model is rebuilt from clones of its layers; a functional model
is rebuilt by replaying its graph on new inputs, each layer replaced by its
clone (a layer shared by several calls is cloned once, so it stays shared).
Any other model is recreated from its config.
"""

from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.layers.core.input_layer import InputLayer
from keras_core._src.layers.layer import Layer
from keras_core._src.models import graph
from keras_core._src.models.functional import Functional
from keras_core._src.models.sequential import Sequential
from keras_core._src.tree import tree_api


@keras_public("keras.models")
def clone_model(
    model,
    input_tensors=None,
    clone_function=None,
    call_function=None,
    recursive=False,
    **kwargs,
):
    """Returns a copy of a model with newly made layers and weights.

    Cloning is like calling the model on new inputs, except that every layer
    is replaced by a new one (with freshly initialized weights, not shared
    with the original).

    Args:
        model: A `keras_core.Model`. Sequential and functional models are
            rebuilt layer by layer; other models are recreated with
            `model.__class__.from_config(model.get_config())`.
        input_tensors: Optional input tensors (from `keras_core.Input`) to
            build the clone on, in the structure of `model.input` (a single
            tensor for a Sequential model). New inputs by default.
        clone_function: Called as `clone_function(layer)` on each layer
            (not on inputs), returning the layer to use in the copy. By
            default `layer.__class__.from_config(layer.get_config())`.
        call_function: Called as `call_function(layer, *args, **kwargs)` to
            call each cloned layer of a functional model, returning its
            outputs. By default `layer(*args, **kwargs)`.
        recursive: Whether nested Sequential and functional models are
            cloned with `clone_model` (so `clone_function` reaches their
            layers) instead of with `clone_function` itself.
        **kwargs: No other arguments are accepted.

    Returns:
        A new model of the same structure.

    Example:

    >>> model = keras_core.Sequential([keras_core.Input((4,)),
    ...                                keras_core.layers.Dense(2)])
    >>> copy = keras_core.models.clone_model(model)
    >>> copy.layers[0] is model.layers[0]
    False
    """
    if kwargs:
        raise ValueError(
            f"Unexpected keyword argument(s): {tuple(kwargs)}. clone_model() "
            "accepts `input_tensors`, `clone_function`, `call_function` and "
            "`recursive`."
        )
    if clone_function is not None and not callable(clone_function):
        raise TypeError(
            "clone_model: `clone_function` must be a callable taking a layer "
            f"and returning a layer. Received: clone_function={clone_function!r}"
        )
    if call_function is not None and not callable(call_function):
        raise TypeError(
            "clone_model: `call_function` must be a callable "
            "`fn(layer, *args, **kwargs)`. Received: "
            f"call_function={call_function!r}"
        )
    cloner = _LayerCloner(clone_function, call_function, recursive)
    if isinstance(model, Sequential):
        if call_function is not None:
            raise ValueError(
                "`call_function` argument is not supported with Sequential "
                "models. In a Sequential model, layers aren't called at "
                "model-construction time (they're merely listed). Use "
                "`call_function` with Functional models only. Received model "
                f"of type '{type(model).__name__}', with "
                f"call_function={call_function!r}"
            )
        return _clone_sequential(model, input_tensors, cloner)
    if isinstance(model, Functional):
        return _clone_functional(model, input_tensors, cloner)
    if clone_function is not None or input_tensors is not None:
        raise ValueError(
            "Arguments `clone_function` and `input_tensors` are only supported "
            "for Sequential models or Functional models. Received model of "
            f"type '{type(model).__name__}', with "
            f"clone_function={clone_function!r} and "
            f"input_tensors={input_tensors!r}"
        )
    if call_function is not None:
        raise ValueError(
            "Argument `call_function` is only supported for Functional "
            f"models. Received model of type '{type(model).__name__}', with "
            f"call_function={call_function!r}"
        )
    return _clone_from_config(model)


class _LayerCloner:
    """Clones each layer once (shared layers stay shared in the copy)."""

    def __init__(self, clone_function, call_function, recursive):
        self.clone_function = clone_function
        self.call_function = call_function
        self.recursive = recursive
        self.clones = {}

    def clone(self, layer):
        made = self.clones.get(id(layer))
        if made is not None:
            return made
        if self.recursive and isinstance(layer, (Sequential, Functional)):
            made = clone_model(
                layer,
                clone_function=self.clone_function,
                call_function=(
                    None if isinstance(layer, Sequential) else self.call_function
                ),
                recursive=True,
            )
        elif self.clone_function is not None:
            made = self.clone_function(layer)
        else:
            made = layer.__class__.from_config(layer.get_config())
        if not isinstance(made, Layer):
            raise ValueError(
                "clone_model: `clone_function` must return a keras_core Layer. "
                f"For layer '{layer.name}' it returned {made!r} (of type "
                f"{type(made).__name__})."
            )
        self.clones[id(layer)] = made
        return made

    def call(self, layer, args, kwargs):
        if self.call_function is None:
            return layer(*args, **kwargs)
        return self.call_function(layer, *args, **kwargs)


def _new_input(input_layer):
    return InputLayer(**input_layer.get_config()).output


def _sequential_input(input_tensors):
    if isinstance(input_tensors, (list, tuple)):
        if len(input_tensors) != 1:
            raise ValueError(
                "Argument `input_tensors` must contain a single tensor. "
                f"Received {len(input_tensors)} tensors: "
                f"input_tensors={input_tensors!r}"
            )
        input_tensors = input_tensors[0]
    if not isinstance(input_tensors, KerasTensor):
        raise ValueError(
            "Argument `input_tensors` must be a KerasTensor. Received invalid "
            f"value: input_tensors={input_tensors!r}"
        )
    history = getattr(input_tensors, "_keras_history", None)
    if history is None or not isinstance(history.operation, InputLayer):
        raise ValueError(
            "clone_model: the tensor in `input_tensors` of a Sequential model "
            "must come from keras_core.Input(...). Received: "
            f"input_tensors={input_tensors!r}"
        )
    return input_tensors


def _clone_sequential(model, input_tensors, cloner):
    new_layers = []
    if input_tensors is not None:
        new_layers.append(_sequential_input(input_tensors))
    for layer in model._layers:
        if isinstance(layer, InputLayer):
            if input_tensors is None:
                new_layers.append(_new_input(layer))
        else:
            new_layers.append(cloner.clone(layer))
    return Sequential(layers=new_layers, name=model.name, trainable=model.trainable)


def _functional_inputs(model, input_tensors):
    if input_tensors is None:
        return tree_api.map_structure(
            lambda tensor: _new_input(tensor._keras_history.operation),
            model._inputs_struct,
        )
    reference = model._inputs_struct
    given = input_tensors
    if isinstance(given, tuple):
        given = list(given)
    if isinstance(reference, list) and not isinstance(given, (list, dict)):
        given = [given]
    if _structure(given) != _structure(reference):
        raise ValueError(
            "`input_tensors` must have the same structure as model.input\n"
            f"Reference structure: {reference}\nReceived structure: {given}"
        )
    flat = tree_api.flatten(given)
    if not all(isinstance(tensor, KerasTensor) for tensor in flat):
        raise ValueError(
            "All entries in `input_tensors` must be KerasTensors. Received "
            f"invalid values: inputs_tensors={input_tensors!r}"
        )
    return given


def _structure(value):
    """The nesting of `value` with its leaves left out, for comparison."""
    if isinstance(value, dict):
        return {key: _structure(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_structure(item) for item in value]
    return None


def _clone_functional(model, input_tensors, cloner):
    new_inputs = _functional_inputs(model, input_tensors)
    values = {
        id(old): new
        for old, new in zip(model._inputs, tree_api.flatten(new_inputs), strict=True)
    }
    for node in model._nodes:
        operation = node.operation
        args = graph.substitute(node.call_args, values)
        kwargs = graph.substitute(node.call_kwargs, values)
        if isinstance(operation, Layer):
            outputs = cloner.call(cloner.clone(operation), args, kwargs)
        else:
            # Ops hold no state: the same op is called on the new tensors.
            outputs = operation(*args, **kwargs)
        for old, new in zip(node.outputs, tree_api.flatten(outputs), strict=False):
            values[id(old)] = new
    new_outputs = tree_api.pack_sequence_as(
        model._outputs_struct, [values[id(tensor)] for tensor in model._outputs]
    )
    return Functional(
        inputs=new_inputs,
        outputs=new_outputs,
        name=model.name,
        trainable=model.trainable,
    )


def _clone_from_config(model):
    clone = model.__class__.from_config(model.get_config())
    build_config = model.get_build_config()
    if build_config and not clone.built:
        clone.build_from_config(build_config)
    return clone
