"""The reduction and cumulative NumPy-API ops, driven by one declarative table.

Each row names an op, its input, its static arguments, an independent NumPy
reference and what to check. Every row is checked for eager values and
output types, for symbolic shapes and dtypes against eager results (also
with an unknown dimension), inside the backend's compiler, and (for
differentiable ops) for gradients against finite differences. Result dtypes
are checked for every input dtype against Keras 3.15 (recorded in
`dtype_oracle_reductions.json`).
"""

import os

import numpy as np
import pytest
from op_testing import Case
from op_testing import TableTests
from op_testing import dtype_mismatches
from op_testing import load_oracle
from op_testing import to_numpy

import keras_core
from keras_core import ops
from keras_core._src.backend.common.dtypes import narrowed_dtype

BACKEND = keras_core.config.backend()
RNG = np.random.default_rng(0)
NAN = np.nan


def distinct(*shape):
    # Distinct values away from 0, so max/min/argmax have no ties or kinks.
    size = int(np.prod(shape))
    values = RNG.permutation(size).astype("float32") / size + 0.5
    signs = RNG.choice([-1.0, 1.0], size=size)
    return (values * signs).reshape(shape).astype("float32")


def with_nans(*shape):
    x = distinct(*shape)
    x.flat[::3] = NAN
    return x


def tuple_axes(reference):
    """`reference` taking axis lists as tuples, the only kind NumPy takes."""

    def wrapped(x, axis, **kwargs):
        return reference(x, axis=tuple(axis), **kwargs)

    return wrapped


def row(op, x, grad=True, reference=None, rtol=1e-6, **kwargs):
    reference = reference or getattr(np, op)
    if isinstance(kwargs.get("axis"), list):
        reference = tuple_axes(reference)
    label = ",".join(f"{k}={v}" for k, v in kwargs.items())
    return Case(
        op, (x,), kwargs, reference=reference, grad=grad, rtol=rtol, label=label
    )


def nanarg(function):
    def reference(x, axis=None, keepdims=False):
        return function(x, axis=axis, keepdims=keepdims)

    return reference


INTS = np.array([[0, 3, 1], [2, 0, 5]], dtype="int32")
CASES = [
    row("sum", distinct(2, 3, 4)),
    row("sum", distinct(2, 3, 4), axis=(0, 2), keepdims=True),
    row("sum", distinct(2, 3), axis=[-1]),
    row("prod", distinct(2, 3), axis=1),
    row("prod", distinct(2, 3) * 4, False, dtype="int32"),
    row("mean", distinct(2, 3, 4), axis=1),
    row("mean", distinct(3, 4), keepdims=True),
    row("max", distinct(2, 3, 4), axis=(1, 2)),
    row("max", distinct(2, 3), axis=0, initial=0.7, keepdims=True),
    row("max", with_nans(2, 3), False, axis=1),
    row("min", distinct(2, 3), axis=-1),
    row("min", distinct(2, 3), initial=-0.6),
    row("amax", distinct(3, 4), axis=0),
    row("amin", distinct(3, 4), keepdims=True),
    row("all", INTS, False, axis=1),
    row("all", INTS, False, keepdims=True),
    row("any", INTS, False, axis=0),
    row("any", INTS * 0, False),
    row("std", distinct(3, 4), axis=1, rtol=1e-5),
    row("std", distinct(2, 3, 2), axis=(0, 2), keepdims=True, rtol=1e-5),
    row("var", distinct(3, 4), rtol=1e-5),
    row("argmax", distinct(3, 4), False, axis=1),
    row("argmax", distinct(3, 4), False, keepdims=True),
    row("argmax", with_nans(3, 4), False, axis=0),
    row("argmin", distinct(3, 4), False, axis=0, keepdims=True),
    row("argmin", distinct(3, 4), False),
    row("count_nonzero", INTS, False),
    row("count_nonzero", INTS, False, axis=(0, 1)),
    row("count_nonzero", INTS, False, axis=1),
    row("ptp", distinct(3, 4), axis=1),
    row("ptp", distinct(3, 4), keepdims=True),
    row("cumsum", distinct(3, 4), axis=1),
    row("cumsum", distinct(3, 4)),
    row("cumsum", distinct(3, 4) * 4, False, axis=0, dtype="int32"),
    row("cumprod", distinct(3, 4), axis=0),
    row("cumprod", distinct(2, 3)),
    row("nansum", with_nans(3, 4), axis=1),
    row("nansum", distinct(3, 4)),
    row("nanprod", with_nans(3, 4), axis=0),
    row("nanmean", with_nans(3, 4), axis=1, rtol=1e-5),
    row("nanmean", distinct(3, 4), keepdims=True, rtol=1e-5),
    row("nanmax", with_nans(3, 4), axis=1),
    row("nanmax", distinct(3, 4)),
    row("nanmin", with_nans(3, 4), axis=0, keepdims=True),
    row("nanstd", with_nans(3, 4), axis=1, rtol=1e-5),
    row("nanvar", with_nans(3, 4), rtol=1e-5),
    row("nanvar", distinct(3, 4), axis=0, rtol=1e-5),
    row("nanargmax", with_nans(3, 4), False, nanarg(np.nanargmax), axis=1),
    row("nanargmax", with_nans(3, 4), False, nanarg(np.nanargmax)),
    row("nanargmin", with_nans(3, 4), False, nanarg(np.nanargmin), keepdims=True),
    row("nanargmin", with_nans(3, 4), False, nanarg(np.nanargmin), axis=0),
    row("nancumsum", with_nans(3, 4), axis=1),
    row("nancumsum", with_nans(3, 4)),
    row("nancumprod", with_nans(3, 4), axis=0),
]


class TestReductions(TableTests):
    CASES = CASES


def test_every_op_has_a_row():
    from keras_core._src.ops.numpy import reductions

    assert sorted({c.op for c in CASES}) == sorted(reductions.__all__)


@pytest.mark.parametrize("op_name", ["nanargmax", "nanargmin"])
def test_nanarg_of_an_all_nan_slice_is_minus_one(op_name):
    x = np.array([[NAN, NAN], [NAN, 1.0]], dtype="float32")
    result = getattr(ops, op_name)(x, axis=1)
    np.testing.assert_array_equal(to_numpy(result), [-1, 1])


@pytest.mark.parametrize("op_name", ["nanmax", "nanmin", "nanmean", "nanvar"])
def test_nan_reductions_of_an_all_nan_slice_are_nan(op_name):
    x = np.array([[NAN, NAN], [NAN, 1.0]], dtype="float32")
    result = to_numpy(getattr(ops, op_name)(x, axis=1))
    assert np.isnan(result[0]) and not np.isnan(result[1])


def test_max_of_booleans_and_unsigned_integers():
    flags = np.array([[True, False], [False, False]])
    np.testing.assert_array_equal(to_numpy(ops.max(flags, axis=1)), [True, False])
    np.testing.assert_array_equal(to_numpy(ops.min(flags, axis=0)), [False, False])
    small = np.array([200, 100, 250], dtype="uint8")
    assert to_numpy(ops.max(small)) == 250
    assert to_numpy(ops.argmin(small)) == 1
    assert to_numpy(ops.sum(small)) == 550  # accumulated as uint32


def test_cumulative_dtype_argument():
    result = ops.cumsum(np.array([1, 2, 3], dtype="int8"), dtype="float16")
    assert keras_core.backend.standardize_dtype(result.dtype) == "float16"
    flags = ops.cumsum(np.array([False, True, False]))
    np.testing.assert_array_equal(to_numpy(flags), [0, 1, 1])
    result = ops.prod(np.array([1, 2], dtype="int8"), dtype="float32")
    assert keras_core.backend.standardize_dtype(result.dtype) == "float32"
    symbolic = ops.cumprod(
        keras_core.KerasTensor((2, 3), dtype="int8"), dtype="float32"
    )
    assert symbolic.dtype == "float32" and symbolic.shape == (6,)


def test_empty_reduction_needs_initial():
    with pytest.raises(ValueError, match="zero-size"):
        ops.max(np.zeros((0, 3), dtype="float32"), axis=0)
    result = ops.max(np.zeros((0, 3), dtype="float32"), axis=0, initial=2.0)
    np.testing.assert_array_equal(to_numpy(result), [2.0, 2.0, 2.0])


def test_bad_inputs_are_refused_with_the_op_name():
    with pytest.raises(TypeError, match="ptp"):
        ops.ptp(np.array([True, False]))
    with pytest.raises(TypeError, match="keepdim"):
        ops.count_nonzero(np.ones(3), keepdims=True)
    with pytest.raises(Exception):  # noqa: B017 - each framework its own type
        ops.sum(np.ones((2, 3)), axis=2)


ORACLE, NARROWED = load_oracle(
    os.path.join(os.path.dirname(__file__), "dtype_oracle_reductions.json")
)


def expected_dtypes():
    """Keras 3's result dtypes on this backend.

    TensorFlow follows its own recording. The others follow Keras's numpy
    backend, narrowed to 32 bits as jax (without x64) and this project hold
    values; where Keras's numpy backend crashes on Python scalars (an
    AttributeError, not a refusal: jax, torch and tensorflow answer), its
    jax backend's answer is expected.
    """
    if BACKEND == "tensorflow":
        return NARROWED
    return {
        op_name: {
            key: narrowed_dtype(ORACLE["jax"][op_name][key])
            if value == "error" and ORACLE["jax"][op_name][key] != "error"
            else value
            for key, value in row.items()
        }
        for op_name, row in NARROWED.items()
    }


def test_oracle_default_and_jax_agree_once_narrowed():
    for op_name, row in ORACLE["default"].items():
        for key, value in row.items():
            jax_value = ORACLE["jax"][op_name][key]
            if value != "error":
                assert narrowed_dtype(value) == jax_value or BACKEND == "tensorflow"


DTYPE_TABLE = expected_dtypes()


@pytest.mark.parametrize("op_name", sorted(DTYPE_TABLE))
def test_result_dtypes_match_keras(op_name):
    # Cells Keras fails on TensorFlow only are skipped there (NumPy's answer
    # is given), and uint16/uint32 on torch (it lacks most kernels for them).
    mismatches = dtype_mismatches(getattr(ops, op_name), ORACLE, DTYPE_TABLE, op_name)
    assert not mismatches, mismatches


@pytest.mark.parametrize("name", ["sum", "mean", "max", "min", "std", "var"])
def test_an_empty_axis_list_reduces_nothing(name):
    x = np.arange(6, dtype="float32").reshape(2, 3)
    expected = getattr(np, name)(x, axis=())
    result = ops.convert_to_numpy(getattr(ops, name)(x, axis=[]))
    np.testing.assert_allclose(result, expected)
