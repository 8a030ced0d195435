"""DTypePolicyMap: lookups by exact path or regex, configs and errors."""

import pytest

import keras_core
from keras_core import dtype_policies

DTypePolicyMap = dtype_policies.DTypePolicyMap


def test_default_policy_and_properties():
    policy_map = DTypePolicyMap()
    assert policy_map.default_policy == keras_core.DTypePolicy("float32")
    assert (policy_map.name, policy_map.compute_dtype) == ("map_float32", "float32")
    assert policy_map.quantization_mode is None
    assert policy_map.get_config() == {"default_policy": None, "policy_map": {}}
    mixed = DTypePolicyMap("mixed_float16")
    assert (mixed.name, mixed.compute_dtype, mixed.variable_dtype) == (
        "map_mixed_float16",
        "float16",
        "float32",
    )
    quantized = DTypePolicyMap(dtype_policies.QuantizedDTypePolicy("int8"))
    assert quantized.quantization_mode == "int8"
    keras_core.config.set_dtype_policy("mixed_bfloat16")
    assert DTypePolicyMap().default_policy.name == "mixed_bfloat16"


def test_lookup_exact_then_full_regex_match():
    policy_map = DTypePolicyMap(
        policy_map={
            "dec.*/dense": "float16",
            "a": keras_core.DTypePolicy("bfloat16"),
            "dense": "float64",
            "dense_1": "int8_from_float32",
        }
    )
    float32 = keras_core.DTypePolicy("float32")
    expected = {
        "decoder/dense": "float16",
        "dec/dense": "float16",
        "a": "bfloat16",
        "dense": "float64",
        "dense_1": "int8_from_float32",
        "model/decoder/dense": "float32",
        "decoder/dense/kernel": "float32",
        "decoder/dense_1": "float32",
        "a/c": "float32",
        "ba": "float32",
        "dense_1/kernel": "float32",
    }
    for path, name in expected.items():
        assert policy_map[path].name == name, path
    assert policy_map.get("other") == float32
    assert isinstance(policy_map["a"], keras_core.DTypePolicy)


def test_several_matching_keys_are_an_error():
    policy_map = DTypePolicyMap(policy_map={"dec.*": "float16", "decoder/.*": "int8"})
    assert policy_map["decoder"].name == "float16"
    with pytest.raises(ValueError, match="matches multiple dtype policy"):
        policy_map["decoder/dense"]


def test_mutable_mapping():
    policy_map = DTypePolicyMap()
    policy_map["dense/kernel"] = "int8_from_float32"
    policy_map["dense"] = keras_core.DTypePolicy("bfloat16")
    assert len(policy_map) == 2 and list(policy_map) == ["dense/kernel", "dense"]
    assert "dense" in policy_map and "other" not in policy_map
    assert type(policy_map["dense/kernel"]) is dtype_policies.QuantizedDTypePolicy
    del policy_map["dense"]
    assert list(policy_map) == ["dense/kernel"]
    with pytest.raises(KeyError):
        del policy_map["nothing"]
    assert repr(policy_map).endswith(
        "default_policy=float32, mapping=[('dense/kernel', 'int8_from_float32')]>"
    )


def test_setitem_errors():
    policy_map = DTypePolicyMap(policy_map={"a": "float16"})
    with pytest.raises(ValueError, match="a already exist in the DTypePolicyMap"):
        policy_map["a"] = "bfloat16"
    with pytest.raises(ValueError, match="Cannot interpret the assigned value"):
        policy_map["b"] = 3
    with pytest.raises(TypeError, match="keys must be layer paths"):
        policy_map[3] = "float16"
    with pytest.raises(ValueError, match="not a valid one"):
        policy_map["("] = "float16"


def test_constructor_errors():
    with pytest.raises(ValueError, match="cannot be a `DTypePolicyMap`"):
        DTypePolicyMap(DTypePolicyMap())
    with pytest.raises(TypeError, match="`policy_map` must be a dict"):
        DTypePolicyMap(policy_map=3)
    with pytest.raises(ValueError, match="Cannot interpret `dtype` argument"):
        DTypePolicyMap(default_policy=3)


def test_config_round_trip():
    policy_map = DTypePolicyMap(
        "mixed_bfloat16",
        {
            "a": dtype_policies.QuantizedDTypePolicy("int8", "bfloat16"),
            "b": dtype_policies.QuantizedFloat8DTypePolicy("float8", "float32", 5),
        },
    )
    config = policy_map.get_config()
    assert config == {
        "default_policy": "mixed_bfloat16",
        "policy_map": {
            "a": {
                "module": "keras.dtype_policies",
                "class_name": "QuantizedDTypePolicy",
                "config": {"mode": "int8", "source_name": "bfloat16"},
                "registered_name": None,
            },
            "b": {
                "module": "keras.dtype_policies",
                "class_name": "QuantizedFloat8DTypePolicy",
                "config": {
                    "mode": "float8",
                    "source_name": "float32",
                    "amax_history_length": 5,
                },
                "registered_name": None,
            },
        },
    }
    rebuilt = DTypePolicyMap.from_config(config)
    assert rebuilt == policy_map
    assert rebuilt["b"].amax_history_length == 5
    record = dtype_policies.serialize(policy_map)
    assert (record["module"], record["class_name"]) == (
        "keras.dtype_policies",
        "DTypePolicyMap",
    )
    assert dtype_policies.get(record) == policy_map
    assert dtype_policies.get({"class_name": "DTypePolicyMap", "config": config}) == (
        policy_map
    )
    with_instance = DTypePolicyMap(keras_core.DTypePolicy("float16"))
    assert DTypePolicyMap.from_config(with_instance.get_config()) == with_instance


def test_global_policy_can_be_a_map():
    policy_map = DTypePolicyMap("float16")
    keras_core.config.set_dtype_policy(policy_map)
    assert keras_core.config.dtype_policy() is policy_map
