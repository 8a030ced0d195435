"""The unary misc NumPy-API ops (rounding, classification, complex parts,
bitwise not), driven by one declarative table.

Each row names an op, its inputs, static arguments and an independent NumPy
reference. Every row is checked for eager values and output types, for
symbolic shapes and dtypes against eager results, inside the backend's
compiler, and (for differentiable ops) for gradients against finite
differences. Result dtypes are checked for every input dtype against Keras
3.15 (recorded in `dtype_oracle_unary_misc.json`).
"""

import os

import ml_dtypes
import numpy as np
import pytest
from op_testing import Case
from op_testing import TableTests
from op_testing import dtype_mismatches
from op_testing import load_oracle
from op_testing import to_numpy

import keras_core
from keras_core import ops
from keras_core._src.backend import core

BACKEND = keras_core.config.backend()
RNG = np.random.default_rng(0)
NAN = np.nan
INF = np.inf


def signed(*shape):
    # Away from integers so that floor/ceil/round steps are not sampled.
    values = RNG.integers(-3, 3, size=shape) + RNG.uniform(0.1, 0.4, size=shape)
    return values.astype("float32")


SPECIAL = np.array([NAN, -NAN, INF, -INF, 0.0, -0.0, -1.5, 2.5], "float32")
HALVES = np.array([0.5, 1.5, 2.5, -0.5, -2.5, 0.25, 0.75, 1.125], "float32")
INTS = np.array([15, 25, -15, 14, 16, -25, 0, 7], "int32")
UINTS = np.array([0, 1, 5, 255], "uint8")
BOOLS = np.array([True, False, True])


def row(op, x, reference=None, label="", **kwargs):
    """A differentiable row. `reference` (NumPy's op of the same name by
    default) gets the kwargs too. Case's rtol and atol (1e-6) stand: values
    can only be 32-bit exact (+-max of float32 in nan_to_num)."""
    return Case(op, (x,), kwargs, reference=reference, grad=True, label=label)


def no_grad(op, x, reference=None, label="", **kwargs):
    return Case(op, (x,), kwargs, reference=reference, label=label)


CASES = [
    row("floor", signed(2, 3)),
    no_grad("floor", SPECIAL, label="special"),
    no_grad("floor", INTS, label="int"),
    row("ceil", signed(2, 3)),
    no_grad("ceil", SPECIAL, label="special"),
    row("trunc", signed(2, 3)),
    no_grad("trunc", SPECIAL, label="special"),
    no_grad("trunc", INTS, label="int"),
    row("round", signed(2, 3)),
    no_grad("round", HALVES, label="halves"),
    no_grad("round", HALVES, label="decimals", decimals=1),
    no_grad(
        "round",
        np.array([149.0, 150.0, 250.0, -250.0, 351.0], "float32"),
        label="negative_decimals",
        decimals=-2,
    ),
    no_grad("round", INTS, label="int_negative_decimals", decimals=-1),
    no_grad("round", SPECIAL, label="special"),
    row("fabs", signed(2, 3)),
    no_grad("fabs", INTS, label="int"),
    no_grad("isnan", SPECIAL),
    no_grad("isnan", INTS, label="int"),
    no_grad("isinf", SPECIAL),
    no_grad("isinf", INTS, label="int"),
    no_grad("isfinite", SPECIAL),
    no_grad("isfinite", INTS, label="int"),
    no_grad("isneginf", SPECIAL),
    no_grad("isneginf", INTS, label="int"),
    no_grad("isposinf", SPECIAL),
    no_grad("isposinf", UINTS, label="uint"),
    no_grad("isreal", SPECIAL),
    no_grad("isreal", INTS, label="int"),
    no_grad("logical_not", SPECIAL),
    no_grad("logical_not", INTS, label="int"),
    no_grad("logical_not", UINTS, label="uint"),
    no_grad("logical_not", BOOLS, label="bool"),
    no_grad("signbit", SPECIAL),
    no_grad("signbit", INTS, label="int"),
    no_grad("signbit", UINTS, label="uint"),
    row("conj", signed(2, 3)),
    row("conjugate", signed(3)),
    no_grad("conjugate", INTS, label="int"),
    row("real", signed(2, 3)),
    no_grad("real", INTS, label="int"),
    # Zero everywhere: torch has no graph to differentiate through.
    no_grad("imag", signed(2, 3)),
    row("angle", signed(2, 3)),
    no_grad("angle", SPECIAL, label="special"),
    no_grad("angle", INTS, label="int"),
    row("copy", signed(2, 3)),
    no_grad("copy", INTS, label="int"),
    row("nan_to_num", signed(2, 3)),
    no_grad(
        "nan_to_num",
        SPECIAL,
        lambda x: np.nan_to_num(x.astype("float32")),
        label="special",
    ),
    no_grad("nan_to_num", SPECIAL, label="values", nan=-1.0, posinf=9.0, neginf=-9.0),
    no_grad("nan_to_num", INTS, label="int"),
    no_grad("bitwise_invert", INTS, np.invert),
    no_grad("bitwise_invert", UINTS, np.invert, label="uint"),
    no_grad("bitwise_invert", BOOLS, np.invert, label="bool"),
    no_grad("bitwise_not", np.array([-3, 0, 7], "int8")),
]


class TestUnaryMisc(TableTests):
    CASES = CASES


def test_every_public_op_has_a_row():
    from keras_core._src.ops.numpy import unary_misc

    assert set(unary_misc.__all__) == {case.op for case in CASES}


def test_public_names_and_aliases():
    for name in ("conj", "conjugate", "bitwise_invert", "bitwise_not", "round"):
        assert getattr(ops, name) is getattr(ops.numpy, name)
    assert ops.conj is ops.conjugate
    assert ops.bitwise_not is ops.bitwise_invert
    # Keras records the same dtypes for both names of each pair.
    for recording in ("default", "tensorflow"):
        assert ORACLE[recording]["conj"] == ORACLE[recording]["conjugate"]
        assert ORACLE[recording]["bitwise_not"] == ORACLE[recording]["bitwise_invert"]


def test_round_decimals_variants():
    x = np.array([1.2345, -1.2355, 123.5], "float32")
    for decimals in (0, 2, 3, -1):
        got = to_numpy(ops.round(x, decimals=decimals))
        expected = np.round(x, decimals)
        np.testing.assert_allclose(got, expected, rtol=1e-6)
    # Integers with non-negative decimals are returned as they are.
    np.testing.assert_array_equal(to_numpy(ops.round(INTS, 2)), INTS)
    # Booleans round as float16, as NumPy does.
    result = ops.round(BOOLS)
    assert keras_core.backend.standardize_dtype(result.dtype) == "float16"
    np.testing.assert_array_equal(to_numpy(result), [1.0, 0.0, 1.0])


def test_nan_to_num_default_bounds_follow_the_dtype():
    for dtype in ("float16", "float32", "bfloat16"):
        np_dtype = ml_dtypes.bfloat16 if dtype == "bfloat16" else dtype
        x = np.array([INF, -INF, NAN], dtype=np_dtype)
        got = to_numpy(ops.nan_to_num(x)).astype("float64")
        info = ml_dtypes.finfo(np_dtype)
        expected = np.array([float(info.max), float(info.min), 0.0])
        np.testing.assert_array_equal(got, expected)


def test_signbit_and_angle_on_signed_zero_and_nan():
    x = np.array([-0.0, 0.0, -NAN, NAN], "float32")
    np.testing.assert_array_equal(to_numpy(ops.signbit(x)), np.signbit(x))
    got = to_numpy(ops.angle(np.array([-0.0, 0.0], "float32")))
    np.testing.assert_allclose(got, [np.pi, 0.0], rtol=1e-6)
    np.testing.assert_array_equal(
        to_numpy(ops.signbit(np.array([-1.0, -0.0, 1.0], ml_dtypes.bfloat16))),
        [True, True, False],
    )


def test_copy_is_independent_of_its_input():
    if BACKEND in ("jax", "tensorflow"):
        pytest.skip("jax and tensorflow tensors are immutable")
    x = core.convert_to_tensor(np.array([1.0, 2.0], "float32"))
    result = ops.copy(x)
    x[0] = 5.0
    np.testing.assert_array_equal(to_numpy(result), [1.0, 2.0])


def test_errors_name_the_op():
    with pytest.raises(TypeError, match=r"bitwise_invert.*integer or boolean"):
        ops.bitwise_invert(np.array([1.0], "float32"))
    with pytest.raises(TypeError, match="bitwise_invert"):
        ops.bitwise_not(keras_core.KerasTensor((None, 2), dtype="float16"))
    with pytest.raises(TypeError, match=r"real.*Python number"):
        ops.real(3)
    with pytest.raises(TypeError, match=r"imag.*Python number"):
        ops.imag(2.5)
    with pytest.raises(TypeError, match="unexpected keyword argument 'decimal'"):
        ops.round(HALVES, decimal=1)


ORACLE, DTYPE_TABLE = load_oracle(
    os.path.join(os.path.dirname(__file__), "dtype_oracle_unary_misc.json")
)
# Aliases are the same op object (checked above): one pass per op is enough,
# and it keeps the eager dtype sweep within the time budget on jax.
MAIN_NAMES = sorted(n for n in DTYPE_TABLE if getattr(ops, n).__name__ == n)


@pytest.mark.parametrize("op_name", MAIN_NAMES)
def test_result_dtypes_match_keras(op_name):
    table = DTYPE_TABLE
    if BACKEND == "tensorflow":
        # Keras fails on one backend only in some cells: on TensorFlow (no
        # kernel for bool round/conj/real/invert; dtype_mismatches skips
        # those) and on numpy (real(3)). We give the answer of the other
        # backends, which they check; TensorFlow skips both kinds.
        default = ORACLE["default"][op_name]
        table = {
            op_name: {
                key: value
                for key, value in DTYPE_TABLE[op_name].items()
                if default[key] != "error"
            }
        }
    mismatches = dtype_mismatches(getattr(ops, op_name), ORACLE, table, op_name)
    assert not mismatches, mismatches
