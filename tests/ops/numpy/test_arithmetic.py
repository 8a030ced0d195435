"""The element-wise NumPy-API ops, driven by one declarative table.

Each row names an op, its inputs, an independent NumPy reference and what to
check. Every row is checked for eager values and output types, for symbolic
shapes and dtypes against eager results, inside the backend's compiler, and
(for differentiable ops) for gradients against finite differences. Result
dtypes are checked for every input dtype against Keras 3.15 (recorded in
`dtype_oracle.json`).
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


@dataclasses.dataclass
class Case:
    op: str
    inputs: tuple
    reference: object
    differentiable: bool = True
    rtol: float = 1e-6


CASES = [
    Case("add", (signed(2, 3), signed(3)), np.add),
    Case("subtract", (signed(2, 3), signed(2, 1)), np.subtract),
    Case("multiply", (signed(4, 1), signed(1, 5)), np.multiply),
    Case("true_divide", (signed(2, 3), positive(2, 3)), np.true_divide),
    Case(
        "divide",
        (
            signed(
                3,
            ),
            positive(2, 3),
        ),
        np.divide,
    ),
    Case("maximum", (signed(2, 3), signed(2, 3)), np.maximum),
    Case("minimum", (signed(2, 3), signed(3)), np.minimum),
    Case("fmax", (signed(2, 3), signed(2, 3)), np.fmax),
    Case(
        "fmin",
        (
            signed(
                3,
            ),
            signed(2, 3),
        ),
        np.fmin,
    ),
    Case(
        "equal", (np.array([1.0, 2.0, 3.0]), np.array([1.0, 0.0, 3.0])), np.equal, False
    ),
    Case("less", (signed(2, 3), signed(2, 3)), np.less, False),
    Case("negative", (signed(2, 3),), np.negative),
    Case("absolute", (signed(2, 3),), np.absolute),
    Case(
        "abs",
        (
            signed(
                4,
            ),
        ),
        np.abs,
    ),
    Case("sqrt", (positive(2, 3),), np.sqrt),
    Case("exp", (signed(2, 3),), np.exp, rtol=1e-5),
]
IDS = [case.op for case in CASES]


def to_numpy(x):
    return core.convert_to_numpy(x)


def reference_output(case):
    inputs = [np.asarray(x, dtype="float64") for x in case.inputs]
    return case.reference(*inputs)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_eager_values_and_types(case):
    result = getattr(ops, case.op)(*case.inputs)
    assert core.is_tensor(result), type(result)
    expected = reference_output(case)
    np.testing.assert_allclose(to_numpy(result), expected, rtol=case.rtol, atol=1e-6)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_symbolic_shape_and_dtype_match_eager(case):
    op = getattr(ops, case.op)
    eager = op(*case.inputs)
    static = [keras_core.KerasTensor(x.shape, dtype=x.dtype.name) for x in case.inputs]
    symbolic = op(*static)
    assert symbolic.shape == tuple(core.shape(eager))
    assert symbolic.dtype == keras_core.backend.standardize_dtype(eager.dtype)
    # A new unknown leading dimension on the highest-rank inputs (lower
    # ranks broadcast against their trailing axes) stays unknown.
    rank = max(x.ndim for x in case.inputs)
    batched = [
        keras_core.KerasTensor(
            (None, *x.shape) if x.ndim == rank else x.shape, dtype="float32"
        )
        for x in case.inputs
    ]
    assert op(*batched).shape == (None, *core.shape(eager))
    history = symbolic._keras_history
    assert history.operation.name.startswith(case.op)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_inside_the_backend_compiler(case):
    op = getattr(ops, case.op)
    expected = reference_output(case)
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
    np.testing.assert_allclose(to_numpy(result), expected, rtol=case.rtol, atol=1e-6)


@pytest.mark.parametrize(
    "case", [c for c in CASES if c.differentiable], ids=lambda c: c.op
)
def test_gradients_match_finite_differences(case):
    if BACKEND == "numpy":
        pytest.skip("the numpy backend is inference only: it has no gradients")
    inputs = [np.asarray(x, dtype="float64") for x in case.inputs]
    if BACKEND == "jax":
        inputs = [x.astype("float32") for x in inputs]  # jax runs without x64
    grads = backend_gradients(getattr(ops, case.op), inputs)
    expected = finite_differences(
        case.reference, [np.asarray(x, dtype="float64") for x in case.inputs]
    )
    tolerance = 1e-3 if BACKEND == "jax" else 1e-6
    for grad, reference in zip(grads, expected, strict=True):
        np.testing.assert_allclose(grad, reference, rtol=tolerance, atol=tolerance)


with open(os.path.join(os.path.dirname(__file__), "dtype_oracle.json")) as f:
    ORACLE = json.load(f)
# TensorFlow keeps 64-bit results, as in Keras 3; the other backends follow
# the lattice that Keras 3 applies on jax and numpy.
DTYPE_TABLE = ORACLE["tensorflow" if BACKEND == "tensorflow" else "default"]
PYTHON_VALUES = {"python:int": 3, "python:float": 2.5}


def sample(key):
    if key in PYTHON_VALUES:
        return PYTHON_VALUES[key]
    if key == "bool":
        return np.array([True, True])  # no zeros: divisions stay finite
    dtype = ml_dtypes.bfloat16 if key == "bfloat16" else key
    return np.array([1, 2], dtype=dtype)


@pytest.mark.parametrize("op_name", sorted(DTYPE_TABLE))
def test_result_dtypes_match_keras(op_name):
    op = getattr(ops, op_name)
    mismatches = []
    for key, expected in DTYPE_TABLE[op_name].items():
        if BACKEND == "tensorflow" and expected == "error":
            # Keras fails here on TensorFlow (bool arithmetic); we give
            # NumPy's answer instead, which the other backends check.
            continue
        if BACKEND == "torch" and ("uint16" in key or "uint32" in key):
            # torch lacks most kernels for these types.
            continue
        args = [sample(part) for part in key.split(",")]
        try:
            got = keras_core.backend.standardize_dtype(op(*args).dtype)
        except Exception:
            got = "error"
        if got != expected:
            mismatches.append((key, got, expected))
    assert not mismatches, mismatches


@pytest.mark.parametrize("op_name", ["fmax", "fmin", "maximum", "minimum"])
def test_nan_handling_matches_numpy(op_name):
    # fmax/fmin ignore a NaN when the other value is a number; maximum and
    # minimum propagate it.
    x1 = np.array([np.nan, 1.0, np.nan, -2.0, 3.0], "float32")
    x2 = np.array([2.0, np.nan, np.nan, -1.0, 3.0], "float32")
    result = to_numpy(getattr(ops, op_name)(x1, x2))
    np.testing.assert_array_equal(result, getattr(np, op_name)(x1, x2))
