"""The creation NumPy-API ops (zeros, eye, arange, linspace, windows...),
driven by the shared op table.

Each row is checked for eager values against NumPy, inside the backend's
compiler, for symbolic shapes and dtypes (rows with tensor inputs: the ops
without any are never symbolic), and for gradients where marked. Result
dtypes are checked against Keras 3.15 (recorded in
`dtype_oracle_creation.json`, keys explained in its "_about").
"""

import os

import ml_dtypes
import numpy as np
import pytest
from op_testing import BACKEND
from op_testing import Case
from op_testing import TableTests
from op_testing import load_oracle
from op_testing import positive
from op_testing import signed
from op_testing import to_numpy

import keras_core
from keras_core import ops
from keras_core._src.backend import core
from keras_core._src.backend.common.dtypes import standardize_dtype

INTS = np.array([[1, -2, 3], [4, 5, -6]], "int32")


def static(op, *args, **kwargs):
    """A row without tensor inputs (nothing grows)."""
    return Case(op, args, kwargs, grow=(), **_pop_options(kwargs))


def _pop_options(kwargs):
    names = ("reference", "grad", "rtol", "atol", "label")
    return {name: kwargs.pop(name) for name in names if name in kwargs}


def row(op, *args, grad=False, grow=(0,), **kwargs):
    return Case(op, args, kwargs, grad=grad, grow=grow, **_pop_options(kwargs))


def zeros_reference(shape, dtype=None):
    # `empty` gives zeros in keras_core (reproducible results).
    return np.zeros(shape)


def zeros_like_reference(x, dtype=None):
    return np.zeros_like(x)


def linspace_reference(start, stop, num=50, endpoint=True, retstep=False, **kw):
    dtype = kw.pop("dtype", None)
    result = np.linspace(start, stop, num, endpoint, retstep=retstep, **kw)
    if dtype is not None and retstep:
        return np.floor(result[0]).astype(dtype), result[1]
    return np.floor(result).astype(dtype) if dtype is not None else result


class TestCreation(TableTests):
    CASES = [
        static("zeros", (2, 3)),
        static("zeros", 3, dtype="int32", label="int"),
        static("zeros", (0, 2), label="empty"),
        static("ones", (2, 3)),
        static("ones", (2,), dtype="bool", label="bool"),
        static("empty", (2, 3), reference=zeros_reference),
        static("full", (2, 3), 2.5),
        static("full", (2,), 3, dtype="int8", label="int"),
        row("full", (2, 3), signed(3), grad=True, grow=(), label="tensor"),
        row("zeros_like", signed(2, 3)),
        row("zeros_like", INTS, dtype="float16", label="dtype"),
        row("ones_like", signed(2, 3)),
        row("ones_like", INTS, dtype="bool", label="dtype"),
        row("empty_like", signed(2, 3), reference=zeros_like_reference),
        row("full_like", signed(2, 3), 2.5),
        row("full_like", INTS, -2.5, label="truncated"),
        row(
            "full_like",
            INTS,
            signed(3),
            dtype="float32",
            grad=True,
            reference=lambda x, fill, dtype: np.broadcast_to(fill, x.shape),
            label="tensor",
        ),
        static("eye", 3),
        static("eye", 3, 4, k=1, label="k"),
        static("eye", 3, 4, -1, dtype="int32", label="negative_k"),
        static("identity", 3),
        static("identity", 2, dtype="bool", label="bool"),
        static("tri", 3),
        static("tri", 3, 2, k=1, label="k"),
        row("tril", signed(3, 4), grad=True),
        row("tril", signed(2, 3, 4), k=-1, grad=True, label="batch"),
        row("tril", signed(3), grad=True, label="1d"),
        row("tril", INTS, k=1, label="int"),
        row("triu", signed(3, 4), grad=True),
        row("triu", signed(3, 4), k=2, grad=True, label="k"),
        row("triu", np.ones((2, 3), bool), k=-1, label="bool"),
        static("arange", 3),
        static("arange", 0.5, 3, label="float"),
        static("arange", 5, 0, -2, label="negative_step"),
        static("arange", 3, 0, label="empty"),
        static("arange", 0, 3, 0.5, dtype="int32", label="int_dtype"),
        static("arange", 1, 2, 0.25, dtype="float16", label="float16"),
        static("linspace", 0, 1, 5, reference=linspace_reference),
        static("linspace", 0.0, 1.0, 4, endpoint=False, label="no_endpoint"),
        static(
            "linspace",
            -5,
            5,
            4,
            dtype="int32",
            label="int_floor",
            reference=linspace_reference,
        ),
        static("linspace", 0, 1, 1, label="one"),
        static("linspace", 0, 1, 0, label="none"),
        static(
            "linspace",
            0,
            1,
            5,
            retstep=True,
            label="retstep",
            reference=linspace_reference,
        ),
        row(
            "linspace",
            signed(2),
            positive(2),
            3,
            grad=True,
            grow=(0, 1),
            label="tensor",
        ),
        row(
            "linspace",
            signed(2),
            positive(2),
            4,
            axis=-1,
            grad=True,
            grow=(0, 1),
            label="axis",
        ),
        static("logspace", 0, 2, 3, rtol=1e-5),
        static("logspace", 0, 3, 4, base=2, label="base"),
        row(
            "logspace", signed(2), 1.0, 3, axis=1, grad=True, rtol=1e-5, label="tensor"
        ),
        static("geomspace", 1, 100, 3, rtol=1e-5),
        static("geomspace", -1, -100, 4, endpoint=False, rtol=1e-5, label="negative"),
        row("geomspace", positive(2), 8.0, 4, grad=True, rtol=1e-5, label="tensor"),
        static("array", [[1, 2], [3, 4]]),
        row("array", signed(2, 3), grad=True, label="tensor"),
        row("array", INTS, dtype="float16", label="dtype"),
        row("diag", signed(3), grad=True),
        row("diag", signed(3), k=-1, grad=True, label="k"),
        # The length of a diagonal, min(rows, columns), is unknown with unknown
        # rows: nothing to grow.
        row("diag", signed(4, 3), grad=True, grow=(), label="2d"),
        row("diag", signed(4, 3), k=-1, grad=True, grow=(), label="2d_k"),
        row("diag", signed(3, 4), k=5, label="2d_out_of_range"),
        row("diagflat", signed(2, 2), grad=True),
        row("diagflat", signed(3), k=-2, grad=True, label="k"),
        row("vander", signed(3), grad=True, rtol=1e-5),
        row("vander", signed(3), N=2, increasing=True, grad=True, label="N"),
        row("vander", np.array([2, -3, 4], "int8"), label="int8"),
        row("vander", np.array([True, False]), N=3, label="bool"),
        row("vander", signed(3), N=0, label="no_columns"),
        static("bartlett", 5),
        static("bartlett", 1, label="one"),
        static("bartlett", 0, label="none"),
        static("blackman", 6, atol=1e-6),
        static("hamming", 5),
        static("hanning", 7),
        static("kaiser", 6, 2.5, rtol=1e-5),
        static("kaiser", 1, 3.0, label="one"),
    ]

    def test_inside_the_backend_compiler(self, case):
        TableTests.test_inside_the_backend_compiler(self, case)

    # XLA compiles each row for seconds: the first row of each op and the
    # rows with tensor inputs are compiled (every row's values are checked
    # eagerly).
    test_inside_the_backend_compiler.case_filter = lambda case: (
        case.label == "tensor"
        or next(c for c in TestCreation.CASES if c.op == case.op) is case
    )


def test_every_op_has_a_row():
    from keras_core._src.ops.numpy import creation

    assert sorted({c.op for c in TestCreation.CASES}) == sorted(creation.__all__)
    for name in creation.__all__:
        assert getattr(ops, name) is getattr(ops.numpy, name)


# ---------------------------------------------------------------------------
# Result dtypes against Keras 3.15. The keys are calls (see the oracle's
# "_about"); `call_for_key` makes the same calls as the recording script.
# ---------------------------------------------------------------------------

ORACLE, DTYPE_TABLE = load_oracle(
    os.path.join(os.path.dirname(__file__), "dtype_oracle_creation.json")
)
PYTHON_VALUES = {"python:int": 3, "python:float": 2.5}
STATIC = ("zeros", "ones", "empty", "eye", "identity", "tri")
LIKE = ("zeros_like", "ones_like", "empty_like", "array")
SPACES = ("linspace", "logspace", "geomspace")


def _filled(key, shape, value=1):
    if key in PYTHON_VALUES:
        return PYTHON_VALUES[key]
    dtype = ml_dtypes.bfloat16 if key == "bfloat16" else key
    return np.full(shape, value, dtype=dtype)


def call_for_key(op_name, key):
    parts = key.split(",")
    kwargs = {}
    if parts[-1].startswith("dtype="):
        value = parts.pop()[len("dtype=") :]
        kwargs["dtype"] = None if value == "None" else value
    op = getattr(ops, op_name)
    if op_name in STATIC:
        size = 3 if op_name in ("eye", "identity", "tri") else (2,)
        return op(size, **kwargs)
    if op_name in LIKE:
        return op(_filled(parts[0], (2,)), **kwargs)
    if op_name == "full":
        return op((2,), _filled(parts[0], (), 3), **kwargs)
    if op_name == "full_like":
        fill = _filled(parts[1], ()) if len(parts) > 1 else 3
        return op(_filled(parts[0], (2,)), fill, **kwargs)
    if op_name == "arange":
        return op(_filled(parts[0], (), 0), 3, **kwargs)
    if op_name in SPACES:
        return op(_filled(parts[0], (), 1), 4, num=3, **kwargs)
    if op_name in ("tril", "triu"):
        return op(_filled(parts[0], (2, 2)))
    if op_name in ("diag", "diagflat", "vander"):
        return op(_filled(parts[0], (2,)))
    return op(5, 2.5) if op_name == "kaiser" else op(5)


def _result_dtype(op_name, key):
    if BACKEND == "jax":
        import jax

        # Traced without compiling: one compilation per cell made the sweep
        # most of the run.
        return jax.eval_shape(lambda: call_for_key(op_name, key)).dtype
    return call_for_key(op_name, key).dtype


@pytest.mark.parametrize("op_name", sorted(DTYPE_TABLE))
def test_result_dtypes_match_keras(op_name):
    mismatches = []
    for key, expected in DTYPE_TABLE[op_name].items():
        default = ORACLE["default"][op_name][key]
        if BACKEND == "tensorflow" and expected == "error" and default != "error":
            continue  # Keras lacks a TensorFlow kernel; we give NumPy's answer.
        if BACKEND == "torch" and ("uint16" in key or "uint32" in key):
            continue  # torch lacks most kernels for these types.
        if (op_name, key) == ("geomspace", "bfloat16"):
            continue  # NumPy's own bfloat16 failure (see the oracle's "_about").
        try:
            got = standardize_dtype(_result_dtype(op_name, key))
        except Exception:
            got = "error"
        if got != expected:
            mismatches.append((key, got, expected))
    assert not mismatches, mismatches


# ---------------------------------------------------------------------------
# Edge behaviour, symbolic calls and errors.
# ---------------------------------------------------------------------------


def test_geomspace_bfloat16_gives_float32():
    result = ops.geomspace(np.array(1, ml_dtypes.bfloat16), 4, 3)
    assert standardize_dtype(result.dtype) == "float32"
    np.testing.assert_allclose(to_numpy(result), [1.0, 2.0, 4.0], rtol=1e-6)


def test_linspace_retstep_keeps_a_float_step():
    values, step = ops.linspace(0, 10, 5, retstep=True, dtype="int32")
    assert standardize_dtype(values.dtype) == "int32"
    assert standardize_dtype(step.dtype) == "float32"
    np.testing.assert_array_equal(to_numpy(values), [0, 2, 5, 7, 10])
    assert float(to_numpy(step)) == 2.5
    _, step = ops.linspace(0, 1, 1, retstep=True)
    assert np.isnan(to_numpy(step))


def test_values_follow_numpy_at_the_edges():
    np.testing.assert_array_equal(to_numpy(ops.full((2,), True)), [1.0, 1.0])
    np.testing.assert_array_equal(
        to_numpy(ops.arange(np.array(2, "int8"), 6, 2)), np.arange(2, 6, 2)
    )
    np.testing.assert_allclose(
        to_numpy(ops.bartlett(np.array(4))), np.bartlett(4), atol=1e-6
    )
    np.testing.assert_allclose(to_numpy(ops.bartlett(4.0)), np.bartlett(4.0), atol=1e-6)
    assert to_numpy(ops.bartlett(-2)).shape == (0,)
    np.testing.assert_array_equal(
        to_numpy(ops.vander(np.array([3, 4], "uint8"), 5)),
        # NumPy widens to int64; Keras 3 keeps uint8, wrapping around.
        np.vander(np.array([3, 4], "uint8"), 5).astype("uint8"),
    )
    assert to_numpy(ops.eye(0)).shape == (0, 0)


def test_symbolic_calls():
    x = keras_core.KerasTensor((None, 3), dtype="int8")
    assert ops.zeros_like(x).shape == (None, 3)
    assert ops.zeros_like(x).dtype == "int8"
    assert ops.full_like(x, 2.5, dtype="float16").dtype == "float16"
    fill = keras_core.KerasTensor((3,), dtype="float16")
    result = ops.full((2, 3), fill)
    assert (result.shape, result.dtype) == ((2, 3), "float32")
    start = keras_core.KerasTensor((None,), dtype="float32")
    assert ops.linspace(start, 1.0, 5).shape == (5, None)
    assert ops.geomspace(start, 2.0, 4, axis=-1).shape == (None, 4)
    values, step = ops.linspace(start, 1.0, 5, retstep=True, dtype="int32")
    assert (values.dtype, step.dtype) == ("int32", "float32")
    assert ops.tril(keras_core.KerasTensor((None, 4, 4))).shape == (None, 4, 4)
    assert ops.vander(keras_core.KerasTensor((5,)), N=3).shape == (5, 3)


def test_creation_ops_return_backend_tensors():
    for result in (ops.zeros(2), ops.arange(3), ops.eye(2), ops.hamming(3)):
        assert core.is_tensor(result)


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: ops.arange(0, 3, 0), ValueError, "arange: `step` must not be zero"),
        (lambda: ops.linspace(0, 1, -1), ValueError, "linspace: `num`"),
        (lambda: ops.geomspace(1, 8, -2), ValueError, "geomspace: `num`"),
        (lambda: ops.zeros((2, -1)), ValueError, "zeros: negative dimensions"),
        (lambda: ops.diag(np.ones((2, 2, 2))), ValueError, "diag: expected a 1-D"),
        (lambda: ops.vander(np.ones((2, 2))), ValueError, "vander: expected a 1-D"),
        (lambda: ops.tril(np.float32(1)), ValueError, "tril: expected a tensor"),
        (lambda: ops.zeros((2,), dtype="nope"), ValueError, "Invalid dtype"),
        (lambda: ops.full((2,), "a"), TypeError, "Op `full`.*number"),
        (
            lambda: ops.linspace(0, 1, nums=3),
            TypeError,
            "unexpected keyword argument 'nums'",
        ),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_errors_name_the_op(call, error, message):
    with pytest.raises(error, match=message):
        call()
