"""Functional model configs in the Keras 3 layout, and rebuilding from them.

A config lists each layer (serialized) with its `inbound_nodes`: for each
call of the layer inside this model, the call's arguments with every
tensor written as `__keras_tensor__` naming the layer, node and output
index that made it. `input_layers`/`output_layers` name the model's
inputs and outputs the same way, in their structure (one, list or dict).
Node indices count only the calls that belong to this model.
"""

from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.saving import serialization_lib
from keras_core._src.tree import tree_api


def _kept_node_indices(model):
    """(id(operation), global node index) -> index among this model's nodes."""
    kept = {}
    counters = {}
    nodes = list(model._nodes)
    for tensor in model._inputs:
        history = tensor._keras_history
        nodes.insert(0, history.operation._inbound_nodes[history.node_index])
    for node in nodes:
        operation = node.operation
        global_index = next(
            i for i, other in enumerate(operation._inbound_nodes) if other is node
        )
        key = (id(operation), global_index)
        if key not in kept:
            kept[key] = counters.get(id(operation), 0)
            counters[id(operation)] = kept[key] + 1
    return kept


def graph_config(model):
    """The config of functional `model` (see the module docstring)."""
    kept = _kept_node_indices(model)

    def history_of(tensor):
        operation, node_index, tensor_index = tensor._keras_history
        return [operation.name, kept[(id(operation), node_index)], tensor_index]

    def serialize_argument(value):
        if isinstance(value, KerasTensor):
            return {
                "class_name": "__keras_tensor__",
                "config": {
                    "shape": value.shape,
                    "dtype": value.dtype,
                    "keras_history": history_of(value),
                },
            }
        return serialization_lib.serialize_keras_object(value)

    layer_configs = []
    for operation in model._operations:
        record = serialization_lib.serialize_keras_object(operation)
        record["name"] = operation.name
        nodes = []
        for global_index, node in enumerate(operation._inbound_nodes):
            if (id(operation), global_index) not in kept or not node.input_tensors:
                continue
            nodes.append(
                {
                    "args": tree_api.map_structure(
                        serialize_argument, list(node.call_args)
                    ),
                    "kwargs": tree_api.map_structure(
                        serialize_argument, dict(node.call_kwargs)
                    ),
                }
            )
        record["inbound_nodes"] = nodes
        layer_configs.append(record)

    def endpoints(structure):
        if isinstance(structure, KerasTensor):
            return history_of(structure)
        if isinstance(structure, dict):
            return {key: endpoints(value) for key, value in structure.items()}
        return [endpoints(value) for value in structure]

    return {
        "name": model.name,
        "trainable": model.trainable,
        "layers": layer_configs,
        "input_layers": endpoints(model._inputs_struct),
        "output_layers": endpoints(model._outputs_struct),
    }


def _is_endpoint(value):
    return (
        isinstance(value, (list, tuple))
        and len(value) == 3
        and isinstance(value[0], str)
        and isinstance(value[1], int)
        and isinstance(value[2], int)
    )


def rebuild_graph(config, custom_objects=None):
    """Recreates the layers of a functional config and calls them again.

    Returns:
        `(inputs, outputs, name, extra_kwargs)` for the Functional
        constructor.
    """
    layers = {}
    pending = []
    for layer_config in config["layers"]:
        layer = serialization_lib.deserialize_keras_object(
            layer_config, custom_objects=custom_objects
        )
        name = layer_config.get("name", layer.name)
        layers[name] = layer
        for node_config in layer_config.get("inbound_nodes", []):
            pending.append((name, node_config))
    # (layer name, node index) -> the output tensors of that call.
    made = {}
    for name, layer in layers.items():
        output = getattr(layer, "_input_tensor", None)
        if output is not None:
            made[(name, 0)] = [output]
    call_counts = {}

    def resolve(value):
        if isinstance(value, dict) and value.get("class_name") == "__keras_tensor__":
            layer_name, node_index, tensor_index = value["config"]["keras_history"]
            outputs = made.get((layer_name, node_index))
            if outputs is None:
                raise LookupError(layer_name)
            return outputs[tensor_index]
        if isinstance(value, dict):
            if "class_name" in value and "config" in value:
                return serialization_lib.deserialize_keras_object(
                    value, custom_objects=custom_objects
                )
            return {key: resolve(item) for key, item in value.items()}
        if isinstance(value, list):
            return [resolve(item) for item in value]
        return value

    while pending:
        progressed = False
        remaining = []
        for name, node_config in pending:
            try:
                args = resolve(node_config.get("args", []))
                kwargs = resolve(node_config.get("kwargs", {}))
            except LookupError:
                remaining.append((name, node_config))
                continue
            outputs = layers[name](*args, **kwargs)
            index = call_counts.get(name, 1 if (name, 0) in made else 0)
            made[(name, index)] = tree_api.flatten(outputs)
            call_counts[name] = index + 1
            progressed = True
        if not progressed:
            missing = sorted({name for name, _ in remaining})
            raise ValueError(
                "Cannot rebuild the functional model from its config: the "
                f"inputs of layers {missing} are never produced. The config "
                "may be truncated or edited by hand."
            )
        pending = remaining

    def endpoints(structure):
        if _is_endpoint(structure):
            layer_name, node_index, tensor_index = structure
            return made[(layer_name, node_index)][tensor_index]
        if isinstance(structure, dict):
            return {key: endpoints(value) for key, value in structure.items()}
        return [endpoints(value) for value in structure]

    inputs = endpoints(config["input_layers"])
    outputs = endpoints(config["output_layers"])
    extra = {"trainable": config.get("trainable", True)}
    return inputs, outputs, config.get("name"), extra
