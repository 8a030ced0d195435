"""DTypePolicy and the global policy in keras_core.config."""

import numpy as np
import pytest

import keras_core
from keras_core import DTypePolicy
from keras_core import FloatDTypePolicy
from keras_core._src.backend import core


@pytest.mark.parametrize(
    "name, compute, variable",
    [
        ("float32", "float32", "float32"),
        ("float16", "float16", "float16"),
        ("mixed_float16", "float16", "float32"),
        ("mixed_bfloat16", "bfloat16", "float32"),
        ("float64", "float64", "float64"),
        ("int32", "int32", "int32"),
    ],
)
def test_policies(name, compute, variable):
    policy = DTypePolicy(name)
    assert (policy.name, policy.compute_dtype, policy.variable_dtype) == (
        name,
        compute,
        variable,
    )
    assert policy.quantization_mode is None
    assert policy.get_config() == {"name": name}
    assert DTypePolicy.from_config(policy.get_config()) == policy
    assert repr(policy) == f'<DTypePolicy "{name}">'


def test_bad_policies():
    with pytest.raises(ValueError, match="mixed_float16"):
        DTypePolicy("mixed_int8")
    with pytest.raises(TypeError, match="must be a string"):
        DTypePolicy(3)


def test_float_policy_is_a_dtype_policy():
    policy = FloatDTypePolicy("float16")
    assert isinstance(policy, DTypePolicy)
    assert policy.compute_dtype == "float16"


def test_global_policy():
    assert keras_core.config.dtype_policy() == DTypePolicy("float32")
    keras_core.config.set_dtype_policy("mixed_bfloat16")
    assert keras_core.config.dtype_policy().compute_dtype == "bfloat16"
    assert DTypePolicy().name == "mixed_bfloat16"
    keras_core.config.set_dtype_policy(DTypePolicy("float16"))
    assert keras_core.config.dtype_policy().name == "float16"
    with pytest.raises(ValueError, match="Invalid `policy`"):
        keras_core.config.set_dtype_policy(3)
    with pytest.raises(ValueError, match="Cannot convert"):
        keras_core.config.set_dtype_policy("foo")


def test_global_policy_follows_floatx_until_set():
    keras_core.config.set_floatx("float16")
    assert keras_core.config.dtype_policy().name == "float16"


def test_convert_input():
    policy = DTypePolicy("mixed_float16")
    floats = core.convert_to_tensor(np.ones(2, "float32"))
    ints = core.convert_to_tensor(np.ones(2, "int32"))
    cast = policy.convert_input(floats, autocast=True, dtype="float16")
    assert keras_core.backend.standardize_dtype(cast.dtype) == "float16"
    kept = policy.convert_input(floats, autocast=False, dtype="float16")
    assert keras_core.backend.standardize_dtype(kept.dtype) == "float32"
    assert policy.convert_input(ints, autocast=True, dtype="float16") is ints
    from_numpy = policy.convert_input(np.ones(3), autocast=True, dtype="float16")
    assert core.is_tensor(from_numpy)
    assert keras_core.backend.standardize_dtype(from_numpy.dtype) == "float16"
    symbolic = policy.convert_input(
        keras_core.KerasTensor((None, 2)), autocast=True, dtype="float16"
    )
    assert symbolic.dtype == "float16" and symbolic.shape == (None, 2)
