"""The unary misc NumPy-API ops (rounding, classification, complex parts,
bitwise not), driven by one declarative table.

Each row names an op, its inputs, static arguments and an independent NumPy
reference. Every row is checked for eager values and output types, for
symbolic shapes and dtypes against eager results, inside the backend's
compiler, and (for differentiable ops) for gradients against finite
differences. Result dtypes are checked for every input dtype against Keras
3.15 (recorded in `dtype_oracle_unary_misc.json`).
"""

import dataclasses
import functools
import json
import os

import ml_dtypes
import numpy as np
import pytest
from op_testing import backend_gradients
from op_testing import finite_differences

import keras_core
from keras_core import ops
from keras_core._src.backend import core

BACKEND = keras_core.config.backend()
RNG = np.random.default_rng(0)
NAN = np.nan
INF = np.inf


@dataclasses.dataclass
class Case:
    op: str
    inputs: tuple
    reference: object
    differentiable: bool = True
    kwargs: dict = dataclasses.field(default_factory=dict)
    label: str = ""


def signed(*shape):
    # Away from integers so that floor/ceil/round steps are not sampled.
    values = RNG.integers(-3, 3, size=shape) + RNG.uniform(0.1, 0.4, size=shape)
    return values.astype("float32")


SPECIAL = np.array([NAN, -NAN, INF, -INF, 0.0, -0.0, -1.5, 2.5], "float32")
HALVES = np.array([0.5, 1.5, 2.5, -0.5, -2.5, 0.25, 0.75, 1.125], "float32")
INTS = np.array([15, 25, -15, 14, 16, -25, 0, 7], "int32")
UINTS = np.array([0, 1, 5, 255], "uint8")
BOOLS = np.array([True, False, True])


def no_grad(op, inputs, reference, **kwargs):
    return Case(op, inputs, reference, False, **kwargs)


CASES = [
    Case("floor", (signed(2, 3),), np.floor),
    no_grad("floor", (SPECIAL,), np.floor, label="special"),
    no_grad("floor", (INTS,), np.floor, label="int"),
    Case("ceil", (signed(2, 3),), np.ceil),
    no_grad("ceil", (SPECIAL,), np.ceil, label="special"),
    Case("trunc", (signed(2, 3),), np.trunc),
    no_grad("trunc", (SPECIAL,), np.trunc, label="special"),
    no_grad("trunc", (INTS,), np.trunc, label="int"),
    Case("round", (signed(2, 3),), np.round),
    no_grad("round", (HALVES,), np.round, label="halves"),
    no_grad(
        "round",
        (HALVES,),
        functools.partial(np.round, decimals=1),
        kwargs={"decimals": 1},
        label="decimals",
    ),
    no_grad(
        "round",
        (np.array([149.0, 150.0, 250.0, -250.0, 351.0], "float32"),),
        functools.partial(np.round, decimals=-2),
        kwargs={"decimals": -2},
        label="negative_decimals",
    ),
    no_grad(
        "round",
        (INTS,),
        functools.partial(np.round, decimals=-1),
        kwargs={"decimals": -1},
        label="int_negative_decimals",
    ),
    no_grad("round", (SPECIAL,), np.round, label="special"),
    Case("fabs", (signed(2, 3),), np.fabs),
    no_grad("fabs", (INTS,), np.fabs, label="int"),
    no_grad("isnan", (SPECIAL,), np.isnan),
    no_grad("isnan", (INTS,), np.isnan, label="int"),
    no_grad("isinf", (SPECIAL,), np.isinf),
    no_grad("isinf", (INTS,), np.isinf, label="int"),
    no_grad("isfinite", (SPECIAL,), np.isfinite),
    no_grad("isfinite", (INTS,), np.isfinite, label="int"),
    no_grad("isneginf", (SPECIAL,), np.isneginf),
    no_grad("isneginf", (INTS,), np.isneginf, label="int"),
    no_grad("isposinf", (SPECIAL,), np.isposinf),
    no_grad("isposinf", (UINTS,), np.isposinf, label="uint"),
    no_grad("isreal", (SPECIAL,), np.isreal),
    no_grad("isreal", (INTS,), np.isreal, label="int"),
    no_grad("logical_not", (SPECIAL,), np.logical_not),
    no_grad("logical_not", (INTS,), np.logical_not, label="int"),
    no_grad("logical_not", (UINTS,), np.logical_not, label="uint"),
    no_grad("logical_not", (BOOLS,), np.logical_not, label="bool"),
    no_grad("signbit", (SPECIAL,), np.signbit),
    no_grad("signbit", (INTS,), np.signbit, label="int"),
    no_grad("signbit", (UINTS,), np.signbit, label="uint"),
    Case("conj", (signed(2, 3),), np.conj),
    Case("conjugate", (signed(3),), np.conjugate),
    no_grad("conjugate", (INTS,), np.conjugate, label="int"),
    Case("real", (signed(2, 3),), np.real),
    no_grad("real", (INTS,), np.real, label="int"),
    # Zero everywhere: torch has no graph to differentiate through.
    no_grad("imag", (signed(2, 3),), np.imag),
    Case("angle", (signed(2, 3),), np.angle),
    no_grad("angle", (SPECIAL,), np.angle, label="special"),
    no_grad("angle", (INTS,), np.angle, label="int"),
    Case("copy", (signed(2, 3),), np.copy),
    no_grad("copy", (INTS,), np.copy, label="int"),
    Case("nan_to_num", (signed(2, 3),), np.nan_to_num),
    no_grad(
        "nan_to_num",
        (SPECIAL,),
        lambda x: np.nan_to_num(x.astype("float32")),
        label="special",
    ),
    no_grad(
        "nan_to_num",
        (SPECIAL,),
        functools.partial(np.nan_to_num, nan=-1.0, posinf=9.0, neginf=-9.0),
        kwargs={"nan": -1.0, "posinf": 9.0, "neginf": -9.0},
        label="values",
    ),
    no_grad("nan_to_num", (INTS,), np.nan_to_num, label="int"),
    no_grad("bitwise_invert", (INTS,), np.invert),
    no_grad("bitwise_invert", (UINTS,), np.invert, label="uint"),
    no_grad("bitwise_invert", (BOOLS,), np.invert, label="bool"),
    no_grad("bitwise_not", (np.array([-3, 0, 7], "int8"),), np.bitwise_not),
]
IDS = [f"{case.op}-{case.label}" if case.label else case.op for case in CASES]


def to_numpy(x):
    return core.convert_to_numpy(x)


def widen(x):
    x = np.asarray(x)
    return x.astype("float64") if x.dtype.kind == "f" else x


def reference_output(case):
    return case.reference(*[widen(x) for x in case.inputs])


def assert_matches(result, case):
    expected = reference_output(case)
    got = to_numpy(result)
    if expected.dtype.kind == "f":
        # Values can only be 32-bit exact (+-max of float32 in nan_to_num).
        np.testing.assert_allclose(got, expected, rtol=1e-6, atol=1e-6)
    else:
        np.testing.assert_array_equal(got, expected)


def bound(case):
    return functools.partial(getattr(ops, case.op), **case.kwargs)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_eager_values_and_types(case):
    result = bound(case)(*case.inputs)
    assert core.is_tensor(result), type(result)
    assert_matches(result, case)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_symbolic_shape_and_dtype_match_eager(case):
    op = bound(case)
    eager = op(*case.inputs)
    static = [keras_core.KerasTensor(x.shape, dtype=x.dtype.name) for x in case.inputs]
    symbolic = op(*static)
    assert symbolic.shape == tuple(core.shape(eager))
    assert symbolic.dtype == keras_core.backend.standardize_dtype(eager.dtype)
    batched = [
        keras_core.KerasTensor((None, *x.shape), dtype=x.dtype.name)
        for x in case.inputs
    ]
    assert op(*batched).shape == (None, *core.shape(eager))
    # Aliases record the op under its main name (conj -> conjugate).
    name = getattr(ops, case.op).__name__
    assert symbolic._keras_history.operation.name.startswith(name)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_inside_the_backend_compiler(case):
    op = bound(case)
    tensors = [core.convert_to_tensor(x) for x in case.inputs]
    if BACKEND == "jax":
        import jax

        result = jax.jit(op)(*tensors)
        assert isinstance(result, jax.Array)
    elif BACKEND == "tensorflow":
        import tensorflow as tf

        result = tf.function(op, jit_compile=True)(*tensors)
        assert tf.is_tensor(result)
    elif BACKEND == "torch":
        import torch

        result = op(*tensors)
        assert isinstance(result, torch.Tensor)
    else:
        pytest.skip("numpy has no compiler: eager values are checked elsewhere")
    assert_matches(result, case)


@pytest.mark.parametrize(
    "case", [c for c in CASES if c.differentiable], ids=lambda c: c.op
)
def test_gradients_match_finite_differences(case):
    if BACKEND == "numpy":
        pytest.skip("the numpy backend is inference only: it has no gradients")
    inputs = [np.asarray(x, dtype="float64") for x in case.inputs]
    if BACKEND == "jax":
        inputs = [x.astype("float32") for x in inputs]  # jax runs without x64
    grads = backend_gradients(bound(case), inputs)
    expected = finite_differences(
        case.reference, [np.asarray(x, dtype="float64") for x in case.inputs]
    )
    tolerance = 1e-3 if BACKEND == "jax" else 1e-6
    for grad, reference in zip(grads, expected, strict=True):
        np.testing.assert_allclose(grad, reference, rtol=tolerance, atol=tolerance)


def test_every_public_op_has_a_row():
    from keras_core._src.ops.numpy import unary_misc

    assert set(unary_misc.__all__) == {case.op for case in CASES}


def test_public_names_and_aliases():
    for name in ("conj", "conjugate", "bitwise_invert", "bitwise_not", "round"):
        assert getattr(ops, name) is getattr(ops.numpy, name)
    assert ops.conj is ops.conjugate
    assert ops.bitwise_not is ops.bitwise_invert
    # Keras records the same dtypes for both names of each pair.
    assert DTYPE_TABLE["conj"] == DTYPE_TABLE["conjugate"]
    assert DTYPE_TABLE["bitwise_not"] == DTYPE_TABLE["bitwise_invert"]


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


with open(os.path.join(os.path.dirname(__file__), "dtype_oracle_unary_misc.json")) as f:
    ORACLE = json.load(f)
DTYPE_TABLE = ORACLE["tensorflow" if BACKEND == "tensorflow" else "default"]
PYTHON_VALUES = {"python:int": 3, "python:float": 2.5}


def sample(key):
    if key in PYTHON_VALUES:
        return PYTHON_VALUES[key]
    if key == "bool":
        return np.array([True, True])
    dtype = ml_dtypes.bfloat16 if key == "bfloat16" else key
    return np.array([1, 2], dtype=dtype)


# Aliases are the same op object (checked above): one pass per op is enough,
# and it keeps the eager dtype sweep within the time budget on jax.
MAIN_NAMES = sorted(n for n in DTYPE_TABLE if getattr(ops, n).__name__ == n)


def result_dtype(op, value):
    if BACKEND == "jax":
        import jax

        # The same eager call, traced without compiling (jax compiles each
        # op for each new dtype, which made this sweep most of the run).
        return jax.eval_shape(lambda: op(value)).dtype
    return op(value).dtype


@pytest.mark.parametrize("op_name", MAIN_NAMES)
def test_result_dtypes_match_keras(op_name):
    op = getattr(ops, op_name)
    mismatches = []
    for key, expected in DTYPE_TABLE[op_name].items():
        if BACKEND == "tensorflow" and (
            expected == "error" or ORACLE["default"][op_name][key] == "error"
        ):
            # Keras fails here on one backend only (no TensorFlow kernel for
            # bool round/conj/real/invert; real(3) on numpy). We give the
            # answer of the other backends, which they check.
            continue
        if BACKEND == "torch" and ("uint16" in key or "uint32" in key):
            # torch lacks most kernels for these types.
            continue
        try:
            got = keras_core.backend.standardize_dtype(result_dtype(op, sample(key)))
        except Exception:
            got = "error"
        if got != expected:
            mismatches.append((key, got, expected))
    assert not mismatches, mismatches
