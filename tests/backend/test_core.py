"""convert_to_tensor, convert_to_numpy, is_tensor, shape, cast, device.

Default dtypes follow Keras 3.15 on each backend (recorded by running it):
Python data takes the promoted dtype of its items (ints int32, floats
floatx); NumPy arrays keep their dtype on torch and tensorflow, and are held
as 32-bit on jax (no x64) and numpy (which mirrors jax).
"""

import ml_dtypes
import numpy as np
import pytest

import keras_core
from keras_core._src.backend import core

BACKEND = keras_core.config.backend()
ARRAYS_NARROWED = BACKEND in ("jax", "numpy")


def dtype_of(x):
    return keras_core.backend.standardize_dtype(x.dtype)


@pytest.mark.parametrize(
    "value, expected",
    [
        (1, "int32"),
        (1.0, "float32"),
        (True, "bool"),
        (1j, "complex64"),
        ([1, 2], "int32"),
        ([1.0, 2], "float32"),
        ([[1], [2.5]], "float32"),
        ([True, False], "bool"),
        ([], "float32"),
        ((np.int8(1), 2), "int8"),
    ],
)
def test_python_data_default_dtype(value, expected):
    tensor = core.convert_to_tensor(value)
    assert core.is_tensor(tensor)
    assert dtype_of(tensor) == expected
    np.testing.assert_array_equal(core.convert_to_numpy(tensor), np.asarray(value))


def test_python_floats_follow_floatx():
    keras_core.config.set_floatx("float16")
    assert dtype_of(core.convert_to_tensor([1.5, 2])) == "float16"


@pytest.mark.parametrize(
    "array",
    [
        np.array([1.0, 2.0]),
        np.array([1, 2]),
        np.array([1, 2], "int8"),
        np.array([1.0], "float16"),
        np.array([1.0], ml_dtypes.bfloat16),
        np.array([True]),
        np.array([[1, 2], [3, 4]], "uint8"),
    ],
)
def test_numpy_arrays_keep_or_narrow_their_dtype(array):
    tensor = core.convert_to_tensor(array)
    name = keras_core.backend.standardize_dtype(array.dtype)
    if ARRAYS_NARROWED:
        name = {"float64": "float32", "int64": "int32"}.get(name, name)
    assert dtype_of(tensor) == name
    assert core.shape(tensor) == array.shape
    np.testing.assert_array_equal(
        core.convert_to_numpy(tensor).astype("float64"), array.astype("float64")
    )


@pytest.mark.parametrize(
    "value, dtype, expected",
    [
        (1.7, "int32", [1]),
        ([1, 2], "float16", [1.0, 2.0]),
        (np.array([1.5, -2.5]), "int8", [1, -2]),
        (np.array([0.0, 3.0]), "bool", [False, True]),
        ([1, 2], "bfloat16", [1.0, 2.0]),
        (np.array([1, 2], "int32"), "float64", [1.0, 2.0]),
    ],
)
def test_convert_with_dtype(value, dtype, expected):
    if dtype == "float64" and BACKEND == "jax":
        pytest.skip("jax runs without x64: float64 arrays are held as float32")
    tensor = core.convert_to_tensor(value, dtype=dtype)
    assert dtype_of(tensor) == dtype
    result = core.convert_to_numpy(tensor)
    assert keras_core.backend.standardize_dtype(result.dtype) == dtype
    np.testing.assert_array_equal(result.astype("float64").ravel(), expected)


def test_cast_and_roundtrip_keep_values():
    tensor = core.convert_to_tensor(np.arange(6, dtype="float32").reshape(2, 3))
    cast = core.cast(tensor, "int16")
    assert core.is_tensor(cast)
    assert dtype_of(cast) == "int16"
    assert core.shape(cast) == (2, 3)
    np.testing.assert_array_equal(
        core.convert_to_numpy(cast), np.arange(6).reshape(2, 3)
    )
    # A tensor already of the right dtype is returned as it is.
    assert core.convert_to_tensor(tensor) is tensor
    assert core.cast(tensor, "float32") is tensor


def test_convert_to_numpy_returns_ndarray():
    result = core.convert_to_numpy(core.convert_to_tensor([[1.0, 2.0]]))
    assert type(result) is np.ndarray
    np.testing.assert_array_equal(result, [[1.0, 2.0]])


def test_is_tensor():
    assert core.is_tensor(core.convert_to_tensor(1.0))
    assert not core.is_tensor([1.0])
    assert not core.is_tensor(keras_core.KerasTensor((1,)))
    if BACKEND != "numpy":
        assert not core.is_tensor(np.zeros(2))


def test_variables_convert_to_their_value():
    variable = keras_core.Variable([1.0, 2.0])
    tensor = core.convert_to_tensor(variable)
    assert core.is_tensor(tensor)
    np.testing.assert_array_equal(core.convert_to_numpy(variable), [1.0, 2.0])
    assert dtype_of(core.convert_to_tensor(variable, dtype="int32")) == "int32"


def test_keras_tensors_do_not_convert():
    with pytest.raises(ValueError, match="symbolic KerasTensor"):
        core.convert_to_tensor(keras_core.KerasTensor((2,)))


def test_sparse_and_ragged_support_is_declared():
    if not core.SUPPORTS_SPARSE_TENSORS:
        with pytest.raises(ValueError, match="sparse"):
            core.convert_to_tensor([1.0], sparse=True)
    if not core.SUPPORTS_RAGGED_TENSORS:
        with pytest.raises(ValueError, match="ragged"):
            core.convert_to_tensor([1.0], ragged=True)


def test_device_scope_on_cpu():
    with keras_core.device("cpu:0"):
        tensor = core.convert_to_tensor([1.0, 2.0])
        variable = keras_core.Variable([3.0])
    np.testing.assert_array_equal(core.convert_to_numpy(tensor), [1.0, 2.0])
    if BACKEND == "torch":
        assert tensor.device.type == "cpu"
        assert variable.value.device.type == "cpu"
    if BACKEND == "jax":
        assert {d.platform for d in tensor.devices()} == {"cpu"}


def test_device_scope_rejects_unknown_devices():
    if BACKEND == "tensorflow":
        pytest.skip("tensorflow places ops softly: unknown devices fall back")
    with pytest.raises(ValueError), keras_core.device("tpu:7"):
        core.convert_to_tensor([1.0])


def test_string_data():
    if BACKEND in ("jax", "torch"):
        with pytest.raises(ValueError, match="string"):
            core.convert_to_tensor(["a", "bc"])
        return
    tensor = core.convert_to_tensor(["a", "bc"])
    assert dtype_of(tensor) == "string"
    assert core.shape(tensor) == (2,)
    assert dtype_of(core.convert_to_tensor(np.array(["x"]))) == "string"
