"""keras_core.saving's registration and object (de)serialization."""

import json

import numpy as np
import pytest

import keras_core
from keras_core import saving


def round_trip(value, **kwargs):
    record = saving.serialize_keras_object(value)
    # Records are JSON: what a config file holds.
    record = json.loads(json.dumps(record))
    return saving.deserialize_keras_object(record, **kwargs)


def test_plain_values_and_containers():
    value = {"a": [1, 2.5, "x", None, True], "b": {"c": [[1, 2], [3]]}}
    assert round_trip(value) == value
    assert saving.serialize_keras_object((1, 2)) == (1, 2)


def test_arrays_tensors_bytes_slices_and_ellipsis():
    array = np.arange(6, dtype="int16").reshape(2, 3)
    restored = round_trip(array)
    assert restored.dtype == np.int16
    np.testing.assert_array_equal(restored, array)
    tensor = keras_core.ops.convert_to_tensor(np.ones((2,), "float32"))
    np.testing.assert_array_equal(
        keras_core.ops.convert_to_numpy(round_trip(tensor)), [1, 1]
    )
    assert round_trip(b"abc") == b"abc"
    assert round_trip(slice(1, None, 2)) == slice(1, None, 2)
    assert round_trip(Ellipsis) is Ellipsis


def test_public_classes_by_keras_path():
    record = saving.serialize_keras_object(keras_core.initializers.Zeros())
    assert (record["module"], record["class_name"]) == ("keras.initializers", "Zeros")
    assert record["registered_name"] is None
    assert isinstance(
        round_trip(keras_core.initializers.Zeros()), keras_core.initializers.Zeros
    )


def test_registered_classes_and_names():
    @saving.register_keras_serializable(package="tests_saving")
    class Doubler:
        def __init__(self, factor=2):
            self.factor = factor

        def get_config(self):
            return {"factor": self.factor}

        @classmethod
        def from_config(cls, config):
            return cls(**config)

    assert saving.get_registered_name(Doubler) == "tests_saving>Doubler"
    assert saving.get_registered_object("tests_saving>Doubler") is Doubler
    assert saving.get_custom_objects()["tests_saving>Doubler"] is Doubler
    restored = round_trip(Doubler(5))
    assert isinstance(restored, Doubler) and restored.factor == 5
    with pytest.raises(ValueError, match="get_config"):
        saving.register_keras_serializable()(type("NoConfig", (), {}))


def test_custom_objects_and_scopes_resolve_unregistered_classes():
    class Tripler:
        def get_config(self):
            return {}

        @classmethod
        def from_config(cls, config):
            return cls()

    record = json.loads(json.dumps(saving.serialize_keras_object(Tripler())))
    with pytest.raises(TypeError, match="Could not locate"):
        saving.deserialize_keras_object(record)
    assert isinstance(
        saving.deserialize_keras_object(record, custom_objects={"Tripler": Tripler}),
        Tripler,
    )
    with saving.custom_object_scope({"Tripler": Tripler}):
        assert isinstance(saving.deserialize_keras_object(record), Tripler)
    with saving.CustomObjectScope({"Tripler": Tripler}):
        assert saving.get_registered_object("Tripler") is Tripler
    assert saving.get_registered_object("Tripler") is None


def test_nothing_is_imported_by_module_name():
    record = {
        "module": "subprocess",
        "class_name": "Popen",
        "config": {"args": ["true"]},
        "registered_name": None,
    }
    with pytest.raises(TypeError, match="Could not locate"):
        saving.deserialize_keras_object(record)


def test_lambdas_load_only_outside_safe_mode():
    offset = 3.0

    def make():
        return lambda x, scale=2.0: x * scale + offset

    record = json.loads(json.dumps(saving.serialize_keras_object(make())))
    assert record["class_name"] == "__lambda__"
    with pytest.raises(ValueError, match="safe mode"):
        saving.deserialize_keras_object(record)
    function = saving.deserialize_keras_object(record, safe_mode=False)
    assert function(1.0) == 5.0


def test_named_functions_by_name_with_module_objects():
    record = saving.serialize_keras_object(keras_core.activations.relu)
    assert record == "relu" or record["config"] == "relu"
    found = saving.deserialize_keras_object(
        "relu", module_objects={"relu": keras_core.activations.relu}
    )
    assert found is keras_core.activations.relu
    with pytest.raises(ValueError, match="Unknown"):
        saving.deserialize_keras_object("nope", module_objects={})
