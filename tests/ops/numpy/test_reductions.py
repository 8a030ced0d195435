"""The reduction and cumulative NumPy-API ops, driven by one declarative table.

Each row names an op, its input, its static arguments, an independent NumPy
reference and what to check. Every row is checked for eager values and
output types, for symbolic shapes and dtypes against eager results (also
with an unknown dimension), inside the backend's compiler, and (for
differentiable ops) for gradients against finite differences. Result dtypes
are checked for every input dtype against Keras 3.15 (recorded in
`dtype_oracle_reductions.json`).
"""

import dataclasses
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
from keras_core._src.backend.common.dtypes import narrowed_dtype

BACKEND = keras_core.config.backend()
RNG = np.random.default_rng(0)
NAN = np.nan


@dataclasses.dataclass
class Case:
    op: str
    x: np.ndarray
    kwargs: dict
    reference: object
    differentiable: bool = True
    rtol: float = 1e-6

    @property
    def id(self):
        args = ",".join(f"{k}={v}" for k, v in self.kwargs.items())
        return f"{self.op}({args})" if args else self.op


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


def case(op, x, differentiable=True, reference=None, rtol=1e-6, **kwargs):
    reference = reference or getattr(np, op)
    return Case(op, x, kwargs, reference, differentiable, rtol)


def nanarg(function):
    def reference(x, axis=None, keepdims=False):
        return function(x, axis=axis, keepdims=keepdims)

    return reference


INTS = np.array([[0, 3, 1], [2, 0, 5]], dtype="int32")
CASES = [
    case("sum", distinct(2, 3, 4)),
    case("sum", distinct(2, 3, 4), axis=(0, 2), keepdims=True),
    case("sum", distinct(2, 3), axis=[-1]),
    case("prod", distinct(2, 3), axis=1),
    case("prod", distinct(2, 3) * 4, False, dtype="int32"),
    case("mean", distinct(2, 3, 4), axis=1),
    case("mean", distinct(3, 4), keepdims=True),
    case("max", distinct(2, 3, 4), axis=(1, 2)),
    case("max", distinct(2, 3), axis=0, initial=0.7, keepdims=True),
    case("max", with_nans(2, 3), False, axis=1),
    case("min", distinct(2, 3), axis=-1),
    case("min", distinct(2, 3), initial=-0.6),
    case("amax", distinct(3, 4), axis=0),
    case("amin", distinct(3, 4), keepdims=True),
    case("all", INTS, False, axis=1),
    case("all", INTS, False, keepdims=True),
    case("any", INTS, False, axis=0),
    case("any", INTS * 0, False),
    case("std", distinct(3, 4), axis=1, rtol=1e-5),
    case("std", distinct(2, 3, 2), axis=(0, 2), keepdims=True, rtol=1e-5),
    case("var", distinct(3, 4), rtol=1e-5),
    case("argmax", distinct(3, 4), False, axis=1),
    case("argmax", distinct(3, 4), False, keepdims=True),
    case("argmax", with_nans(3, 4), False, axis=0),
    case("argmin", distinct(3, 4), False, axis=0, keepdims=True),
    case("argmin", distinct(3, 4), False),
    case("count_nonzero", INTS, False),
    case("count_nonzero", INTS, False, axis=(0, 1)),
    case("count_nonzero", INTS, False, axis=1),
    case("ptp", distinct(3, 4), axis=1),
    case("ptp", distinct(3, 4), keepdims=True),
    case("cumsum", distinct(3, 4), axis=1),
    case("cumsum", distinct(3, 4)),
    case("cumsum", distinct(3, 4) * 4, False, axis=0, dtype="int32"),
    case("cumprod", distinct(3, 4), axis=0),
    case("cumprod", distinct(2, 3)),
    case("nansum", with_nans(3, 4), axis=1),
    case("nansum", distinct(3, 4)),
    case("nanprod", with_nans(3, 4), axis=0),
    case("nanmean", with_nans(3, 4), axis=1, rtol=1e-5),
    case("nanmean", distinct(3, 4), keepdims=True, rtol=1e-5),
    case("nanmax", with_nans(3, 4), axis=1),
    case("nanmax", distinct(3, 4)),
    case("nanmin", with_nans(3, 4), axis=0, keepdims=True),
    case("nanstd", with_nans(3, 4), axis=1, rtol=1e-5),
    case("nanvar", with_nans(3, 4), rtol=1e-5),
    case("nanvar", distinct(3, 4), axis=0, rtol=1e-5),
    case("nanargmax", with_nans(3, 4), False, nanarg(np.nanargmax), axis=1),
    case("nanargmax", with_nans(3, 4), False, nanarg(np.nanargmax)),
    case("nanargmin", with_nans(3, 4), False, nanarg(np.nanargmin), keepdims=True),
    case("nanargmin", with_nans(3, 4), False, nanarg(np.nanargmin), axis=0),
    case("nancumsum", with_nans(3, 4), axis=1),
    case("nancumsum", with_nans(3, 4)),
    case("nancumprod", with_nans(3, 4), axis=0),
]
IDS = [c.id for c in CASES]


def to_numpy(x):
    return core.convert_to_numpy(x)


def reference_output(case):
    x = case.x.astype("float64") if case.x.dtype.kind == "f" else case.x
    return case.reference(x, **numpy_kwargs(case))


def numpy_kwargs(case):
    # NumPy itself takes axis lists only as tuples.
    kwargs = dict(case.kwargs)
    if isinstance(kwargs.get("axis"), list):
        kwargs["axis"] = tuple(kwargs["axis"])
    return kwargs


def call(case, x=None):
    return getattr(ops, case.op)(case.x if x is None else x, **case.kwargs)


def assert_close(result, expected, case):
    result = to_numpy(result)
    assert result.shape == np.shape(expected), (result.shape, np.shape(expected))
    np.testing.assert_allclose(result, expected, rtol=case.rtol, atol=1e-6)


def test_every_op_has_a_row():
    from keras_core._src.ops.numpy import reductions

    assert sorted({c.op for c in CASES}) == sorted(reductions.__all__)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_eager_values_and_types(case):
    result = call(case)
    assert core.is_tensor(result), type(result)
    assert_close(result, reference_output(case), case)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_symbolic_shape_and_dtype_match_eager(case):
    eager = call(case)
    symbolic = call(case, keras_core.KerasTensor(case.x.shape, dtype=case.x.dtype.name))
    assert symbolic.shape == tuple(core.shape(eager))
    assert symbolic.dtype == keras_core.backend.standardize_dtype(eager.dtype)
    assert symbolic._keras_history.operation.name.startswith(case.op)
    # With the first dimension unknown, the output dimensions that depend on
    # it (those that change when it grows) are unknown too.
    longer = call(case, np.concatenate([case.x, case.x[:1]], axis=0))
    expected = tuple(
        a if a == b else None
        for a, b in zip(core.shape(eager), core.shape(longer), strict=True)
    )
    unknown = keras_core.KerasTensor((None, *case.x.shape[1:]), dtype=case.x.dtype.name)
    assert call(case, unknown).shape == expected


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_inside_the_backend_compiler(case):
    def op(x):
        return call(case, x)

    x = core.convert_to_tensor(case.x)
    if BACKEND == "jax":
        import jax

        result = jax.jit(op)(x)
        assert isinstance(result, jax.Array)
    elif BACKEND == "tensorflow":
        import tensorflow as tf

        result = tf.function(op, jit_compile=True)(x)
        assert tf.is_tensor(result)
    elif BACKEND == "torch":
        import torch

        result = torch.compile(op, backend="eager")(x)
        assert isinstance(result, torch.Tensor)
    else:
        pytest.skip("numpy has no compiler: eager values are checked elsewhere")
    assert_close(result, reference_output(case), case)


@pytest.mark.parametrize(
    "case", [c for c in CASES if c.differentiable], ids=lambda c: c.id
)
def test_gradients_match_finite_differences(case):
    if BACKEND == "numpy":
        pytest.skip("the numpy backend is inference only: it has no gradients")
    x = case.x.astype("float32" if BACKEND == "jax" else "float64")  # no x64
    (grad,) = backend_gradients(lambda y: call(case, y), [x])
    (expected,) = finite_differences(
        lambda y: case.reference(y, **numpy_kwargs(case)), [case.x.astype("float64")]
    )
    grad, expected = np.nan_to_num(grad), np.nan_to_num(expected)
    tolerance = 1e-2 if BACKEND == "jax" else 1e-5
    np.testing.assert_allclose(grad, expected, rtol=tolerance, atol=tolerance)


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


with open(os.path.join(os.path.dirname(__file__), "dtype_oracle_reductions.json")) as f:
    ORACLE = json.load(f)
PYTHON_VALUES = {"python:int": 3, "python:float": 2.5}


def expected_dtypes():
    """Keras 3's result dtypes on this backend.

    TensorFlow follows its own recording. The others follow Keras's numpy
    backend, narrowed to 32 bits as jax (without x64) and this project hold
    values; where Keras's numpy backend crashes on Python scalars (an
    AttributeError, not a refusal: jax, torch and tensorflow answer), its
    jax backend's answer is expected.
    """
    if BACKEND == "tensorflow":
        return ORACLE["tensorflow"]
    table = {}
    for op_name, row in ORACLE["default"].items():
        table[op_name] = {
            key: ORACLE["jax"][op_name][key] if value == "error" else value
            for key, value in row.items()
        }
        for key, value in table[op_name].items():
            table[op_name][key] = value if value == "error" else narrowed_dtype(value)
    return table


def test_oracle_default_and_jax_agree_once_narrowed():
    for op_name, row in ORACLE["default"].items():
        for key, value in row.items():
            jax_value = ORACLE["jax"][op_name][key]
            if value != "error":
                assert narrowed_dtype(value) == jax_value or BACKEND == "tensorflow"


def sample(key):
    if key in PYTHON_VALUES:
        return PYTHON_VALUES[key]
    if key == "bool":
        return np.array([True, True])
    dtype = ml_dtypes.bfloat16 if key == "bfloat16" else key
    return np.array([1, 2], dtype=dtype)


DTYPE_TABLE = expected_dtypes()


@pytest.mark.parametrize("op_name", sorted(DTYPE_TABLE))
def test_result_dtypes_match_keras(op_name):
    op = getattr(ops, op_name)
    mismatches = []
    for key, expected in DTYPE_TABLE[op_name].items():
        keras_numpy_answers = ORACLE["default"][op_name][key] != "error"
        if BACKEND == "tensorflow" and expected == "error" and keras_numpy_answers:
            continue  # Keras fails on TensorFlow only; NumPy's answer is given.
        if BACKEND == "torch" and key in ("uint16", "uint32"):
            continue  # torch lacks most kernels for these types.
        try:
            got = keras_core.backend.standardize_dtype(op(sample(key)).dtype)
        except Exception:
            got = "error"
        if got != expected:
            mismatches.append((key, got, expected))
    assert not mismatches, mismatches
