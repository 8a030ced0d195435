"""The Initializer base class: abstract call, config, clone."""

import pytest

from keras_core import initializers
from keras_core import ops
from keras_core._src.saving.serialization_lib import serialize_keras_object


class Fill(initializers.Initializer):
    def __init__(self, value=0.5):
        self.value = value

    def __call__(self, shape, dtype=None):
        return ops.full(shape, self.value, dtype=dtype)

    def get_config(self):
        return {"value": self.value}


def test_call_must_be_implemented():
    with pytest.raises(NotImplementedError, match=r"Initializer.*__call__"):
        initializers.Initializer()((2,))


def test_base_config_and_serialization():
    assert initializers.Initializer().get_config() == {}
    assert isinstance(
        initializers.Initializer.from_config({}), initializers.Initializer
    )
    assert serialize_keras_object(initializers.Initializer()) == {
        "module": "keras",
        "class_name": "Initializer",
        "config": {},
        "registered_name": None,
    }


def test_subclass_from_config_and_clone():
    original = Fill(2.0)
    clone = original.clone()
    assert clone is not original
    assert type(clone) is Fill and clone.value == 2.0
    assert Fill.from_config({"value": 3.0}).value == 3.0
    assert ops.convert_to_numpy(clone((2,), dtype="float32")).tolist() == [2.0, 2.0]
