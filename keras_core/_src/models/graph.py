"""The graph of a functional model, read back from its output tensors.

Every KerasTensor made by an operation call knows the Node that made it
(`_keras_history`). Walking those records back from the outputs gives the
nodes the model runs, in an order where each node comes after the nodes
that make its inputs; running the model means calling each node's
operation again on real values (or on new symbolic tensors).
"""

from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.tree import tree_api


def _describe_tensor(tensor):
    history = getattr(tensor, "_keras_history", None)
    origin = f" made by {history.operation.name!r}" if history else ""
    return f"<KerasTensor {tensor.name!r} shape={tensor.shape}{origin}>"


def collect_nodes(input_tensors, output_tensors, model_name):
    """Returns the nodes between inputs and outputs, inputs first.

    Raises:
        ValueError: When an output depends on a tensor that is not among
            the inputs (a disconnected graph).
    """
    input_ids = {id(tensor) for tensor in input_tensors}
    ordered = []
    state = {}  # id(node) -> "visiting" | "done"

    def visit(tensor, consumer):
        if id(tensor) in input_ids:
            return
        history = getattr(tensor, "_keras_history", None)
        if history is None:
            raise ValueError(
                f"Graph disconnected in model '{model_name}': the tensor "
                f"{_describe_tensor(tensor)}, an input of "
                f"{consumer!r}, was not made by any layer or op and is not "
                "one of the model inputs. Pass it in `inputs`, or build it "
                "from the inputs with keras_core.Input()."
            )
        node = history.operation._inbound_nodes[history.node_index]
        status = state.get(id(node))
        if status == "done":
            return
        if status == "visiting":
            raise ValueError(f"Model '{model_name}': the graph has a cycle.")
        if (
            not node.input_tensors
            and getattr(history.operation, "_input_tensor", None) is not None
        ):
            # An Input that is not among the model inputs.
            raise ValueError(
                f"Graph disconnected in model '{model_name}': cannot obtain "
                f"the value of {_describe_tensor(tensor)}, which "
                f"{consumer!r} needs. It comes from Input "
                f"'{history.operation.name}', which is not in the model's "
                "`inputs`. Add it to `inputs`."
            )
        state[id(node)] = "visiting"
        for parent in node.input_tensors:
            visit(parent, history.operation.name)
        state[id(node)] = "done"
        ordered.append(node)

    for tensor in output_tensors:
        visit(tensor, "the model outputs")
    return ordered


def order_by_depth(nodes, input_tensors, output_tensors):
    """Orders the graph as Keras does: deepest first, ties in visit order.

    A node's depth is its distance from the outputs (nodes making outputs
    have depth 0, their inputs' makers depth 1, ...). Running nodes by
    decreasing depth respects every dependency, and listing operations the
    same way gives `model.layers` the order Keras gives it.

    Args:
        nodes: The nodes from `collect_nodes`, in depth-first visit order.
        input_tensors: The graph's input KerasTensors.
        output_tensors: The graph's output KerasTensors.

    Returns:
        `(nodes, operations)`: the nodes in run order, and every operation
        (input layers included) once, in the same order.
    """
    node_ids = {id(node) for node in nodes}
    depth = {}
    for tensor in output_tensors:
        history = getattr(tensor, "_keras_history", None)
        if history is not None:
            node = history.operation._inbound_nodes[history.node_index]
            if id(node) in node_ids:
                depth[id(node)] = 0
    input_depth = {}
    for node in reversed(nodes):
        node_depth = depth.setdefault(id(node), 0)
        for parent in node.input_tensors:
            history = getattr(parent, "_keras_history", None)
            parent_node = (
                history.operation._inbound_nodes[history.node_index]
                if history is not None
                else None
            )
            if parent_node is not None and id(parent_node) in node_ids:
                depth[id(parent_node)] = max(
                    depth.get(id(parent_node), 0), node_depth + 1
                )
            else:
                input_depth[id(parent)] = max(
                    input_depth.get(id(parent), 0), node_depth + 1
                )
    for tensor in output_tensors:
        input_depth.setdefault(id(tensor), 0)
    entries = []  # (depth, position, operation or node)
    for position, tensor in enumerate(input_tensors):
        history = getattr(tensor, "_keras_history", None)
        if history is not None:
            entries.append(
                (input_depth.get(id(tensor), 0), position, history.operation)
            )
    offset = len(entries)
    for position, node in enumerate(nodes):
        entries.append((depth[id(node)], offset + position, node))
    entries.sort(key=lambda entry: (-entry[0], entry[1]))
    ordered_nodes = [item for _, _, item in entries if id(item) in node_ids]
    operations = []
    seen = set()
    for _, _, item in entries:
        operation = item.operation if id(item) in node_ids else item
        if id(operation) not in seen:
            seen.add(id(operation))
            operations.append(operation)
    return ordered_nodes, operations


def substitute(structure, values):
    """`structure` with each KerasTensor replaced by `values[id(tensor)]`."""

    def replace(leaf):
        if isinstance(leaf, KerasTensor):
            return values[id(leaf)]
        return leaf

    return tree_api.map_structure(replace, structure)


def _flat_plan(structure):
    """Per entry of a flat tuple/dict: the id of its KerasTensor, or None.

    None for the whole structure when an entry is itself nested (a list of
    tensors, say): those calls take the general `substitute`.
    """
    items = structure.items() if isinstance(structure, dict) else enumerate(structure)
    plan = []
    for key, leaf in items:
        if isinstance(leaf, KerasTensor):
            plan.append((key, id(leaf)))
        elif isinstance(leaf, (list, tuple, dict)):
            return None
    return plan


class _NodePlan:
    """How one node's arguments are filled in at each replay, worked out once.

    Replaying a model runs every node on every call (each training step on
    eager backends), so walking the argument structures there costs time
    on the hot path. Most nodes take tensors as flat positional or keyword
    arguments; for them the positions are recorded here.
    """

    def __init__(self, node):
        self.args_plan = _flat_plan(node.call_args)
        self.kwargs_plan = _flat_plan(node.call_kwargs)
        self.single_output = len(node.outputs) == 1 and isinstance(
            node.output_structure, KerasTensor
        )

    def arguments(self, node, tensor_values):
        if self.args_plan is None:
            args = substitute(node.call_args, tensor_values)
        elif self.args_plan:
            args = list(node.call_args)
            for position, tensor_id in self.args_plan:
                args[position] = tensor_values[tensor_id]
        else:
            args = node.call_args
        if self.kwargs_plan is None:
            kwargs = substitute(node.call_kwargs, tensor_values)
        else:
            kwargs = dict(node.call_kwargs)
            for key, tensor_id in self.kwargs_plan:
                kwargs[key] = tensor_values[tensor_id]
        return args, kwargs


def _node_plan(node):
    plan = node.__dict__.get("_replay_plan")
    if plan is None:
        plan = node.__dict__["_replay_plan"] = _NodePlan(node)
    return plan


def replay(nodes, input_tensors, output_tensors, values, call_node=None):
    """Runs the graph on `values` (one per input tensor), returns the outputs.

    Args:
        nodes: The nodes from `collect_nodes`.
        input_tensors: The graph's input KerasTensors.
        output_tensors: The graph's output KerasTensors.
        values: The values standing for `input_tensors`, in order.
        call_node: `call_node(operation, args, kwargs)` runs one node; the
            default calls the operation.
    """
    tensor_values = {
        id(tensor): value for tensor, value in zip(input_tensors, values, strict=True)
    }
    for node in nodes:
        plan = _node_plan(node)
        args, kwargs = plan.arguments(node, tensor_values)
        if call_node is None:
            outputs = node.operation(*args, **kwargs)
        else:
            outputs = call_node(node.operation, args, kwargs)
        if plan.single_output:
            tensor_values[id(node.outputs[0])] = outputs
            continue
        for tensor, value in zip(node.outputs, tree_api.flatten(outputs), strict=False):
            tensor_values[id(tensor)] = value
    return [tensor_values[id(tensor)] for tensor in output_tensors]
