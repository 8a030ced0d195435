"""Quantized dtype policies: names, dtypes, configs and errors as in Keras 3."""

import pytest

import keras_core
from keras_core import dtype_policies


@pytest.mark.parametrize(
    "cls, args, name, compute, variable, mode",
    [
        ("QuantizedDTypePolicy", ("int8", "float32"), "int8_from_float32",
         "float32", "float32", "int8"),
        ("QuantizedDTypePolicy", ("int8", "mixed_bfloat16"),
         "int8_from_mixed_bfloat16", "bfloat16", "float32", "int8"),
        ("QuantizedDTypePolicy", ("int4", "mixed_float16"),
         "int4_from_mixed_float16", "float16", "float32", "int4"),
        ("QuantizedDTypePolicy", ("float8", "float16"), "float8_from_float16",
         "float16", "float16", "float8"),
        ("QuantizedFloat8DTypePolicy", ("float8", "float32"),
         "float8_from_float32", "float32", "float32", "float8"),
        ("Int4DTypePolicy", ("int4/128", "float32"), "int4/128_from_float32",
         "float32", "float32", "int4"),
        ("GPTQDTypePolicy", ("gptq/8/-1", "bfloat16"), "gptq/8/-1_from_bfloat16",
         "bfloat16", "bfloat16", "gptq"),
        ("AWQDTypePolicy", ("awq/4/128", "float16"), "awq/4/128_from_float16",
         "float16", "float16", "awq"),
    ],
)  # fmt: skip
def test_policies(cls, args, name, compute, variable, mode):
    policy = getattr(dtype_policies, cls)(*args)
    assert isinstance(policy, dtype_policies.QuantizedDTypePolicy)
    assert (policy.name, policy.compute_dtype, policy.variable_dtype) == (
        name,
        compute,
        variable,
    )
    assert policy.quantization_mode == mode
    assert repr(policy) == f'<{cls} "{name}">'
    config = policy.get_config()
    assert (config["mode"], config["source_name"]) == args
    assert type(policy).from_config(config) == policy
    record = dtype_policies.serialize(policy)
    assert record == {
        "module": "keras.dtype_policies",
        "class_name": cls,
        "config": config,
        "registered_name": None,
    }
    assert dtype_policies.deserialize(record) == policy
    assert dtype_policies.get(name).name == name


def test_source_name_defaults_to_global_policy():
    assert dtype_policies.QuantizedDTypePolicy("int8").get_config() == {
        "mode": "int8",
        "source_name": "float32",
    }
    keras_core.config.set_dtype_policy("mixed_bfloat16")
    policy = dtype_policies.QuantizedFloat8DTypePolicy("float8")
    assert policy.name == "float8_from_mixed_bfloat16"
    assert dtype_policies.GPTQDTypePolicy("gptq/3/64").name == (
        "gptq/3/64_from_mixed_bfloat16"
    )


def test_float8_amax_history_length():
    cls = dtype_policies.QuantizedFloat8DTypePolicy
    policy = cls("float8", "float16", 12)
    assert policy.amax_history_length == 12
    assert policy.default_amax_history_length == 1024
    assert cls("float8", "float32").amax_history_length == 1024
    assert policy.get_config() == {
        "mode": "float8",
        "source_name": "float16",
        "amax_history_length": 12,
    }
    assert cls.from_config(policy.get_config()).amax_history_length == 12
    assert policy != cls("float8", "float16", 13)
    with pytest.raises(TypeError, match="`amax_history_length` must be an integer"):
        cls("float8", "float32", 1.5)


def test_extra_properties():
    assert dtype_policies.Int4DTypePolicy("int4/-1", "float32").block_size == -1
    gptq = dtype_policies.GPTQDTypePolicy("gptq/3/64", "float32")
    assert (gptq.weight_bits, gptq.group_size) == (3, 64)
    awq = dtype_policies.AWQDTypePolicy("awq/4/-1", "float32")
    assert (awq.weight_bits, awq.group_size) == (4, -1)


def test_equality_distinguishes_classes_and_modes():
    int8 = dtype_policies.QuantizedDTypePolicy("int8", "float32")
    assert int8 == dtype_policies.QuantizedDTypePolicy("int8", "float32")
    assert int8 != keras_core.DTypePolicy("float32")
    assert int8 != dtype_policies.QuantizedFloat8DTypePolicy("int8", "float32")
    int4 = dtype_policies.Int4DTypePolicy
    assert int4("int4/128", "float32") != int4("int4/64", "float32")


@pytest.mark.parametrize(
    "cls, args, error, message",
    [
        ("QuantizedDTypePolicy", ("foo", "float32"), ValueError,
         "Invalid quantization mode. Expected one of ('int8', 'float8', 'int4', "
         "'gptq', 'awq'). Received: mode=foo"),
        ("QuantizedDTypePolicy", ("int8_from_float32",), ValueError,
         "Received: mode=int8_from_float32"),
        ("QuantizedDTypePolicy", ("int8", "float16"), ValueError,
         "Quantization mode='int8' doesn't work well with compute_dtype='float16'"),
        ("QuantizedDTypePolicy", ("int8", "mixed_float16"), ValueError,
         "compute_dtype='float16'"),
        ("QuantizedDTypePolicy", ("int8", 3), TypeError,
         "'name' must be a string, such as 'mixed_float16'. Received: name=3"),
        ("QuantizedDTypePolicy", ("int8", "foo"), ValueError,
         "Cannot convert 'foo' to a mixed precision DTypePolicy"),
        ("Int4DTypePolicy", ("int4", "float32"), ValueError,
         "Invalid mode for Int4DTypePolicy. Expected format 'int4/<block_size>', "
         "but got 'int4'."),
        ("Int4DTypePolicy", ("int4/a",), ValueError,
         "Invalid mode for Int4DTypePolicy. <block_size> must be an integer."),
        ("Int4DTypePolicy", ("int4/0",), ValueError,
         "Invalid block_size in mode. Supported values are -1 (per-channel) or a "
         "positive integer (sub-channel), but got 0 from 'int4/0'."),
        ("GPTQDTypePolicy", ("gptq", "float32"), ValueError,
         "Invalid mode for GPTQDTypePolicy. Expected format "
         "'gptq/<weight_bits>/<group_size>', but got 'gptq'."),
        ("GPTQDTypePolicy", ("gptq/a/b",), ValueError,
         "<weight_bits> and <group_size> must be integers"),
        ("GPTQDTypePolicy", ("gptq/9/128",), ValueError,
         "Invalid weight_bits in mode. Supported values are 2, 3, 4, and 8, but "
         "got 9 from 'gptq/9/128'."),
        ("GPTQDTypePolicy", ("gptq/4/-2",), ValueError,
         "Supported values are -1 (whole-tensor) or a positive integer, but got "
         "-2 from 'gptq/4/-2'."),
        ("GPTQDTypePolicy", (3,), ValueError, "but got '3'"),
        ("AWQDTypePolicy", ("awq/8/128",), ValueError,
         "AWQ only supports 4-bit quantization, but got 8 from 'awq/8/128'."),
        ("AWQDTypePolicy", ("awq/4/0",), ValueError,
         "-1 (per-channel) or a positive integer, but got 0 from 'awq/4/0'."),
        ("AWQDTypePolicy", ("gptq/4/128",), ValueError,
         "Invalid mode for AWQDTypePolicy."),
    ],
)  # fmt: skip
def test_errors(cls, args, error, message):
    with pytest.raises(error) as info:
        getattr(dtype_policies, cls)(*args)
    assert message in str(info.value)
