"""The products NumPy-API ops (matmul, einsum, cross, trace, clip...), by table.

Each row names an op, its inputs, an independent NumPy reference and what to
check. Every row is checked for eager values and output types, for symbolic
shapes and dtypes against eager results (also with an unknown first
dimension where that makes sense), inside the backend's compiler, and (for
differentiable ops) for gradients against finite differences. Result dtypes
are checked for every input dtype (pair) against Keras 3.15 (recorded in
`dtype_oracle_products.json`), plus focused tests for integer accumulation,
edge values and error messages.
"""

import os
import warnings

import numpy as np
import pytest
from op_testing import Case
from op_testing import TableTests
from op_testing import compiled
from op_testing import dtype_mismatches
from op_testing import load_oracle
from op_testing import signed
from op_testing import to_numpy

import keras_core
from keras_core import ops
from keras_core._src.backend import core
from keras_core._src.backend.common.dtypes import standardize_dtype

BACKEND = keras_core.config.backend()
RNG = np.random.default_rng(0)


def integers(*shape, low=-5, high=5):
    return RNG.integers(low, high, size=shape).astype("int32")


def well_conditioned(*shape):
    """Square matrices near the identity (|det| away from 0)."""
    n = shape[-1]
    return (np.eye(n) * 2 + 0.3 * signed(*shape)).astype("float32")


def einsum_reference(subscripts, *operands):
    return np.einsum(subscripts, *operands)


def cross_reference(*args, **kwargs):
    with warnings.catch_warnings():
        # NumPy 2 deprecates 2-vectors, which Keras 3 still takes.
        warnings.simplefilter("ignore", DeprecationWarning)
        return np.cross(*args, **kwargs)


def slogdet_reference(x):
    sign, logabsdet = np.linalg.slogdet(x)
    return sign, logabsdet


def clip_bool_reference(x, x_min, x_max):
    return np.clip(x.astype("int32"), x_min, x_max)


CASES = [
    Case("matmul", (signed(3, 4), signed(4, 2)), grad=True),
    Case("matmul", (signed(2, 3, 4), signed(4, 2)), grad=True, label="batched"),
    Case("matmul", (signed(4), signed(3, 4, 2)), grad=True, grow=(), label="vector"),
    Case("matmul", (signed(3, 4), signed(4)), grad=True, label="matrix-vector"),
    Case("matmul", (integers(3, 4), integers(4, 2)), label="int"),
    Case("dot", (signed(3, 4), signed(4, 2)), grad=True),
    Case("dot", (signed(2, 3, 4), signed(5, 4, 2)), grad=True, label="nd"),
    Case("dot", (signed(3, 4), signed(4)), grad=True, label="vector"),
    Case("dot", (signed(4), signed(4)), grad=True, grow=(), label="vectors"),
    Case("dot", (signed(3, 4), np.float32(2.0)), grad=True, label="scalar"),
    Case("tensordot", (signed(2, 3, 4), signed(3, 4, 5)), grad=True),
    Case("tensordot", (signed(3, 4), signed(4, 5)), {"axes": 1}, grad=True, label="1"),
    Case(
        "tensordot",
        (signed(2, 3, 4), signed(4, 2, 5)),
        {"axes": ([0, -1], [1, 0])},
        grad=True,
        grow=(),
        label="pairs",
    ),
    Case("tensordot", (signed(3, 4), signed(5, 6)), {"axes": 0}, label="outer"),
    Case("inner", (signed(3, 4), signed(2, 4)), grad=True),
    Case("inner", (signed(4), signed(2, 4)), grad=True, grow=(), label="vector"),
    Case("outer", (signed(3), signed(2, 2)), grad=True),
    Case("vdot", (signed(2, 3), signed(3, 2)), grad=True, grow=()),
    Case("kron", (signed(2, 3), signed(2, 2)), grad=True),
    Case("kron", (signed(3), signed(2, 2)), grad=True, grow=(), label="ranks"),
    Case("kron", (integers(2, 2), integers(3)), label="int"),
    Case(
        "einsum",
        ("ij,jk->ik", signed(3, 4), signed(4, 2)),
        reference=einsum_reference,
        grad=True,
    ),
    Case(
        "einsum",
        ("ij,kj", signed(3, 4), signed(2, 4)),
        reference=einsum_reference,
        grad=True,
        label="implicit",
    ),
    Case(
        "einsum",
        ("...ij,...jk->...ik", signed(2, 3, 4), signed(2, 4, 2)),
        reference=einsum_reference,
        grad=True,
        grow=(0, 1),
        label="ellipsis",
    ),
    Case(
        "einsum",
        ("bi...,bi", signed(2, 3, 4), signed(2, 3)),
        reference=einsum_reference,
        grad=True,
        grow=(0, 1),
        label="implicit-ellipsis",
    ),
    Case(
        "einsum",
        ("ij->", signed(3, 4)),
        reference=einsum_reference,
        grad=True,
        label="sum",
    ),
    Case(
        "einsum",
        ("i,i,i", signed(4), signed(4), signed(4)),
        reference=einsum_reference,
        grad=True,
        grow=(),
        label="three",
    ),
    Case(
        "einsum",
        ("ij,jk", integers(3, 4), integers(4, 2)),
        reference=einsum_reference,
        label="int",
    ),
    Case(
        "cross",
        (signed(4, 3), signed(4, 3)),
        reference=cross_reference,
        grad=True,
        grow=(0, 1),
    ),
    Case(
        "cross",
        (signed(4, 2), signed(4, 2)),
        reference=cross_reference,
        grad=True,
        grow=(0, 1),
        label="2-vectors",
    ),
    Case(
        "cross",
        (signed(4, 2), signed(3)),
        reference=cross_reference,
        grad=True,
        label="2-and-3",
    ),
    Case(
        "cross",
        (signed(3, 4), signed(4, 3)),
        {"axisa": 0, "axisb": -1, "axisc": 0},
        reference=cross_reference,
        grad=True,
        grow=(),
        label="axes",
    ),
    Case(
        "cross",
        (signed(3, 4), signed(3, 4)),
        {"axis": 0},
        reference=cross_reference,
        grad=True,
        grow=(),
        label="axis",
    ),
    Case(
        "cross",
        (integers(2, 3), integers(2, 3)),
        reference=cross_reference,
        grow=(0, 1),
        label="int",
    ),
    Case("trace", (signed(3, 4),), grad=True),
    Case("trace", (signed(3, 4),), {"offset": 1}, grad=True, label="offset"),
    Case(
        "trace",
        (signed(2, 3, 4),),
        {"offset": -1, "axis1": -1, "axis2": 0},
        grad=True,
        label="axes",
    ),
    Case("trace", (integers(3, 3).astype("int8"),), label="int8"),
    Case("trace", (signed(2, 3),), {"offset": 5}, label="beyond"),
    Case("diagonal", (signed(3, 4),), grad=True),
    # Its length, min(rows, 4 - 2), is unknown while the rows are.
    Case(
        "diagonal",
        (signed(3, 4),),
        {"offset": 2},
        grad=True,
        grow=(),
        label="offset",
    ),
    Case(
        "diagonal",
        (signed(2, 3, 4),),
        {"offset": -1, "axis1": 2, "axis2": -3},
        grad=True,
        label="axes",
    ),
    Case("diagonal", (signed(4, 3, 2),), {"axis1": 1, "axis2": 2}, label="batch"),
    Case("diagonal", (signed(2, 3),), {"offset": -4}, grow=(), label="empty"),
    Case(
        "slogdet",
        (well_conditioned(3, 3),),
        reference=slogdet_reference,
        grad=True,
        grow=(),
        rtol=1e-5,
        atol=1e-5,
    ),
    Case(
        "slogdet",
        (well_conditioned(2, 3, 3),),
        reference=slogdet_reference,
        grad=True,
        rtol=1e-5,
        atol=1e-5,
        label="batched",
    ),
    Case("clip", (signed(3, 4), -0.9, 1.1), grad=True),
    Case(
        "clip",
        (signed(3, 4), np.float32(-0.8), np.full((4,), 1.2, "float32")),
        grad=True,
        label="tensors",
    ),
    Case("clip", (signed(3, 4), None, 0.7), grad=True, label="no-min"),
    Case("clip", (signed(3, 4), -0.7, None), grad=True, label="no-max"),
    Case("clip", (signed(3, 4), 1.5, -1.5), label="min-above-max"),
    Case("clip", (integers(3, 4).astype("uint8"), 2, 300), label="uint8"),
    Case(
        "clip",
        (integers(3, 4) > 0, 0, 1),
        reference=clip_bool_reference,
        label="bool",
    ),
]


class TestProducts(TableTests):
    CASES = CASES

    def test_inside_the_backend_compiler(self, case):
        if BACKEND == "tensorflow" and case.op == "slogdet":
            pytest.skip("TensorFlow has no XLA kernel for slogdet (Keras 3 fails too)")
        super().test_inside_the_backend_compiler(case)


ORACLE, DTYPE_TABLE = load_oracle(
    os.path.join(os.path.dirname(__file__), "dtype_oracle_products.json")
)

# Each oracle cell's samples are vectors [1, 2]; the matrix ops take the
# 2x2 matrix they index (a gather, on NumPy samples and jax tracers alike).
SQUARE = np.array([[0, 1], [1, 0]])
DTYPE_FUNCTIONS = {
    "matmul": ops.matmul,
    "dot": ops.dot,
    "tensordot": lambda a, b: ops.tensordot(a, b, axes=1),
    "inner": ops.inner,
    "outer": ops.outer,
    "vdot": ops.vdot,
    "kron": ops.kron,
    "einsum": lambda a, b: ops.einsum("i,i->i", a, b),
    "cross": ops.cross,
    "clip": lambda x, bounds: ops.clip(x, bounds, bounds),
    "trace": lambda x: ops.trace(x[SQUARE]),
    "diagonal": lambda x: ops.diagonal(x[SQUARE]),
    "slogdet_sign": lambda x: ops.slogdet(x[SQUARE])[0],
    "slogdet_logabsdet": lambda x: ops.slogdet(x[SQUARE])[1],
}


def test_every_recorded_op_is_checked():
    assert sorted(DTYPE_FUNCTIONS) == sorted(DTYPE_TABLE)


@pytest.mark.parametrize("op_name", sorted(DTYPE_FUNCTIONS))
def test_result_dtypes_match_keras(op_name):
    function = DTYPE_FUNCTIONS[op_name]
    mismatches = dtype_mismatches(function, ORACLE, DTYPE_TABLE, op_name)
    assert not mismatches, mismatches


def test_int8_products_accumulate_in_int32():
    a = np.full((2, 2), 100, "int8")
    result = ops.matmul(a, a)
    assert standardize_dtype(result.dtype) == "int32"
    np.testing.assert_array_equal(to_numpy(result), np.full((2, 2), 20000))
    total = ops.einsum("ij,ij->", a, a)
    assert standardize_dtype(total.dtype) == "int32"
    assert int(to_numpy(total)) == 40000
    spec = ops.matmul(keras_core.KerasTensor((None, 2), "int8"), a)
    assert (spec.shape, spec.dtype) == ((None, 2), "int32")


def test_int8_vector_matmul_follows_keras():
    v = np.full((2,), 100, "int8")
    result = ops.matmul(v, v)
    # Keras 3 on TensorFlow keeps int8 (and wraps) when an operand is a
    # vector; elsewhere it accumulates in int32.
    expected = ("int8", 32) if BACKEND == "tensorflow" else ("int32", 20000)
    assert (standardize_dtype(result.dtype), int(to_numpy(result))) == expected


@pytest.mark.parametrize("dtype", ["bool", "uint8", "int16", "int32"])
def test_integer_and_boolean_contractions_match_numpy(dtype):
    a = (integers(3, 4, low=0, high=3)).astype(dtype)
    b = (integers(4, 2, low=0, high=3)).astype(dtype)
    checks = [
        (ops.matmul(a, b), np.matmul(a, b)),
        (ops.dot(a, b), np.dot(a, b)),
        (ops.tensordot(a, b, axes=1), np.tensordot(a, b, axes=1)),
        (ops.inner(a, b.T), np.inner(a, b.T)),
        (ops.vdot(a, a), np.vdot(a, a)),
        (ops.outer(a, b), np.outer(a, b)),
        (ops.kron(a, b), np.kron(a, b)),
        (ops.einsum("ij,jk", a, b), np.einsum("ij,jk", a, b)),
    ]
    for got, want in checks:
        assert standardize_dtype(got.dtype) == dtype
        np.testing.assert_array_equal(to_numpy(got), want)


def test_clip_integer_bounds_and_dtypes():
    x = np.array([0, 2, 200], "uint8")
    result = ops.clip(x, -1, 300)
    assert standardize_dtype(result.dtype) == "uint8"
    np.testing.assert_array_equal(to_numpy(result), x)
    result = ops.clip(np.array([0, 2, -3], "int8"), 0.5, 1.5)
    assert standardize_dtype(result.dtype) == "int8"
    np.testing.assert_array_equal(to_numpy(result), [0, 1, 0])
    result = ops.clip(np.array([1.0, 5.0], "float16"), np.float32(0), 2)
    assert standardize_dtype(result.dtype) == "float16"
    np.testing.assert_array_equal(to_numpy(result), [1.0, 2.0])
    x = np.array([np.nan, 3.0], "float32")
    np.testing.assert_array_equal(to_numpy(ops.clip(x, 0, 1)), [np.nan, 1.0])
    x = signed(3)
    np.testing.assert_array_equal(to_numpy(ops.clip(x, None, None)), x)


def test_slogdet_of_a_singular_matrix():
    sign, logabsdet = ops.slogdet(np.array([[1.0, 2.0], [2.0, 4.0]], "float32"))
    assert float(to_numpy(sign)) == 0.0
    assert float(to_numpy(logabsdet)) == -np.inf


def test_slogdet_of_integers_gives_floats():
    sign, logabsdet = ops.slogdet(np.array([[2, 0], [0, -3]], "int32"))
    assert standardize_dtype(sign.dtype) == standardize_dtype(logabsdet.dtype)
    assert standardize_dtype(sign.dtype).startswith("float")
    np.testing.assert_allclose(to_numpy(sign), -1.0)
    np.testing.assert_allclose(to_numpy(logabsdet), np.log(6.0), rtol=1e-6)


def test_empty_inputs():
    result = ops.matmul(np.ones((0, 3), "float32"), np.ones((3, 2), "float32"))
    assert tuple(core.shape(result)) == (0, 2)
    assert float(to_numpy(ops.trace(np.ones((0, 0), "float32")))) == 0.0
    assert tuple(core.shape(ops.diagonal(np.ones((0, 3), "float32")))) == (0,)
    result = ops.einsum("ij,jk->ik", np.ones((2, 0)), np.ones((0, 3)))
    np.testing.assert_array_equal(to_numpy(result), np.zeros((2, 3)))


def test_einsum_keyword_arguments():
    a = signed(3)
    np.testing.assert_allclose(
        to_numpy(ops.einsum("i,i", a, a, optimize=True)), np.dot(a, a), rtol=1e-6
    )
    with pytest.raises(TypeError, match=r"einsum.*'foo'"):
        ops.einsum("i,i", a, a, foo=1)


def test_einsum_is_the_declared_op():
    assert ops.einsum is ops.numpy.einsum
    assert ops.einsum.definition.name == "einsum"
    result = ops.einsum("ij,jk", keras_core.KerasTensor((None, 3)), signed(3, 2))
    assert result.shape == (None, 2)


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: ops.cross(np.ones(3, bool), np.ones(3, bool)), "cross.*boolean"),
        (lambda: ops.slogdet(np.eye(2, dtype="float16")), "slogdet.*float16"),
        (lambda: ops.matmul(np.ones(2, "float32"), 3), "matmul.*Python scalars"),
        (lambda: ops.einsum("i,i", signed(2), 2.5), "einsum.*Python scalars"),
        (lambda: ops.cross(signed(4), signed(4)), "cross: the vector axes"),
        (lambda: ops.diagonal(signed(3, 3), axis1=1, axis2=-1), "diagonal: axis1"),
        (lambda: ops.trace(signed(3)), "diagonal: x must have at least 2"),
        (
            lambda: ops.diagonal(keras_core.KerasTensor((3,)), 1),
            "diagonal: x must have at least 2",
        ),
    ],
)
def test_errors_name_the_op(call, message):
    with pytest.raises((TypeError, ValueError), match=message):
        call()


def test_contractions_inside_the_compiler_on_integers():
    if BACKEND == "numpy":
        pytest.skip("numpy has no compiler: eager values are checked elsewhere")
    a = integers(3, 4)
    b = integers(4, 2)

    def function(x, y):
        return ops.matmul(x, y), ops.trace(ops.matmul(x, y)[:2]), ops.kron(x, y)

    got = to_numpy(
        compiled(function)(core.convert_to_tensor(a), core.convert_to_tensor(b))
    )
    np.testing.assert_array_equal(got[0], a @ b)
    np.testing.assert_array_equal(got[1], np.trace((a @ b)[:2]))
    np.testing.assert_array_equal(got[2], np.kron(a, b))


def test_symbolic_diagonal_length_is_unknown_with_its_plane():
    # Keras 3 gives the same shapes.
    assert ops.diagonal(keras_core.KerasTensor((None, 4)), offset=1).shape == (None,)
    spec = ops.diagonal(keras_core.KerasTensor((2, None, 4)), axis1=1, axis2=2)
    assert spec.shape == (2, None)
    spec = ops.diagonal(keras_core.KerasTensor((None, 3, 4), "int8"), 1, 1, -1)
    assert (spec.shape, spec.dtype) == ((None, 3), "int8")
