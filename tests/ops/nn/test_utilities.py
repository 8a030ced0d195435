"""The nn encoding and measuring ops (one_hot, multi_hot, normalize, psnr,
polar), driven by one declarative table.

Every row is checked for eager values against a NumPy reference written
here, for symbolic shapes and dtypes against eager results, inside the
backend's compiler and (rows with `grad=True`) for gradients against finite
differences. Result dtypes are checked against Keras 3.15
(`dtype_oracle_utilities.json`), plus focused tests for the layouts Keras
gives multi_hot, polar's gradients and error messages.
"""

import os

import numpy as np
import pytest
from op_testing import BACKEND
from op_testing import Case
from op_testing import TableTests
from op_testing import backend_gradients
from op_testing import dtype_mismatches
from op_testing import finite_differences
from op_testing import load_oracle
from op_testing import positive
from op_testing import signed
from op_testing import to_numpy

from keras_core import ops
from keras_core._src.backend.common.dtypes import standardize_dtype

EPSILON = 1e-7


def one_hot_ref(x, num_classes, axis=-1, dtype=None, sparse=False):
    x = np.trunc(x).astype("int64")
    encoded = (x[..., None] == np.arange(num_classes)).astype(dtype or "float32")
    return np.moveaxis(encoded, -1, axis)


def multi_hot_ref(inputs, num_classes=None, axis=-1, dtype=None, sparse=False, **kw):
    """Keras 3's layout: the one-hot encoding's axis 1 reduced (axis 0 for a
    1-D input); `test_multi_hot_layouts_match_keras` pins it with literals."""
    encoded = one_hot_ref(inputs, num_classes or kw["num_tokens"], axis, dtype)
    return np.max(encoded, axis=0 if np.ndim(inputs) == 1 else 1)


def normalize_ref(x, axis=-1, order=2, epsilon=None):
    axis = tuple(axis) if isinstance(axis, list) else axis
    norm = np.sum(np.abs(x) ** order, axis=axis, keepdims=True) ** (1 / order)
    return x / np.maximum(norm, EPSILON if epsilon is None else epsilon)


def psnr_ref(x1, x2, max_val):
    return 20 * np.log10(max_val) - 10 * np.log10(np.mean((x1 - x2) ** 2))


def polar_ref(abs_, angle):
    return abs_ * np.exp(1j * angle)


INDICES = np.array([[0, 2, 1], [3, 1, 1]], "int32")
WITH_OUT_OF_RANGE = np.array([0, 5, -1, 2], "int32")

CASES = [
    Case("one_hot", (INDICES, 4), reference=one_hot_ref),
    Case("one_hot", (INDICES, 4), {"axis": 0}, reference=one_hot_ref, label="axis=0"),
    Case("one_hot", (INDICES, 5), {"axis": 1}, reference=one_hot_ref, label="axis=1"),
    Case(
        "one_hot",
        (INDICES, 4),
        {"dtype": "int8"},
        reference=one_hot_ref,
        label="int8",
    ),
    Case(
        "one_hot",
        (WITH_OUT_OF_RANGE, 3),
        reference=one_hot_ref,
        label="out of range",
    ),
    Case(
        "one_hot",
        (np.array([0.0, 2.7, 1.2], "float32"), 3),
        reference=one_hot_ref,
        label="float indices",
    ),
    Case("multi_hot", (INDICES, 4), reference=multi_hot_ref),
    Case(
        "multi_hot",
        (np.array([1, 3, 3], "int32"), 5),
        reference=multi_hot_ref,
        label="1d",
    ),
    Case(
        "multi_hot",
        (INDICES,),
        {"num_classes": 4, "axis": 0},
        reference=multi_hot_ref,
        label="axis=0",
    ),
    Case(
        "multi_hot",
        (np.array([[[0, 2], [1, 1]], [[2, 2], [0, 1]]], "int32"), 3),
        {"axis": 2, "dtype": "int32"},
        reference=multi_hot_ref,
        label="3d,axis=2",
    ),
    Case(
        "multi_hot",
        (WITH_OUT_OF_RANGE.reshape(2, 2),),
        {"num_tokens": 3},
        reference=multi_hot_ref,
        label="num_tokens",
    ),
    Case("normalize", (signed(3, 4),), reference=normalize_ref, grad=True, rtol=1e-5),
    Case(
        "normalize",
        (signed(3, 4),),
        {"axis": 0, "order": 1},
        reference=normalize_ref,
        grad=True,
        rtol=1e-5,
        label="order=1",
    ),
    Case(
        "normalize",
        (signed(2, 3, 2),),
        {"axis": (1, 2), "order": 3},
        reference=normalize_ref,
        grad=True,
        rtol=1e-5,
        label="order=3,axes",
    ),
    Case(
        "normalize",
        (signed(2, 3),),
        {"axis": None},
        reference=normalize_ref,
        grad=True,
        rtol=1e-5,
        label="all",
    ),
    Case(
        "normalize",
        (np.array([[0.0, 0.0], [3e-3, 4e-3]], "float32"),),
        {"epsilon": 1e-2},
        reference=normalize_ref,
        rtol=1e-5,
        label="epsilon",
    ),
    Case(
        "psnr",
        (positive(3, 4), positive(3, 4), 2.0),
        reference=psnr_ref,
        grad=True,
        rtol=1e-5,
        grow=(0, 1),
    ),
    Case(
        "psnr",
        (positive(5), positive(5), 255),
        reference=psnr_ref,
        rtol=1e-5,
        label="255",
        grow=(0, 1),
    ),
    Case("polar", (positive(3, 4), signed(3, 4)), reference=polar_ref, grow=(0, 1)),
    Case(
        "polar",
        (positive(3, 1), signed(3, 4)),
        reference=polar_ref,
        label="broadcast",
        grow=(0, 1),
    ),
]


class TestUtilities(TableTests):
    CASES = CASES


def test_every_op_has_a_row():
    from keras_core._src.ops.nn import utilities

    assert {case.op for case in CASES} == set(utilities.__all__)


# Outputs of Keras 3.15 (every backend) for these inputs and axes.
KERAS_MULTI_HOT = [
    ([0, 2], -1, [1, 0, 1]),
    ([0, 2], 0, [1, 1]),
    ([[0, 2], [1, 1]], -1, [[1, 0, 1], [0, 1, 0]]),
    ([[0, 2], [1, 1]], 0, [[1, 0], [1, 1], [0, 1]]),
    ([[0, 2], [1, 1]], 1, [[1, 1], [1, 1]]),
    (
        [[[0, 2], [1, 1]], [[2, 2], [0, 1]]],
        -1,
        [[[1, 1, 0], [0, 1, 1]], [[1, 0, 1], [0, 1, 1]]],
    ),
    (
        [[[0, 2], [1, 1]], [[2, 2], [0, 1]]],
        2,
        [[[1, 0], [1, 1], [0, 1]], [[1, 0], [0, 1], [1, 1]]],
    ),
]


@pytest.mark.parametrize("inputs, axis, expected", KERAS_MULTI_HOT)
def test_multi_hot_layouts_match_keras(inputs, axis, expected):
    result = ops.multi_hot(np.array(inputs, "int32"), 3, axis=axis)
    np.testing.assert_array_equal(to_numpy(result), np.array(expected, "float32"))


def test_identical_signals_have_infinite_psnr():
    x = positive(4)
    assert to_numpy(ops.psnr(x, x, 1.0)) == np.inf


@pytest.mark.skipif(BACKEND == "numpy", reason="the numpy backend has no gradients")
def test_polar_gradients():
    # The table cannot differentiate complex outputs: real and imaginary
    # parts are weighted and summed here instead.
    abs_, angle = positive(2, 3), signed(2, 3)
    dtype = "float32" if BACKEND == "jax" else "float64"

    def total(a, t):
        z = ops.polar(a, t)
        return ops.add(ops.multiply(ops.real(z), 2.0), ops.multiply(ops.imag(z), -3.0))

    def reference(a, t):
        z = polar_ref(a, t)
        return 2.0 * z.real - 3.0 * z.imag

    grads = backend_gradients(total, [abs_.astype(dtype), angle.astype(dtype)])
    wants = finite_differences(
        reference, [abs_.astype("float64"), angle.astype("float64")]
    )
    tolerance = 1e-2 if BACKEND == "jax" else 1e-5
    for grad, want in zip(grads, wants, strict=True):
        np.testing.assert_allclose(grad, want, rtol=tolerance, atol=tolerance)


@pytest.mark.skipif(BACKEND == "numpy", reason="the numpy backend has no gradients")
def test_normalize_gradient_is_finite_at_zero():
    x = np.zeros((2, 3), "float32")
    (grad,) = backend_gradients(lambda t: ops.normalize(t), [x])
    assert np.all(np.isfinite(grad)), grad


def test_half_precision_keeps_its_dtype():
    x = positive(2, 4).astype("float16")
    result = ops.normalize(x)
    assert standardize_dtype(result.dtype) == "float16"
    np.testing.assert_allclose(
        to_numpy(result).astype("float64"),
        normalize_ref(x.astype("float64")),
        rtol=2e-3,
    )


ORACLE, DTYPE_TABLE = load_oracle(
    os.path.join(os.path.dirname(__file__), "dtype_oracle_utilities.json")
)
DTYPE_FUNCTIONS = {
    "one_hot": lambda x: ops.one_hot(x, 3),
    "multi_hot": lambda x: ops.multi_hot(x, 3),
    "normalize": ops.normalize,
    "psnr": lambda x: ops.psnr(x, x, 2.0),
    "polar": lambda x: ops.polar(x, x),
}


def test_every_op_has_recorded_dtypes():
    assert sorted(DTYPE_FUNCTIONS) == sorted(DTYPE_TABLE)


@pytest.mark.parametrize("op_name", sorted(DTYPE_FUNCTIONS))
def test_result_dtypes_match_keras(op_name):
    mismatches = dtype_mismatches(
        DTYPE_FUNCTIONS[op_name], ORACLE, DTYPE_TABLE, op_name
    )
    assert not mismatches, mismatches


def test_one_hot_dtype_argument():
    result = ops.one_hot(np.array([0, 1]), 2, dtype="bool")
    assert standardize_dtype(result.dtype) == "bool"
    assert to_numpy(result).tolist() == [[True, False], [False, True]]


def test_sparse_results_are_refused():
    with pytest.raises(ValueError, match=r"Op `one_hot`.*sparse=True is not supported"):
        ops.one_hot(INDICES, 4, sparse=True)
    with pytest.raises(
        ValueError, match=r"Op `multi_hot`.*sparse=True is not supported"
    ):
        ops.multi_hot(INDICES, 4, sparse=True)


def test_multi_hot_needs_num_classes():
    with pytest.raises(
        ValueError, match=r"Op `multi_hot`.*`num_classes` must be specified"
    ):
        ops.multi_hot(INDICES)


@pytest.mark.parametrize("order", [0, 1.5, True])
def test_normalize_order_must_be_a_positive_int(order):
    with pytest.raises(
        ValueError,
        match=r"Op `normalize`.*`order` must be an int >= 1. Received: order=",
    ):
        ops.normalize(signed(2, 3), order=order)


def test_psnr_needs_equal_shapes():
    with pytest.raises(
        ValueError,
        match=r"psnr: x1 and x2 must have the same shape. "
        r"Received: x1.shape=\(2, 3\), x2.shape=\(3,\)",
    ):
        ops.psnr(positive(2, 3), positive(3), 1.0)


def test_psnr_refuses_booleans():
    with pytest.raises(TypeError, match=r"Op `psnr` cannot take inputs.*boolean"):
        ops.psnr(np.array([True]), np.array([False]), 1.0)
