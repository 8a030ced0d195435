"""The unary math NumPy-API ops, driven by one declarative table.

Each row names an op, its input, an independent NumPy reference and what to
check. Every row is checked for eager values and output types, for symbolic
shapes and dtypes against eager results, inside the backend's compiler, and
for gradients against finite differences. Every op is also checked on edge
values (0, -0, +-1, +-inf, NaN) against NumPy, on integer, boolean and
half-precision inputs, and for its result dtype for every input dtype
against Keras 3.15 (recorded in `dtype_oracle_unary_math.json`).
"""

import os

import ml_dtypes
import numpy as np
import pytest
from op_testing import Case
from op_testing import TableTests
from op_testing import dtype_mismatches
from op_testing import load_oracle
from op_testing import positive
from op_testing import signed
from op_testing import to_numpy

import keras_core
from keras_core import ops

BACKEND = keras_core.config.backend()
RNG = np.random.default_rng(0)


def row(op, x, reference, label=""):
    return Case(op, (x,), reference=reference, grad=True, rtol=1e-5, label=label)


def uniform(low, high, *shape):
    return RNG.uniform(low, high, size=shape).astype("float32")


def inside_unit(*shape):
    # Inside (-1, 1), away from the ends where arcsin/arctanh blow up.
    return uniform(-0.9, 0.9, *shape)


CASES = [
    row("sign", signed(2, 3), np.sign),
    row("square", signed(2, 3), np.square),
    row("exp2", signed(2, 3), np.exp2),
    row("expm1", signed(2, 3), np.expm1),
    row("log", positive(2, 3), np.log),
    row("log2", positive(2, 3), np.log2),
    row("log10", positive(2, 3), np.log10),
    row("log1p", uniform(-0.9, 2.0, 2, 3), np.log1p),
    row("sin", signed(2, 3), np.sin),
    row("cos", signed(2, 3), np.cos),
    row("tan", inside_unit(2, 3), np.tan),
    row("arcsin", inside_unit(2, 3), np.arcsin),
    row("arccos", inside_unit(2, 3), np.arccos),
    row("arctan", signed(2, 3), np.arctan),
    row("sinh", signed(2, 3), np.sinh),
    row("cosh", signed(2, 3), np.cosh),
    row("tanh", signed(2, 3), np.tanh),
    row("arcsinh", signed(2, 3), np.arcsinh),
    row("arccosh", uniform(1.2, 3.0, 2, 3), np.arccosh),
    row("arctanh", inside_unit(2, 3), np.arctanh),
    row("cbrt", signed(2, 3), np.cbrt),
    row("reciprocal", signed(2, 3), np.reciprocal),
    row("deg2rad", signed(2, 3) * 90, np.deg2rad),
    row("rad2deg", signed(2, 3), np.rad2deg),
    row("sinc", signed(2, 3), np.sinc),
    # sinc is 0 / 0 at 0: its value (1) and gradient (0) must stay finite.
    row("sinc", np.array([0.0, 0.5, -1.5], "float32"), np.sinc, label="at_0"),
    row("i0", signed(2, 3) * 2, np.i0),
]
OP_NAMES = sorted({case.op for case in CASES})


class TestUnaryMath(TableTests):
    # Eager float32 results stay float32: the dtype oracle's float32 cells.
    CASES = CASES


def test_every_public_op_has_a_row():
    from keras_core._src.ops.numpy import unary_math

    assert sorted(unary_math.__all__) == OP_NAMES


@pytest.mark.parametrize("op_name", OP_NAMES)
def test_public_names(op_name):
    assert getattr(ops, op_name) is getattr(keras_core.ops.numpy, op_name)


EDGE_VALUES = np.array(
    [np.nan, np.inf, -np.inf, 0.0, -0.0, 1.0, -1.0, 0.5, -2.0, 3.0], "float32"
)


@pytest.mark.filterwarnings("ignore:(invalid value|divide by zero):RuntimeWarning")
@pytest.mark.parametrize("op_name", OP_NAMES)
def test_edge_values_match_numpy(op_name):
    with np.errstate(all="ignore"):
        expected = getattr(np, op_name)(EDGE_VALUES)
    result = to_numpy(getattr(ops, op_name)(EDGE_VALUES))
    np.testing.assert_allclose(result, expected, rtol=1e-5, atol=1e-6)
    # Infinities and NaNs in the same places, with the same signs.
    np.testing.assert_array_equal(np.isnan(result), np.isnan(expected))
    np.testing.assert_array_equal(np.isposinf(result), np.isposinf(expected))
    np.testing.assert_array_equal(np.isneginf(result), np.isneginf(expected))


@pytest.mark.parametrize("op_name", OP_NAMES)
@pytest.mark.parametrize("dtype", ["int8", "int16", "uint8", "int32", "bool"])
def test_integer_and_boolean_inputs(op_name, dtype):
    if op_name == "sign" and dtype == "bool":
        pytest.skip("sign refuses booleans: see test_sign_refuses_booleans")
    values = {"bool": [True, False, True], "uint8": [0, 3, 20]}.get(dtype, [-3, 0, 5])
    x = np.array(values, dtype)
    result = getattr(ops, op_name)(x)
    # The symbolic dtype follows the same rule as eager.
    symbolic = getattr(ops, op_name)(keras_core.KerasTensor((None,), dtype=dtype))
    assert symbolic.dtype == keras_core.backend.standardize_dtype(result.dtype)
    with np.errstate(all="ignore"):
        if op_name in ("sign", "square"):
            # These keep integers: NumPy's integer result (square's
            # booleans become int32, whose squares are 0 and 1).
            wide = x.astype("int32") if dtype == "bool" else x
            expected = getattr(np, op_name)(wide)
        else:
            expected = getattr(np, op_name)(x.astype("float32"))
    np.testing.assert_allclose(to_numpy(result), expected, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("op_name", OP_NAMES)
@pytest.mark.parametrize("dtype", ["float16", "bfloat16"])
def test_half_precision_inputs(op_name, dtype):
    numpy_dtype = ml_dtypes.bfloat16 if dtype == "bfloat16" else dtype
    x = np.array([0.25, 0.75], numpy_dtype)
    if op_name == "arccosh":
        x = x + 1
    result = getattr(ops, op_name)(x)
    assert keras_core.backend.standardize_dtype(result.dtype) == dtype
    expected = getattr(np, op_name)(x.astype("float64"))
    np.testing.assert_allclose(
        to_numpy(result).astype("float64"), expected, rtol=2e-2, atol=1e-2
    )


def test_python_scalars():
    result = ops.log(1)
    assert keras_core.backend.standardize_dtype(result.dtype) == "float32"
    np.testing.assert_allclose(to_numpy(result), 0.0)
    np.testing.assert_allclose(to_numpy(ops.square(-3)), 9)
    np.testing.assert_allclose(to_numpy(ops.sign(-2.5)), -1.0)
    np.testing.assert_allclose(to_numpy(ops.cbrt([-27.0, 8.0])), [-3.0, 2.0])


def test_sign_refuses_booleans():
    with pytest.raises(TypeError, match=r"sign.*boolean"):
        ops.sign(np.array([True, False]))
    with pytest.raises(TypeError, match=r"sign.*boolean"):
        ops.sign(keras_core.KerasTensor((None, 2), dtype="bool"))


def test_argument_errors():
    with pytest.raises(TypeError, match=r"log.*unexpected keyword argument 'axis'"):
        ops.log(np.ones(2, "float32"), axis=0)
    with pytest.raises(TypeError, match=r"sin.*missing"):
        ops.sin()
    with pytest.raises(ValueError, match=r"exp2.*string"):
        ops.exp2(keras_core.KerasTensor((2,), dtype="string"))


# TensorFlow keeps 64-bit results, as in Keras 3; the other backends follow
# the lattice that Keras 3 applies on jax and numpy.
ORACLE, DTYPE_TABLE = load_oracle(
    os.path.join(os.path.dirname(__file__), "dtype_oracle_unary_math.json")
)


def test_oracle_covers_every_op():
    assert sorted(DTYPE_TABLE) == OP_NAMES


@pytest.mark.parametrize("op_name", sorted(DTYPE_TABLE))
def test_result_dtypes_match_keras(op_name):
    mismatches = dtype_mismatches(getattr(ops, op_name), ORACLE, DTYPE_TABLE, op_name)
    assert not mismatches, mismatches
