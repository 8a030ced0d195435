"""dtype_policies.get / serialize / deserialize, against Keras 3 behaviour."""

import pytest

import keras_core
from keras_core import dtype_policies

DP = dtype_policies


@pytest.mark.parametrize(
    "name, cls",
    [
        ("float32", DP.DTypePolicy),
        ("mixed_float16", DP.DTypePolicy),
        ("int16", DP.DTypePolicy),
        ("int8_from_float32", DP.QuantizedDTypePolicy),
        ("int8_from_mixed_bfloat16", DP.QuantizedDTypePolicy),
        ("int4_from_float32", DP.QuantizedDTypePolicy),
        ("float8_from_mixed_float16", DP.QuantizedFloat8DTypePolicy),
        ("int4/128_from_float32", DP.Int4DTypePolicy),
        ("gptq/4/128_from_float16", DP.GPTQDTypePolicy),
        ("awq/4/128_from_float32", DP.AWQDTypePolicy),
    ],
)
def test_get_names(name, cls):
    policy = DP.get(name)
    assert type(policy) is cls
    assert policy.name == name


def test_get_none_instance_and_dict():
    assert DP.get(None) == DP.DTypePolicy("float32")
    keras_core.config.set_dtype_policy("mixed_float16")
    assert DP.get(None).name == "mixed_float16"
    policy = DP.DTypePolicy("float16")
    assert DP.get(policy) is policy
    assert DP.get({"class_name": "DTypePolicy", "config": {"name": "float16"}}) == (
        policy
    )
    legacy = DP.get(
        {
            "module": "keras",
            "class_name": "FloatDTypePolicy",
            "config": {"name": "float16"},
            "registered_name": None,
        }
    )
    assert type(legacy) is DP.FloatDTypePolicy
    float8 = DP.get(
        {
            "module": "keras.dtype_policies",
            "class_name": "QuantizedFloat8DTypePolicy",
            "config": {
                "mode": "float8",
                "source_name": "float32",
                "amax_history_length": 3,
            },
        }
    )
    assert float8.amax_history_length == 3


@pytest.mark.parametrize(
    "cls, config",
    [
        (DP.DTypePolicy, {"name": "float32"}),
        (DP.FloatDTypePolicy, {"name": "bfloat16"}),
    ],
)
def test_float_policies_serialize_to_module_keras(cls, config):
    record = DP.serialize(cls(**config))
    assert record == {
        "module": "keras",
        "class_name": cls.__name__,
        "config": config,
        "registered_name": None,
    }
    assert type(DP.deserialize(record)) is cls


def test_plain_values_pass_through():
    assert DP.serialize(None) is None
    assert DP.serialize("float32") == "float32"
    assert DP.deserialize(None) is None
    assert DP.deserialize("float32") == "float32"


def test_get_errors():
    with pytest.raises(ValueError, match="Cannot interpret `dtype` argument"):
        DP.get(3)
    with pytest.raises(ValueError, match="Cannot convert 'foo' to a mixed"):
        DP.get("foo")
    with pytest.raises(ValueError, match="Cannot convert 'foo_from_float32'"):
        DP.get("foo_from_float32")
    with pytest.raises(ValueError, match="Cannot convert 'foo' to a mixed"):
        DP.get("int8_from_foo")
    with pytest.raises(ValueError, match="valid pair"):
        DP.get("int4_from_float32_from_x")
    with pytest.raises(ValueError, match="Invalid mode for GPTQDTypePolicy"):
        DP.get("gptq_from_float32")
    with pytest.raises(ValueError, match="Unknown `config` as a `dict`"):
        DP.get({"name": "float16"})
    with pytest.raises(TypeError, match="Could not locate dtype policy 'Foo'"):
        DP.get({"class_name": "Foo", "config": {}})
