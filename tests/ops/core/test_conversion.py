"""cast, saturate_cast, convert_to_tensor/numpy, is_tensor, shape, dtype,
and the result dtypes of every core op against Keras 3.15
(`dtype_oracle_core.json`)."""

import os

import numpy as np
import pytest
from op_testing import Case
from op_testing import TableTests
from op_testing import compiled
from op_testing import dtype_mismatches
from op_testing import load_oracle
from op_testing import signed
from op_testing import to_numpy

import keras_core
from keras_core import ops
from keras_core._src.backend import core

BACKEND = keras_core.config.backend()


def cast_reference(x, dtype):
    return x.astype(dtype)


def saturate_reference(x, dtype):
    info = np.iinfo(dtype) if np.dtype(dtype).kind in "iu" else np.finfo(dtype)
    return np.clip(x, info.min, info.max).astype(dtype)


WIDE = np.array([-1e6, -300.0, -2.5, 0.0, 2.7, 255.9, 300.0, 1e6], dtype="float32")

CASES = [
    Case("cast", (signed(3, 2), "int32"), reference=cast_reference),
    Case("cast", (signed(3, 2), "float16"), reference=cast_reference, label="f16"),
    Case(
        "cast",
        (np.array([0, 3, -1], dtype="int32"), "bool"),
        reference=cast_reference,
        label="bool",
    ),
    Case(
        "cast",
        (np.array([True, False]), "float32"),
        reference=cast_reference,
        label="from-bool",
    ),
    Case("saturate_cast", (WIDE, "uint8"), reference=saturate_reference),
    Case("saturate_cast", (WIDE, "int8"), reference=saturate_reference, label="i8"),
    Case(
        "saturate_cast",
        (WIDE, "float16"),
        reference=saturate_reference,
        rtol=1e-3,
        label="f16",
    ),
    Case(
        "saturate_cast",
        (np.array([-70000, -5, 70000], dtype="int32"), "int16"),
        reference=saturate_reference,
        label="int",
    ),
    Case(
        "saturate_cast",
        (np.array([-3e9, 5.0, 3e9], dtype="float32"), "int32"),
        reference=lambda x, dtype: np.array([-(2**31), 5, 2147483520]),
        label="int32-edge",
    ),
]


class TestConversion(TableTests):
    CASES = CASES


ORACLE_PATH = os.path.join(os.path.dirname(__file__), "dtype_oracle_core.json")
ORACLE, TABLE = load_oracle(ORACLE_PATH)
FUNCTIONS = {
    "cast:float16": lambda x: ops.cast(x, "float16"),
    "cast:int8": lambda x: ops.cast(x, "int8"),
    "cast:bool": lambda x: ops.cast(x, "bool"),
    "saturate_cast:uint8": lambda x: ops.saturate_cast(x, "uint8"),
    "saturate_cast:float16": lambda x: ops.saturate_cast(x, "float16"),
    "convert_to_tensor": lambda x: ops.convert_to_tensor(x),
    "stop_gradient": lambda x: ops.stop_gradient(x),
    "scatter": lambda v: ops.scatter(np.array([[0], [1]]), v, (3,)),
    "slice": lambda x: ops.slice(x, (0,), (1,)),
    "unstack": lambda x: ops.unstack(x)[0],
    "rearrange": lambda x: ops.rearrange(x, "(a b) -> b a", a=1),
    "scatter_update": lambda x, u: ops.scatter_update(x, np.array([[0]]), u[:1]),
    "slice_update": lambda x, u: ops.slice_update(x, (0,), u[:1]),
}


@pytest.mark.parametrize("op_name", sorted(FUNCTIONS))
def test_result_dtypes_match_keras(op_name):
    mismatches = dtype_mismatches(FUNCTIONS[op_name], ORACLE, TABLE, op_name)
    assert not mismatches, mismatches


def test_symbolic_cast_takes_the_target_dtype():
    x = keras_core.KerasTensor((None, 3), dtype="float16")
    assert ops.cast(x, "int8").dtype == "int8"
    assert ops.saturate_cast(x, "uint8").dtype == "uint8"
    assert ops.convert_to_tensor(x) is x
    assert ops.convert_to_tensor(x, dtype="float32").dtype == "float32"


def test_cast_rejects_unknown_dtypes():
    with pytest.raises(ValueError, match="cast"):
        ops.cast(np.ones(2), "float31")


def test_convert_to_tensor_and_numpy():
    tensor = ops.convert_to_tensor([1, 2])
    assert ops.is_tensor(tensor) and ops.dtype(tensor) == "int32"
    assert ops.dtype(ops.convert_to_tensor([1.0, 2.0])) == "float32"
    assert ops.dtype(ops.convert_to_tensor([1, 2], dtype="float16")) == "float16"
    array = ops.convert_to_numpy(tensor)
    assert isinstance(array, np.ndarray)
    np.testing.assert_array_equal(array, [1, 2])
    with pytest.raises(ValueError, match=r"convert_to_numpy.*KerasTensor"):
        ops.convert_to_numpy(keras_core.KerasTensor((2,)))


def test_is_tensor():
    assert ops.is_tensor(ops.ones((2,)))
    assert not ops.is_tensor([1, 2])
    assert not ops.is_tensor(keras_core.KerasTensor((2,)))


def test_shape_and_dtype():
    assert ops.shape(ops.zeros((2, 3))) == (2, 3)
    assert ops.shape([[1, 2, 3]]) == (1, 3)
    assert ops.shape(keras_core.KerasTensor((None, 3))) == (None, 3)
    assert ops.dtype(ops.zeros((2,), dtype="int8")) == "int8"
    assert ops.dtype(keras_core.KerasTensor((2,), dtype="bfloat16")) == "bfloat16"
    shape = ops.shape(ops.zeros((2, 3)))
    assert all(isinstance(d, int) for d in shape)


@pytest.mark.skipif(BACKEND != "tensorflow", reason="unknown dims exist in tf only")
def test_shape_inside_tf_function_gives_tensors_for_unknown_dims():
    import tensorflow as tf

    seen = []

    @tf.function(input_signature=[tf.TensorSpec((None, 3))])
    def function(x):
        shape = ops.shape(x)
        seen.append(shape)
        return ops.reshape(x, (shape[0] * 3,))

    assert to_numpy(function(np.ones((2, 3), "float32"))).shape == (6,)
    assert tf.is_tensor(seen[0][0]) and seen[0][1] == 3


def test_casts_inside_the_compiler():
    function = compiled(lambda x: ops.saturate_cast(x, "uint8"))
    result = function(core.convert_to_tensor(WIDE))
    np.testing.assert_array_equal(to_numpy(result), saturate_reference(WIDE, "uint8"))
