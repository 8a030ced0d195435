"""`Functional`: a model defined by a graph from input to output tensors.

Made by `keras_core.Model(inputs, outputs)`. The graph is read once at
construction (`graph.collect_nodes`); calling the model replays each node's
operation on the call's values, passing masks along, and a symbolic call
(the model nested in another functional model) replays output specs.
"""

from keras_core import ops
from keras_core._src import backend
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.layers import call_context
from keras_core._src.layers.layer import Layer
from keras_core._src.layers.layer import _is_native_tensor
from keras_core._src.models import graph
from keras_core._src.models.model import Model
from keras_core._src.tree import tree_api


def _check_structure(structure, label, model_name):
    for leaf in tree_api.flatten(structure):
        if not isinstance(leaf, KerasTensor):
            raise ValueError(
                f"All `{label}` values of model '{model_name}' must be "
                "KerasTensors (made by keras_core.Input() or by calling layers "
                f"on them). Received: {label}={structure!r}, which holds "
                f"{leaf!r} of type {type(leaf).__name__}."
            )


def _as_plain_structure(structure):
    """Lists for tuples, so `inputs`/`outputs` structures compare simply."""
    if isinstance(structure, tuple):
        return list(structure)
    return structure


# Keras writes functional models under their internal module path.
@keras_public("keras.src.models.functional", "keras", name="Functional")
class Functional(Model):
    """A model whose computation is a graph of layer calls on tensors.

    Args:
        inputs: The input KerasTensor(s): one, a list, or a dict.
        outputs: The output KerasTensor(s): one, a list, or a dict.
        name: The model's name.
        **kwargs: `trainable` (and other base Layer arguments).

    Example:

    >>> inputs = keras_core.Input(shape=(4,))
    >>> outputs = keras_core.layers.Dense(2)(inputs)
    >>> model = keras_core.Model(inputs, outputs)
    >>> model(numpy.ones((3, 4))).shape
    (3, 2)
    """

    def __init__(self, inputs, outputs, name=None, **kwargs):
        model_name = name or "model"
        _check_structure(inputs, "inputs", model_name)
        _check_structure(outputs, "outputs", model_name)
        trainable = kwargs.pop("trainable", True)
        Layer.__init__(self, trainable=trainable, name=name, **kwargs)
        self._inputs_struct = _as_plain_structure(inputs)
        self._outputs_struct = _as_plain_structure(outputs)
        self._inputs = tree_api.flatten(self._inputs_struct)
        self._outputs = tree_api.flatten(self._outputs_struct)
        nodes = graph.collect_nodes(self._inputs, self._outputs, self.name)
        self._nodes, operations = graph.order_by_depth(
            nodes, self._inputs, self._outputs
        )
        self._operations = operations
        for operation in operations:
            if isinstance(operation, Layer):
                self._track_value(operation)
        self._last_output_masks = None
        self._supports_masking = True
        self.built = True

    # Structure.

    @property
    def inputs(self):
        """The input KerasTensors, as a flat list."""
        return list(self._inputs)

    @property
    def outputs(self):
        """The output KerasTensors, as a flat list."""
        return list(self._outputs)

    @property
    def input(self):
        """The inputs as given to the constructor (tensor, list or dict)."""
        return self._inputs_struct

    @property
    def output(self):
        """The outputs as given to the constructor (tensor, list or dict)."""
        return self._outputs_struct

    @property
    def input_shape(self):
        """The shape(s) of the inputs, in the inputs' structure."""
        return tree_api.map_structure(lambda t: t.shape, self._inputs_struct)

    @property
    def output_shape(self):
        """The shape(s) of the outputs, in the outputs' structure."""
        return tree_api.map_structure(lambda t: t.shape, self._outputs_struct)

    @property
    def operations(self):
        """Every operation of the graph (layers and ops), in run order."""
        return list(self._operations)

    @property
    def input_spec(self):
        return None

    @input_spec.setter
    def input_spec(self, value):
        self.__dict__["_input_spec"] = value

    def get_build_config(self):
        # Built from its graph, not from shapes; Keras records no shape.
        return {"input_shape": None}

    def build(self, input_shape):
        """Functional models are built when created: nothing to do."""
        self.built = True

    # Running the graph.

    def _flatten_call_inputs(self, inputs):
        struct = self._inputs_struct
        if type(struct) is KerasTensor and _is_native_tensor(inputs):
            # One input given as a tensor (the hot path of eager calls).
            return [self._convert_input(inputs, struct)]
        if isinstance(struct, dict) and isinstance(inputs, dict):
            missing = [key for key in struct if key not in inputs]
            if missing:
                raise ValueError(
                    f"Model '{self.name}' is missing inputs {missing}. It "
                    f"expects a dict with keys {sorted(struct)}; received keys "
                    f"{sorted(inputs)}."
                )
            values = tree_api.flatten({key: inputs[key] for key in struct})
        elif isinstance(struct, KerasTensor) and isinstance(inputs, (list, tuple)):
            values = list(inputs)
        else:
            values = tree_api.flatten(inputs)
        if len(values) != len(self._inputs):
            raise ValueError(
                f"Model '{self.name}' expects {len(self._inputs)} input(s) "
                f"({[t.name for t in self._inputs]}), but it received "
                f"{len(values)} input tensors. Pass them as "
                f"{'a dict' if isinstance(struct, dict) else 'a list'} in the "
                "order the model was built with."
            )
        converted = []
        for value, tensor in zip(values, self._inputs, strict=True):
            if value is None:
                if not getattr(tensor, "_optional", False):
                    raise ValueError(
                        f"Model '{self.name}' received None for input "
                        f"'{tensor.name}', which is not optional."
                    )
                converted.append(None)
                continue
            converted.append(self._convert_input(value, tensor))
        return converted

    def _convert_input(self, value, tensor):
        if isinstance(value, KerasTensor):
            return value
        if backend.core.is_tensor(value) and (
            standardize_dtype(value.dtype) == tensor.dtype
        ):
            return value
        if tensor.sparse or tensor.ragged:
            return value
        return ops.convert_to_tensor(value, dtype=tensor.dtype)

    def call(self, inputs, training=None, mask=None, **kwargs):
        values = self._flatten_call_inputs(inputs)
        with call_context.call_context() as context:
            if mask is not None:
                for value, item_mask in zip(
                    values, tree_api.flatten(mask), strict=False
                ):
                    if value is not None and item_mask is not None:
                        call_context.set_mask(value, item_mask, context)
            outputs = self._run(values, training, kwargs, context)
            # Through __dict__: a list set as an attribute would be wrapped
            # for tracking, on every call.
            self.__dict__["_last_output_masks"] = [
                call_context.get_mask(tensor, context) for tensor in outputs
            ]
        if type(self._outputs_struct) is KerasTensor:
            return outputs[0]
        return tree_api.pack_sequence_as(self._outputs_struct, outputs)

    def _run(self, values, training, kwargs, context):
        def call_node(operation, args, call_kwargs):
            if isinstance(operation, Layer):
                accepts = operation._get_call_info()
                if accepts.accepts_training and "training" not in call_kwargs:
                    call_kwargs["training"] = training
                for key, value in kwargs.items():
                    if key in accepts.parameter_names and key not in call_kwargs:
                        call_kwargs[key] = value
            return operation(*args, **call_kwargs)

        return graph.replay(self._nodes, self._inputs, self._outputs, values, call_node)

    def compute_output_spec(self, inputs, training=None, mask=None):
        values = self._flatten_call_inputs(inputs)
        tensor_values = {
            id(tensor): value
            for tensor, value in zip(self._inputs, values, strict=True)
        }
        masks = {}
        for tensor, value in zip(self._inputs, values, strict=True):
            masks[id(tensor)] = getattr(value, "_keras_mask", None)
        if mask is not None:
            for tensor, item_mask in zip(
                self._inputs, tree_api.flatten(mask), strict=False
            ):
                masks[id(tensor)] = item_mask
        for node in self._nodes:
            operation = node.operation
            args = graph.substitute(node.call_args, tensor_values)
            call_kwargs = graph.substitute(node.call_kwargs, tensor_values)
            first = node.call_args[0] if node.call_args else None
            input_mask = None
            if isinstance(first, KerasTensor):
                input_mask = masks.get(id(first))
            elif isinstance(first, (list, tuple)):
                found = [masks.get(id(t)) for t in first if isinstance(t, KerasTensor)]
                input_mask = None if all(m is None for m in found) else found
            if isinstance(operation, Layer):
                info = operation._get_call_info()
                if (
                    info.accepts_mask
                    and call_kwargs.get("mask") is None
                    and input_mask is not None
                ):
                    call_kwargs["mask"] = input_mask
            outputs = operation.compute_output_spec(*args, **call_kwargs)
            output_mask = None
            if isinstance(operation, Layer) and operation.supports_masking:
                output_mask = operation.compute_mask(
                    args[0] if args else None, input_mask
                )
            flat_outputs = tree_api.flatten(outputs)
            flat_masks = (
                tree_api.flatten(output_mask)
                if isinstance(output_mask, (list, tuple))
                else [output_mask] * len(flat_outputs)
            )
            for tensor, value, item_mask in zip(
                node.outputs, flat_outputs, flat_masks, strict=False
            ):
                tensor_values[id(tensor)] = value
                masks[id(tensor)] = item_mask
        outputs = [tensor_values[id(tensor)] for tensor in self._outputs]
        self._last_output_masks = [masks.get(id(tensor)) for tensor in self._outputs]
        return tree_api.pack_sequence_as(self._outputs_struct, outputs)

    def compute_output_shape(self, input_shape):
        inputs = tree_api.map_shape_structure(
            lambda shape: KerasTensor(shape), input_shape
        )
        outputs = self.compute_output_spec(inputs)
        return tree_api.map_structure(lambda tensor: tensor.shape, outputs)

    def compute_mask(self, inputs, previous_mask):
        masks = self._last_output_masks
        if not masks or all(m is None for m in masks):
            return None
        if len(masks) == 1:
            return masks[0]
        return masks

    # Serialization.

    def get_config(self):
        from keras_core._src.models import functional_config

        return functional_config.graph_config(self)
