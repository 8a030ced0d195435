"""keras_core.mixed_precision: the Keras 2 names of the dtype policy API."""

import keras_core
from keras_core import mixed_precision


def test_aliases():
    assert mixed_precision.Policy is keras_core.DTypePolicy
    assert mixed_precision.DTypePolicy is keras_core.dtype_policies.DTypePolicy
    assert mixed_precision.global_policy is keras_core.config.dtype_policy
    assert mixed_precision.dtype_policy is keras_core.config.dtype_policy
    assert mixed_precision.set_global_policy is keras_core.config.set_dtype_policy
    assert mixed_precision.set_dtype_policy is keras_core.config.set_dtype_policy


def test_set_and_read_global_policy():
    assert mixed_precision.global_policy().name == "float32"
    mixed_precision.set_global_policy("mixed_float16")
    policy = mixed_precision.global_policy()
    assert (policy.compute_dtype, policy.variable_dtype) == ("float16", "float32")
    assert mixed_precision.Policy().name == "mixed_float16"
    mixed_precision.set_global_policy("int8_from_mixed_bfloat16")
    assert mixed_precision.dtype_policy().quantization_mode == "int8"


def test_policy_alias_reads_keras_2_configs():
    record = {
        "module": "keras.mixed_precision",
        "class_name": "Policy",
        "config": {"name": "mixed_bfloat16"},
        "registered_name": None,
    }
    policy = keras_core.dtype_policies.deserialize(record)
    assert policy == mixed_precision.Policy("mixed_bfloat16")
