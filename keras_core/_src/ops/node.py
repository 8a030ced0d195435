"""Nodes: the record of one operation call on symbolic tensors.

Calling an operation on KerasTensors makes a Node that remembers the
operation, its arguments and its outputs, and stamps each output with a
`KerasHistory` pointing back at it. A functional model is read back from
its outputs by following these records.
"""

import collections

from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.tree import tree_api

KerasHistory = collections.namedtuple(
    "KerasHistory", ["operation", "node_index", "tensor_index"]
)


class Node:
    """One call of `operation` on `call_args`/`call_kwargs`, giving `outputs`.

    Args:
        operation: The Operation called.
        call_args: The positional arguments of the call.
        call_kwargs: The keyword arguments of the call.
        outputs: The KerasTensor outputs (nested).
    """

    def __init__(self, operation, call_args=(), call_kwargs=None, outputs=None):
        self.operation = operation
        self.call_args = tuple(call_args)
        self.call_kwargs = dict(call_kwargs or {})
        self.outputs = tree_api.flatten(outputs) if outputs is not None else []
        # The outputs as the operation returned them (a tensor, list, dict).
        self.output_structure = outputs
        self.input_tensors = [
            leaf
            for leaf in tree_api.flatten((self.call_args, self.call_kwargs))
            if isinstance(leaf, KerasTensor)
        ]
        node_index = len(operation._inbound_nodes)
        operation._inbound_nodes.append(self)
        for tensor_index, tensor in enumerate(self.outputs):
            tensor._keras_history = KerasHistory(operation, node_index, tensor_index)
        for tensor in self.input_tensors:
            history = getattr(tensor, "_keras_history", None)
            if history is not None:
                history.operation._outbound_nodes.append(self)

    @property
    def parent_nodes(self):
        """The nodes that made this node's inputs."""
        parents = []
        for tensor in self.input_tensors:
            history = getattr(tensor, "_keras_history", None)
            if history is not None:
                parents.append(history.operation._inbound_nodes[history.node_index])
        return parents

    def __repr__(self):
        return f"<Node operation={self.operation.name}, id={id(self)}>"
