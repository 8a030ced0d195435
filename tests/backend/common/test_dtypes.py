"""standardize_dtype, result_type and the dtype predicates.

The oracle `promotion_oracle.json` was recorded by running Keras 3.15.1
(see its `_about` entry); this file checks every pair of dtypes against it.
"""

import json
import os

import ml_dtypes
import numpy as np
import pytest

import keras_core
from keras_core import backend

ORACLE_PATH = os.path.join(os.path.dirname(__file__), "promotion_oracle.json")
with open(ORACLE_PATH) as f:
    ORACLE = json.load(f)
# TensorFlow keeps int64/float64 results (as in Keras 3); others narrow them.
TABLE = ORACLE[
    "tensorflow" if keras_core.config.backend() == "tensorflow" else "default"
]
PYTHON_TYPES = {
    "python:bool": bool,
    "python:int": int,
    "python:float": float,
    "python:complex": complex,
}


def _arg(key):
    if key == "None":
        return None
    return PYTHON_TYPES.get(key, key)


def _result(*args):
    try:
        return backend.result_type(*args)
    except ValueError:
        return "error"


@pytest.mark.parametrize("pair", sorted(TABLE["pairs"]))
def test_result_type_every_pair_matches_keras(pair):
    a, b = pair.split(",")
    assert _result(_arg(a), _arg(b)) == TABLE["pairs"][pair]


@pytest.mark.parametrize("dtype", sorted(TABLE["single"]))
def test_result_type_single_dtype_matches_keras(dtype):
    assert _result(_arg(dtype)) == TABLE["single"][dtype]


@pytest.mark.parametrize("floatx", ["bfloat16", "float16", "float64"])
def test_result_type_weak_types_follow_floatx(floatx):
    keras_core.config.set_floatx(floatx)
    expected = TABLE["by_floatx"][floatx]
    mismatches = []
    for key, want in expected.items():
        if key == "<none>":
            got = backend.result_type()
        elif key.startswith("std:"):
            got = backend.standardize_dtype({"float": float, "None": None}[key[4:]])
        else:
            got = _result(*(_arg(part) for part in key.split(",")))
        if got != want:
            mismatches.append((key, got, want))
    assert not mismatches


def test_result_type_of_three_dtypes_is_associative():
    assert backend.result_type("int8", "uint8", float) == "float32"
    assert backend.result_type("bfloat16", "float16", int) == "float32"
    assert backend.result_type("bool", int, "int8") == "int8"


def test_result_type_errors_are_clear():
    with pytest.raises(ValueError, match="float8"):
        backend.result_type("float8_e4m3fn", "float32")
    with pytest.raises(ValueError, match="string"):
        backend.result_type("string", "int32")
    with pytest.raises(ValueError, match="Invalid dtype"):
        backend.result_type("int31")


@pytest.mark.parametrize(
    "dtype, expected",
    [
        ("float32", "float32"),
        (np.float16, "float16"),
        (np.dtype("int8"), "int8"),
        (ml_dtypes.bfloat16, "bfloat16"),
        (np.dtype(ml_dtypes.float8_e5m2), "float8_e5m2"),
        (bool, "bool"),
        (float, "float32"),
        (str, "string"),
        ("string", "string"),
        (np.bool_, "bool"),
        (np.complex128, "complex128"),
    ],
)
def test_standardize_dtype(dtype, expected):
    assert backend.standardize_dtype(dtype) == expected


def test_standardize_dtype_python_int_and_complex_follow_backend():
    wide = keras_core.config.backend() == "tensorflow"
    assert backend.standardize_dtype(int) == ("int64" if wide else "int32")
    assert backend.standardize_dtype("int") == ("int64" if wide else "int32")
    assert backend.standardize_dtype(complex) == ("complex128" if wide else "complex64")


def test_standardize_dtype_none_is_floatx():
    assert backend.standardize_dtype(None) == "float32"
    keras_core.config.set_floatx("float16")
    assert backend.standardize_dtype(None) == "float16"


def test_standardize_dtype_accepts_framework_dtypes():
    # Each backend's own dtype objects, checked through the tensors it makes.
    from keras_core._src.backend import core

    for name in ("float16", "int32", "bool", "uint8", "bfloat16"):
        tensor = core.convert_to_tensor(np.zeros(2), dtype=name)
        assert backend.standardize_dtype(tensor.dtype) == name


@pytest.mark.parametrize("bad", ["float", "foo", 3, object, [1]])
def test_standardize_dtype_rejects_unknown(bad):
    with pytest.raises(ValueError, match="Invalid dtype"):
        backend.standardize_dtype(bad)


@pytest.mark.parametrize(
    "dtype, is_float, is_int",
    [
        ("bfloat16", True, False),
        ("float8_e4m3fn", True, False),
        ("float64", True, False),
        ("uint8", False, True),
        ("int64", False, True),
        ("bool", False, False),
        ("complex64", False, False),
        (int, False, True),
        (float, True, False),
    ],
)
def test_dtype_predicates(dtype, is_float, is_int):
    assert backend.is_float_dtype(dtype) is is_float
    assert backend.is_int_dtype(dtype) is is_int
