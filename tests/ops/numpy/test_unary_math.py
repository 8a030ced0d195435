"""The unary math NumPy-API ops, driven by one declarative table.

Each row names an op, its input, an independent NumPy reference and what to
check. Every row is checked for eager values and output types, for symbolic
shapes and dtypes against eager results, inside the backend's compiler, and
for gradients against finite differences. Every op is also checked on edge
values (0, -0, +-1, +-inf, NaN) against NumPy, on integer, boolean and
half-precision inputs, and for its result dtype for every input dtype
against Keras 3.15 (recorded in `dtype_oracle_unary_math.json`).
"""

import dataclasses
import json
import os

import ml_dtypes
import numpy as np
import pytest
from op_testing import backend_gradients
from op_testing import finite_differences
from op_testing import positive
from op_testing import signed

import keras_core
from keras_core import ops
from keras_core._src.backend import core

BACKEND = keras_core.config.backend()
RNG = np.random.default_rng(0)


@dataclasses.dataclass
class Case:
    op: str
    input: np.ndarray
    reference: object
    differentiable: bool = True
    rtol: float = 1e-5
    name: str = ""

    @property
    def id(self):
        return self.name or self.op


def uniform(low, high, *shape):
    return RNG.uniform(low, high, size=shape).astype("float32")


def inside_unit(*shape):
    # Inside (-1, 1), away from the ends where arcsin/arctanh blow up.
    return uniform(-0.9, 0.9, *shape)


CASES = [
    Case("sign", signed(2, 3), np.sign),
    Case("square", signed(2, 3), np.square),
    Case("exp2", signed(2, 3), np.exp2),
    Case("expm1", signed(2, 3), np.expm1),
    Case("log", positive(2, 3), np.log),
    Case("log2", positive(2, 3), np.log2),
    Case("log10", positive(2, 3), np.log10),
    Case("log1p", uniform(-0.9, 2.0, 2, 3), np.log1p),
    Case("sin", signed(2, 3), np.sin),
    Case("cos", signed(2, 3), np.cos),
    Case("tan", inside_unit(2, 3), np.tan),
    Case("arcsin", inside_unit(2, 3), np.arcsin),
    Case("arccos", inside_unit(2, 3), np.arccos),
    Case("arctan", signed(2, 3), np.arctan),
    Case("sinh", signed(2, 3), np.sinh),
    Case("cosh", signed(2, 3), np.cosh),
    Case("tanh", signed(2, 3), np.tanh),
    Case("arcsinh", signed(2, 3), np.arcsinh),
    Case("arccosh", uniform(1.2, 3.0, 2, 3), np.arccosh),
    Case("arctanh", inside_unit(2, 3), np.arctanh),
    Case("cbrt", signed(2, 3), np.cbrt),
    Case("reciprocal", signed(2, 3), np.reciprocal),
    Case("deg2rad", signed(2, 3) * 90, np.deg2rad),
    Case("rad2deg", signed(2, 3), np.rad2deg),
    Case("sinc", signed(2, 3), np.sinc),
    # sinc is 0 / 0 at 0: its value (1) and gradient (0) must stay finite.
    Case("sinc", np.array([0.0, 0.5, -1.5], "float32"), np.sinc, name="sinc_at_0"),
    Case("i0", signed(2, 3) * 2, np.i0),
]
IDS = [case.id for case in CASES]
OP_NAMES = sorted({case.op for case in CASES})


def to_numpy(x):
    return core.convert_to_numpy(x)


def reference_output(case):
    return case.reference(np.asarray(case.input, dtype="float64"))


def test_every_public_op_has_a_row():
    from keras_core._src.ops.numpy import unary_math

    assert sorted(unary_math.__all__) == OP_NAMES


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_eager_values_and_types(case):
    result = getattr(ops, case.op)(case.input)
    assert core.is_tensor(result), type(result)
    assert keras_core.backend.standardize_dtype(result.dtype) == "float32"
    expected = reference_output(case)
    np.testing.assert_allclose(to_numpy(result), expected, rtol=case.rtol, atol=1e-6)


@pytest.mark.parametrize("op_name", OP_NAMES)
def test_public_names(op_name):
    assert getattr(ops, op_name) is getattr(keras_core.ops.numpy, op_name)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_symbolic_shape_and_dtype_match_eager(case):
    op = getattr(ops, case.op)
    eager = op(case.input)
    symbolic = op(keras_core.KerasTensor(case.input.shape, dtype="float32"))
    assert symbolic.shape == tuple(core.shape(eager))
    assert symbolic.dtype == keras_core.backend.standardize_dtype(eager.dtype)
    batched = op(keras_core.KerasTensor((None, *case.input.shape), dtype="float32"))
    assert batched.shape == (None, *core.shape(eager))
    # An integer input: the symbolic dtype follows the same rule as eager.
    int_input = np.array([1, 2], "int16")
    int_symbolic = op(keras_core.KerasTensor((None,), dtype="int16"))
    assert int_symbolic.dtype == keras_core.backend.standardize_dtype(
        op(int_input).dtype
    )
    assert symbolic._keras_history.operation.name.startswith(case.op)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_inside_the_backend_compiler(case):
    op = getattr(ops, case.op)
    expected = reference_output(case)
    tensor = core.convert_to_tensor(case.input)
    if BACKEND == "jax":
        import jax

        result = jax.jit(op)(tensor)
        assert isinstance(result, jax.Array)
    elif BACKEND == "tensorflow":
        import tensorflow as tf

        result = tf.function(op, jit_compile=True)(tensor)
        assert tf.is_tensor(result)
    elif BACKEND == "torch":
        import torch

        result = torch.compile(op, backend="eager")(tensor)
        assert isinstance(result, torch.Tensor)
    else:
        pytest.skip("numpy has no compiler: eager values are checked elsewhere")
    np.testing.assert_allclose(to_numpy(result), expected, rtol=case.rtol, atol=1e-6)


@pytest.mark.parametrize("case", [c for c in CASES if c.differentiable], ids=IDS)
def test_gradients_match_finite_differences(case):
    if BACKEND == "numpy":
        pytest.skip("the numpy backend is inference only: it has no gradients")
    x = np.asarray(case.input, dtype="float64")
    if BACKEND == "jax":
        x = x.astype("float32")  # jax runs without x64
    (grad,) = backend_gradients(getattr(ops, case.op), [x])
    (expected,) = finite_differences(
        case.reference, [np.asarray(case.input, "float64")]
    )
    tolerance = 1e-3 if BACKEND == "jax" else 1e-6
    np.testing.assert_allclose(grad, expected, rtol=tolerance, atol=tolerance)


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
@pytest.mark.parametrize("dtype", ["int8", "uint8", "int32", "bool"])
def test_integer_and_boolean_inputs(op_name, dtype):
    if op_name == "sign" and dtype == "bool":
        pytest.skip("sign refuses booleans: see test_sign_refuses_booleans")
    values = {"bool": [True, False, True], "uint8": [0, 3, 20]}.get(dtype, [-3, 0, 5])
    x = np.array(values, dtype)
    result = getattr(ops, op_name)(x)
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


with open(os.path.join(os.path.dirname(__file__), "dtype_oracle_unary_math.json")) as f:
    ORACLE = json.load(f)
# TensorFlow keeps 64-bit results, as in Keras 3; the other backends follow
# the lattice that Keras 3 applies on jax and numpy.
DTYPE_TABLE = ORACLE["tensorflow" if BACKEND == "tensorflow" else "default"]
PYTHON_VALUES = {"python:int": 3, "python:float": 2.5}


def sample(key):
    if key in PYTHON_VALUES:
        return PYTHON_VALUES[key]
    if key == "bool":
        return np.array([True, True])
    dtype = ml_dtypes.bfloat16 if key == "bfloat16" else key
    return np.array([1, 2], dtype=dtype)


def test_oracle_covers_every_op():
    assert sorted(DTYPE_TABLE) == OP_NAMES


@pytest.mark.parametrize("op_name", sorted(DTYPE_TABLE))
def test_result_dtypes_match_keras(op_name):
    op = getattr(ops, op_name)
    mismatches = []
    for key, expected in DTYPE_TABLE[op_name].items():
        if BACKEND == "tensorflow" and expected == "error":
            # Keras fails here on TensorFlow (missing kernels); we give
            # NumPy's answer instead, which the other backends check.
            continue
        if BACKEND == "torch" and key in ("uint16", "uint32"):
            # torch lacks most kernels for these types.
            continue
        try:
            got = keras_core.backend.standardize_dtype(op(sample(key)).dtype)
        except Exception:
            got = "error"
        if got != expected:
            mismatches.append((key, got, expected))
    assert not mismatches, mismatches
