"""Operation and Node: eager calls, symbolic calls and the recorded graph."""

import numpy as np
import pytest

import keras_core
from keras_core import KerasTensor
from keras_core._src.backend import core
from keras_core._src.ops.node import KerasHistory
from keras_core._src.ops.operation import Operation
from keras_core._src.ops.operation import any_symbolic_tensors


class Scale(Operation):
    def __init__(self, factor, name=None):
        super().__init__(name=name)
        self.factor = factor

    def call(self, x):
        return x * self.factor

    def get_config(self):
        return {"name": self.name, "factor": self.factor}


def test_eager_call_runs_call():
    result = Scale(3.0)(core.convert_to_tensor([1.0, 2.0]))
    np.testing.assert_allclose(core.convert_to_numpy(result), [3.0, 6.0])


def test_symbolic_call_infers_spec_and_records_a_node():
    operation = Scale(2.0)
    x = KerasTensor((None, 4), dtype="float32")
    y = operation(x)
    assert isinstance(y, KerasTensor)
    assert (y.shape, y.dtype) == ((None, 4), "float32")
    assert y._keras_history == KerasHistory(operation, 0, 0)
    node = operation._inbound_nodes[0]
    assert node.input_tensors == [x]
    assert node.outputs == [y]
    z = Scale(0.5)(y)
    second = z._keras_history.operation._inbound_nodes[0]
    assert second.parent_nodes == [node]
    assert operation._outbound_nodes == [second]


def test_default_names_are_unique_snake_case():
    assert Scale(1.0).name == "scale"
    assert Scale(1.0).name == "scale_1"
    assert Scale(1.0, name="double").name == "double"
    with pytest.raises(ValueError, match="cannot contain character"):
        Scale(1.0, name="a/b")


def test_config_round_trip():
    operation = Scale(4.0, name="four")
    restored = Scale.from_config(operation.get_config())
    assert (restored.name, restored.factor) == ("four", 4.0)
    assert repr(restored) == "<Scale name=four>"


def test_call_must_be_implemented():
    with pytest.raises(NotImplementedError, match="must implement `call"):
        Operation()(core.convert_to_tensor([1.0]))


def test_any_symbolic_tensors_looks_into_structures():
    assert any_symbolic_tensors(([1, {"a": KerasTensor((1,))}],))
    assert any_symbolic_tensors((), {"x": KerasTensor((1,))})
    assert not any_symbolic_tensors(([1.0, np.zeros(2)],), {"y": 3})


def test_ops_record_nodes_with_their_arguments():
    x = keras_core.Input(shape=(3,))
    y = keras_core.ops.add(x, 2.0)
    history = y._keras_history
    node = history.operation._inbound_nodes[history.node_index]
    assert node.call_args == (x, 2.0)
    assert node.input_tensors == [x]


def test_a_recorded_call_replays_its_arguments_and_check():
    # sparse_categorical_crossentropy's check drops a target's trailing
    # length-1 axis; the recorded call runs it again on replay.
    from keras_core import ops

    target = keras_core.KerasTensor((None, 1), dtype="int32")
    output = keras_core.KerasTensor((None, 3))
    loss = ops.sparse_categorical_crossentropy(target, output, from_logits=True)
    assert loss.shape == (None,)
    operation = loss._keras_history.operation
    logits = np.log(np.array([[0.2, 0.5, 0.3]], "float32"))
    replayed = operation(np.array([[1]], "int32"), logits, from_logits=True)
    np.testing.assert_allclose(
        keras_core.ops.convert_to_numpy(replayed), [-np.log(0.5)], rtol=1e-5
    )
