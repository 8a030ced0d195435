"""`keras_core.Function`: a callable graph of ops and layers, not a model.

Like a functional model without the layer machinery: no weights of its
own, no training features. It replays the operations recorded between its
input and output tensors.
"""

from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.models import graph
from keras_core._src.ops.operation import Operation
from keras_core._src.tree import tree_api


@keras_public("keras")
class Function(Operation):
    """A graph of operations from `inputs` to `outputs`, called as a function.

    Args:
        inputs: The input KerasTensor(s): one, a list or a dict.
        outputs: The output KerasTensor(s): one, a list or a dict.
        name: A name for the function.

    Example:

    >>> x = keras_core.KerasTensor((None, 3))
    >>> y = keras_core.ops.exp(x) + 1.0
    >>> function = keras_core.Function(x, y)
    >>> function(numpy.zeros((2, 3))).shape
    (2, 3)
    """

    def __init__(self, inputs, outputs, name=None):
        super().__init__(name=name)
        for label, structure in (("inputs", inputs), ("outputs", outputs)):
            for leaf in tree_api.flatten(structure):
                if not isinstance(leaf, KerasTensor):
                    raise ValueError(
                        f"All `{label}` of Function '{self.name}' must be "
                        f"KerasTensors. Received {leaf!r} of type "
                        f"{type(leaf).__name__} in {label}={structure!r}."
                    )
        self._inputs_struct = tree_api.lists_to_tuples(inputs)
        self._outputs_struct = tree_api.lists_to_tuples(outputs)
        self._inputs = tree_api.flatten(self._inputs_struct)
        self._outputs = tree_api.flatten(self._outputs_struct)
        nodes = graph.collect_nodes(self._inputs, self._outputs, self.name)
        self._nodes, self._operations = graph.order_by_depth(
            nodes, self._inputs, self._outputs
        )

    @property
    def inputs(self):
        """The input KerasTensors, as a flat list."""
        return list(self._inputs)

    @property
    def outputs(self):
        """The output KerasTensors, as a flat list."""
        return list(self._outputs)

    @property
    def operations(self):
        """The operations of the graph, in the order they run."""
        return list(self._operations)

    def _flatten_inputs(self, inputs):
        values = tree_api.flatten(inputs)
        if len(values) != len(self._inputs):
            raise ValueError(
                f"Function '{self.name}' expects {len(self._inputs)} input(s) "
                f"but received {len(values)}. Pass them in the structure the "
                "function was made with."
            )
        return values

    def call(self, inputs):
        values = self._flatten_inputs(inputs)
        outputs = graph.replay(self._nodes, self._inputs, self._outputs, values)
        return tree_api.pack_sequence_as(self._outputs_struct, outputs)

    def compute_output_spec(self, inputs):
        values = self._flatten_inputs(inputs)
        outputs = graph.replay(
            self._nodes,
            self._inputs,
            self._outputs,
            values,
            lambda operation, args, kwargs: operation.compute_output_spec(
                *args, **kwargs
            ),
        )
        return tree_api.pack_sequence_as(self._outputs_struct, outputs)

    def __call__(self, inputs):
        if any(isinstance(leaf, KerasTensor) for leaf in tree_api.flatten(inputs)):
            return self.compute_output_spec(inputs)
        return self.call(inputs)
