"""Operation: something callable on tensors and on symbolic KerasTensors.

Called on real tensors it runs `call`. Called on KerasTensors it runs
`symbolic_call`: `compute_output_spec` gives the output KerasTensors and a
Node records the call, so functional models can be built from it. Layers
and every op are Operations.
"""

import re

from keras_core._src.backend.common import global_state
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.ops.node import Node
from keras_core._src.tree import tree_api


def any_symbolic_tensors(args=(), kwargs=None):
    """Whether a KerasTensor appears anywhere in `args` or `kwargs`."""
    leaves = tree_api.flatten((args, kwargs or {}))
    return any(isinstance(leaf, KerasTensor) for leaf in leaves)


class Operation:
    """The base of ops and layers: eager `call` and symbolic bookkeeping.

    Args:
        name: A unique name; derived from the class name by default.
    """

    def __init__(self, name=None):
        if name is None:
            name = global_state.unique_name(_snake_case(type(self).__name__))
        elif not isinstance(name, str) or "/" in name:
            raise ValueError(
                "Argument `name` must be a string and cannot contain character "
                f"`/`. Received: name={name!r}"
            )
        self.name = name
        self._inbound_nodes = []
        self._outbound_nodes = []

    def __call__(self, *args, **kwargs):
        if any_symbolic_tensors(args, kwargs):
            return self.symbolic_call(*args, **kwargs)
        return self.call(*args, **kwargs)

    def symbolic_call(self, *args, **kwargs):
        """Returns output KerasTensors and records the call in a Node."""
        outputs = self.compute_output_spec(*args, **kwargs)
        Node(self, call_args=args, call_kwargs=kwargs, outputs=outputs)
        return outputs

    def call(self, *args, **kwargs):
        raise NotImplementedError(
            f"{type(self).__name__} must implement `call(...)`, which computes "
            "its outputs from real tensors."
        )

    def compute_output_spec(self, *args, **kwargs):
        """Returns the output KerasTensors for KerasTensor inputs.

        By default `call` is evaluated abstractly (no values computed).
        """
        from keras_core._src import backend

        return backend.core.compute_output_spec(self.call, *args, **kwargs)

    def quantized_call(self, *args, **kwargs):
        """Runs the quantized form of the operation (the plain `call` here)."""
        return self.call(*args, **kwargs)

    def rematerialized_call(self, fn, *args, **kwargs):
        """Returns `fn` made to recompute its activations during backprop."""
        from keras_core._src import backend

        return backend.core_ops.remat(fn)

    @property
    def input(self):
        """The input tensor(s) of the operation's only symbolic call."""
        return self._single_node("input").call_args[0]

    @property
    def output(self):
        """The output tensor(s) of the operation's only symbolic call."""
        return self._single_node("output").output_structure

    def _single_node(self, attribute):
        if not self._inbound_nodes:
            raise AttributeError(
                f"{type(self).__name__} '{self.name}' has never been called on "
                f"symbolic inputs and thus has no defined {attribute}. Call it on "
                "a keras_core.Input (or another KerasTensor) first."
            )
        if len(self._inbound_nodes) > 1:
            raise AttributeError(
                f"{type(self).__name__} '{self.name}' has been called "
                f"{len(self._inbound_nodes)} times, so `{attribute}` is "
                "ambiguous. Use the tensors returned by each call instead."
            )
        return self._inbound_nodes[0]

    def get_config(self):
        return {"name": self.name}

    @classmethod
    def from_config(cls, config):
        return cls(**config)

    def __repr__(self):
        return f"<{type(self).__name__} name={self.name}>"


def _snake_case(name):
    """Keras's default-name rule: `Conv2D` -> `conv2d`, `PReLU` -> `p_re_lu`."""
    name = re.sub(r"(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub(r"([a-z])([A-Z])", r"\1_\2", name).lower()
