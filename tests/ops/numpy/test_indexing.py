"""The indexing, sorting and searching NumPy-API ops, driven by one table.

Each row names an op, its inputs, static arguments and an independent NumPy
reference. Rows are checked for eager values and output types, symbolic
shapes and dtypes against eager results, inside the backend's compiler, and
(for differentiable ops) gradients against finite differences. Ops whose
output length depends on input values (nonzero, unique, bincount) are
checked symbolically against Keras 3.15's symbolic results instead, and
skip the compiler. Result dtypes are checked for every input dtype against
Keras 3.15 (recorded in `dtype_oracle_indexing.json`).
"""

import os

import numpy as np
import pytest
from op_testing import BACKEND
from op_testing import Case
from op_testing import TableTests
from op_testing import dtype_mismatches
from op_testing import load_oracle
from op_testing import sample
from op_testing import to_numpy

import keras_core
from keras_core import ops
from keras_core._src.backend import core
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.common.keras_tensor import KerasTensor

RNG = np.random.default_rng(0)
NAN = np.nan


def distinct(*shape):
    """float32 values all different (no ties: sort gradients are defined)."""
    size = int(np.prod(shape))
    values = RNG.permutation(size).astype("float32") / size + 0.5
    signs = RNG.choice([-1.0, 1.0], size=size).astype("float32")
    return (values * signs).reshape(shape)


def ints(*shape, high=5):
    return RNG.integers(0, high, size=shape).astype("int32")


X = distinct(3, 4)
MASK = np.array([[True, False, True, False], [False, False, True, True], [True] * 4])


def np_take_along_axis(x, indices, axis=None):
    if axis is None:
        return np.take_along_axis(x.ravel(), indices.ravel(), 0)
    return np.take_along_axis(x, indices, axis)


def np_argsort(x, axis=-1):
    return np.argsort(x, axis=axis, kind="stable")


def np_unique(x, **kwargs):
    size = kwargs.pop("size", None)
    fill_value = kwargs.pop("fill_value", None)
    result = np.unique(x, **kwargs)
    if size is None:
        return result
    values = np.full(size, fill_value, result.dtype)
    values[: min(size, result.size)] = result[:size]
    return values


def np_where_nonzero(condition):
    return np.nonzero(condition)


# Ops whose output shape depends on the input values: no static shapes to
# compare, no compiler (as in Keras).
DYNAMIC = {"nonzero", "where[nonzero]", "unique", "unique[all]", "unique[axis]"}
DYNAMIC |= {"unique[nan]"}
DYNAMIC |= {"bincount", "bincount[weights]", "bincount[2d]", "bincount[minlength]"}

CASES = [
    Case("take", (X, np.array([2, -1, 0])), {"axis": 1}, grad=True, label="axis"),
    Case("take", (X, np.array([[0, 11], [-2, 5]])), grad=True, label="flat"),
    Case("take", (X, np.array([1, 0])), {"axis": -2}, grad=True, label="negative"),
    Case(
        "take",
        (X, np.zeros((0,), "int32")),
        {"axis": 0},
        grow=(),
        label="empty",
    ),
    Case(
        "take_along_axis",
        (X, np.array([[3, -1], [0, 1], [2, 2]])),
        {"axis": 1},
        reference=np_take_along_axis,
        grad=True,
        grow=(0, 1),
    ),
    Case(
        "take_along_axis",
        (X, np.array([[2, 0, 1, 1]])),
        {"axis": 0},
        reference=np_take_along_axis,
        grad=True,
        grow=(),
        label="axis0",
    ),
    Case(
        "take_along_axis",
        (X, np.array([0, 11, -1])),
        {"axis": None},
        reference=np_take_along_axis,
        grow=(),
        label="flat",
    ),
    Case("where", (MASK, X, distinct(1, 4)), grad=True, grow=(0, 1)),
    Case("where", (MASK[0], 1.5, X), grad=True, grow=(), label="scalar"),
    Case("where", (ints(3, 4),), reference=np_where_nonzero, label="nonzero"),
    Case(
        "select",
        ([MASK, X > 0], [X, distinct(3, 4)]),
        {"default": -1.0},
        grad=True,
        grow=(),
    ),
    Case("get_item", (X, (slice(None), -1)), grad=True, reference=lambda x, k: x[k]),
    Case(
        "get_item",
        (X, (Ellipsis, None, slice(1, None, 2))),
        reference=lambda x, k: x[k],
        grad=True,
        label="ellipsis",
    ),
    Case("get_item", (X, 1), reference=lambda x, k: x[k], grow=(), label="int"),
    Case(
        "get_item",
        (X, slice(None, None, -1)),
        reference=lambda x, k: x[k],
        label="reverse",
    ),
    Case("sort", (X,), grad=True),
    Case("sort", (X,), {"axis": 0}, grad=True, label="axis0"),
    Case("sort", (X,), {"axis": None}, grad=True, label="flat"),
    Case("sort", (np.array([2.0, NAN, -1.0, 0.0], "float32"),), grow=(), label="nan"),
    Case(
        "argsort",
        (np.array([[2, 1, 2, 1], [0, 0, 3, 0]], "int32"),),
        reference=np_argsort,
    ),
    Case("argsort", (X,), {"axis": 0}, reference=np_argsort, label="axis0"),
    Case("argsort", (X,), {"axis": None}, reference=np_argsort, label="flat"),
    # Three elements around kth=1: the partition is unique.
    Case("argpartition", (distinct(4, 3), 1)),
    Case("argpartition", (distinct(2, 5), -1), {"axis": 0}, grow=(), label="axis0"),
    Case(
        "searchsorted",
        (np.array([1.0, 2.0, 2.0, 3.0], "float32"), ints(3, 4) * np.float32(0.5)),
        grow=(1,),
    ),
    Case(
        "searchsorted",
        (np.array([1, 2, 2, 3], "int32"), np.array([2, 0, 5], "int32")),
        {"side": "right"},
        grow=(1,),
        label="right",
    ),
    Case("digitize", (X, np.array([-0.5, 0.0, 0.7], "float32"))),
    Case(
        "digitize",
        (X, np.array([0.7, 0.0, -0.5], "float32")),
        label="decreasing",
    ),
    Case(
        "digitize",
        (np.array([1.0, 2.0, 3.0, 0.0], "float32"), np.array([2.0, 1.0], "float32")),
        grow=(),
        label="decreasing_edges",
    ),
    Case("unique", (ints(4, 3),), reference=np_unique, grow=()),
    Case(
        "unique",
        (ints(6),),
        {"return_index": True, "return_inverse": True, "return_counts": True},
        reference=np_unique,
        grow=(),
        label="all",
    ),
    Case(
        "unique",
        (np.array([[1, 2], [0, 1], [1, 2]], "int32"),),
        {"axis": 0, "return_inverse": True},
        reference=np_unique,
        grow=(),
        label="axis",
    ),
    Case(
        "unique",
        (np.array([3, 1, 3, 2], "int32"),),
        {"size": 5, "fill_value": -1},
        reference=np_unique,
        grow=(),
        label="size",
    ),
    Case(
        "unique",
        (np.array([NAN, 1.0, NAN, 0.0], "float32"),),
        {"return_counts": True},
        reference=np_unique,
        grow=(),
        label="nan",
    ),
    Case("nonzero", (ints(3, 4, high=2),), grow=()),
    Case("isin", (ints(3, 4), np.array([1, 3], "int32")), grow=(0,)),
    Case(
        "isin",
        (X, X[0]),
        {"invert": True},
        label="invert",
    ),
    Case("bincount", (ints(7),), grow=()),
    Case("bincount", (ints(7),), {"minlength": 9}, grow=(), label="minlength"),
    Case(
        "bincount",
        (np.array([0, 2, 2], "int32"),),
        {"weights": np.array([0.5, 1.0, 2.0], "float32")},
        grow=(),
        label="weights",
    ),
    Case(
        "bincount",
        (np.array([[0, 1], [2, 2]], "int32"),),
        {"minlength": 4},
        reference=lambda x, minlength: np.stack(
            [np.bincount(row, minlength=minlength) for row in x]
        ),
        grow=(),
        label="2d",
    ),
    Case("histogram", (X.ravel(),), {"bins": 4}, grow=(), rtol=1e-5),
    Case(
        "histogram",
        (np.array([1.0, 2.0, 3.0, 4.0, 9.0], "float32"),),
        {"bins": 3, "range": (0.0, 6.0)},
        grow=(),
        label="range",
    ),
    Case("unravel_index", (np.array([5, 7, 0, 11], "int32"), (3, 4))),
    Case("meshgrid", (X[0], X[:, 0]), grad=True, grow=()),
    Case(
        "meshgrid",
        (np.array([1, 2], "int32"), np.array([3, 4, 5], "int32"), X[:2, 0]),
        {"indexing": "ij"},
        grow=(),
        label="ij",
    ),
]


class TestIndexingTable(TableTests):
    CASES = CASES

    def test_symbolic_shape_and_dtype_match_eager(self, case):
        super().test_symbolic_shape_and_dtype_match_eager(case)

    test_symbolic_shape_and_dtype_match_eager.case_filter = lambda case: (
        case.id not in DYNAMIC
    )

    def test_inside_the_backend_compiler(self, case):
        super().test_inside_the_backend_compiler(case)

    test_inside_the_backend_compiler.case_filter = lambda case: case.id not in DYNAMIC


def test_every_public_op_has_a_row_or_a_test():
    names = set(keras_core._src.ops.numpy.indexing.__all__)
    in_table = {case.op for case in CASES}
    # vectorize returns a function, not a tensor: tested below.
    assert names - in_table == {"vectorize"}
    for name in names:
        assert getattr(ops, name) is getattr(ops.numpy, name)


def test_value_dependent_ops_have_unknown_symbolic_lengths():
    # As Keras 3.15 gives them.
    x = KerasTensor((4, 3), dtype="float32")
    rows, columns = ops.nonzero(x)
    assert (rows.shape, rows.dtype, columns.shape) == ((None,), "int32", (None,))
    found = ops.where(KerasTensor((4, 3), dtype="bool"))
    assert [t.shape for t in found] == [(None,), (None,)]
    assert found[0].dtype == "int32"
    values, index, inverse, counts = ops.unique(
        KerasTensor((4,), dtype="float32"),
        return_index=True,
        return_inverse=True,
        return_counts=True,
    )
    assert values.shape == (None,) and values.dtype == "float32"
    assert (index.shape, inverse.shape, counts.shape) == ((None,), (4,), (None,))
    assert inverse.dtype == "int32"
    assert ops.unique(KerasTensor((4,), dtype="int32"), size=3).shape == (3,)
    values, inverse = ops.unique(
        KerasTensor((4, 3), dtype="float32"), axis=0, return_inverse=True
    )
    assert (values.shape, inverse.shape) == ((None, 3), (4,))
    assert ops.bincount(KerasTensor((4,), dtype="int32")).shape == (None,)
    counts = ops.bincount(KerasTensor((2, 4), dtype="int32"), minlength=5)
    assert counts.shape == (2, None) and counts.dtype == "int32"
    weighted = ops.bincount(
        KerasTensor((4,), dtype="int32"), weights=KerasTensor((4,), dtype="float32")
    )
    assert weighted.dtype == "float32"


def test_argsort_is_stable_and_argpartition_partitions():
    x = np.array([3, 1, 3, 1, 2, 1, 3], "int32")
    np.testing.assert_array_equal(
        to_numpy(ops.argsort(x)), np.argsort(x, kind="stable")
    )
    values = distinct(4, 9)
    for kth in (0, 4, -1):
        order = to_numpy(ops.argpartition(values, kth, axis=1))
        parted = np.take_along_axis(values, order, axis=1)
        expected = np.sort(values, axis=1)
        np.testing.assert_array_equal(
            np.sort(order, axis=1), np.tile(np.arange(9), (4, 1))
        )
        np.testing.assert_array_equal(parted[:, kth], expected[:, kth])
        k = kth % 9
        assert (parted[:, :k] <= parted[:, k : k + 1]).all()
        assert (parted[:, k + 1 :] >= parted[:, k : k + 1]).all()


def test_sort_puts_nans_last_and_handles_bools_and_unsigned():
    x = np.array([NAN, 1.0, -NAN, -2.0], "float32")
    np.testing.assert_array_equal(to_numpy(ops.sort(x)), np.sort(x))
    np.testing.assert_array_equal(to_numpy(ops.argsort(x)), [3, 1, 0, 2])
    flags = np.array([True, False, True])
    np.testing.assert_array_equal(to_numpy(ops.sort(flags)), [False, True, True])
    u = np.array([200, 3, 255], "uint8")
    np.testing.assert_array_equal(to_numpy(ops.sort(u)), [3, 200, 255])
    assert standardize_dtype(ops.sort(u).dtype) == "uint8"


def test_get_item_with_tensor_keys():
    x = np.arange(12, dtype="float32").reshape(3, 4)
    np.testing.assert_array_equal(
        to_numpy(ops.get_item(x, np.array([0, 2]))), x[[0, 2]]
    )
    np.testing.assert_array_equal(to_numpy(ops.get_item(x, x > 5)), x[x > 5])
    np.testing.assert_array_equal(
        to_numpy(ops.get_item(x, (slice(None), np.array([-1, 1])))), x[:, [-1, 1]]
    )
    tensor = core.convert_to_tensor(x)
    key = core.convert_to_tensor(np.array([2, 0]))
    np.testing.assert_array_equal(to_numpy(ops.get_item(tensor, key)), x[[2, 0]])


def test_unique_padding_and_first_indices():
    x = np.array([4, 2, 4, 7, 2], "int32")
    values, index, counts = ops.unique(x, return_index=True, return_counts=True)
    np.testing.assert_array_equal(to_numpy(values), [2, 4, 7])
    np.testing.assert_array_equal(to_numpy(index), [1, 0, 3])
    np.testing.assert_array_equal(to_numpy(counts), [2, 2, 1])
    padded = ops.unique(x, size=5)
    # Without fill_value, padding repeats the smallest unique value (jax's rule).
    np.testing.assert_array_equal(to_numpy(padded), [2, 4, 7, 2, 2])
    cut = ops.unique(x, size=2, fill_value=0)
    np.testing.assert_array_equal(to_numpy(cut), [2, 4])


def test_vectorize():
    x = np.arange(6, dtype="float32").reshape(3, 2)
    doubled = ops.vectorize(lambda a: a * 2)(x)
    assert core.is_tensor(doubled) or isinstance(doubled, np.ndarray)
    np.testing.assert_allclose(to_numpy(doubled), x * 2)
    norms = ops.vectorize(lambda v: ops.sum(v * v), signature="(n)->()")(x)
    np.testing.assert_allclose(to_numpy(norms), (x * x).sum(axis=1))
    scaled = ops.vectorize(lambda a, s: a * s, excluded={1})(x, 3.0)
    np.testing.assert_allclose(to_numpy(scaled), x * 3)
    outer = ops.vectorize(lambda a, b: a * b)(x[:, :1], x[0])
    np.testing.assert_allclose(to_numpy(outer), x[:, :1] * x[0])
    with pytest.raises(TypeError, match="vectorize"):
        ops.vectorize(3)


def test_histogram_edges_and_constant_input():
    counts, edges = ops.histogram(np.array([2.0, 2.0, 2.0], "float32"), bins=2)
    want_counts, want_edges = np.histogram(np.array([2.0, 2.0, 2.0]), bins=2)
    np.testing.assert_array_equal(to_numpy(counts), want_counts)
    np.testing.assert_allclose(to_numpy(edges), want_edges)
    counts, edges = ops.histogram(np.array([0, 1, 2, 3], "int32"), bins=3)
    assert standardize_dtype(counts.dtype) == "int32"
    assert standardize_dtype(edges.dtype) == "float32"


def test_bincount_sparse_follows_keras():
    x = np.array([0, 2, 2], "int32")
    if BACKEND in ("numpy", "torch"):
        with pytest.raises(ValueError, match="bincount: sparse=True"):
            ops.bincount(x, sparse=True)
        return
    result = ops.bincount(x, sparse=True)
    dense = (
        result.todense()
        if BACKEND == "jax"
        else core.convert_to_numpy(__import__("tensorflow").sparse.to_dense(result))
    )
    np.testing.assert_array_equal(np.asarray(dense), [1, 0, 2])


def test_errors_name_the_op():
    x = np.arange(4, dtype="float32")
    with pytest.raises(ValueError, match=r"x1.*x2"):
        ops.where(x > 1, x)
    with pytest.raises(TypeError, match="bincount"):
        ops.bincount(x)
    with pytest.raises(TypeError, match=r"take.*indices must be integers"):
        ops.take(x, np.array([0.5]))
    with pytest.raises(
        ValueError, match="searchsorted: the sorted sequence must be 1-d"
    ):
        ops.searchsorted(x.reshape(2, 2), x)
    with pytest.raises(ValueError, match="meshgrid: indexing"):
        ops.meshgrid(x, indexing="yx")
    with pytest.raises(ValueError, match="histogram: x must be 1-d"):
        ops.histogram(x.reshape(2, 2))
    with pytest.raises(ValueError, match="nonzero: 0-d"):
        ops.nonzero(np.array(1.0))
    with pytest.raises(ValueError, match="select: condlist and choicelist"):
        ops.select([x > 0], [x, x])
    with pytest.raises(TypeError, match="unravel_index"):
        ops.unravel_index(x, (2, 2))


ORACLE, TABLE = load_oracle(
    os.path.join(os.path.dirname(__file__), "dtype_oracle_indexing.json")
)
IDX = np.array([0, 1], "int32")
COND = np.array([True, False])
DTYPE_FUNCTIONS = {
    "take": lambda x: ops.take(x, IDX),
    "take_along_axis": lambda x: ops.take_along_axis(x, IDX, axis=0),
    "where": lambda a, b: ops.where(COND, a, b),
    "where:nonzero": lambda x: ops.where(x)[0],
    "select": lambda a, b: ops.select([COND, ~COND], [a, b]),
    "get_item": lambda x: ops.get_item(x, 0),
    "sort": ops.sort,
    "argsort": ops.argsort,
    "argpartition": lambda x: ops.argpartition(x, 1),
    "searchsorted": ops.searchsorted,
    "digitize": ops.digitize,
    # With `size` (which does not change dtypes), jax can trace it abstractly.
    "unique": lambda x: ops.unique(x, size=2),
    "unique:inverse": lambda x: ops.unique(x, return_inverse=True, size=2)[1],
    "unique:counts": lambda x: ops.unique(x, return_counts=True, size=2)[1],
    "unique:index": lambda x: ops.unique(x, return_index=True, size=2)[1],
    "nonzero": lambda x: ops.nonzero(x)[0],
    "isin": ops.isin,
    "bincount": ops.bincount,
    "bincount:weights": lambda x, w: ops.bincount(x, weights=w),
    "histogram:counts": lambda x: ops.histogram(x)[0],
    "histogram:edges": lambda x: ops.histogram(x)[1],
    "unravel_index": lambda x: ops.unravel_index(x, (3, 4))[0],
    "meshgrid": lambda a, b: ops.meshgrid(a, b)[0],
}


def _tensorflow_departures(op_name, key, expected):
    """Cells where Keras on TensorFlow departs from NumPy and we do not.

    Keras on TensorFlow counts histograms in the input dtype (int8 counts
    overflow) and takes float input in bincount/unravel_index (truncating
    it) where NumPy refuses; we keep NumPy's answer on every backend.
    """
    if BACKEND != "tensorflow":
        return False
    if op_name.startswith("histogram"):
        return True
    default = ORACLE["default"][op_name][key]
    return op_name in ("bincount", "bincount:weights", "unravel_index") and (
        default == "error"
    )


# Value-dependent output shapes: jax cannot trace these abstractly (as
# `dtype_mismatches` does on jax), so they are called eagerly.
EAGER_DTYPES = {"bincount", "bincount:weights", "nonzero", "where:nonzero"}


def _eager_mismatches(function, op_name):
    mismatches = []
    for key, expected in TABLE[op_name].items():
        try:
            got = standardize_dtype(
                function(*[sample(k) for k in key.split(",")]).dtype
            )
        except Exception:
            got = "error"
        if got != expected:
            mismatches.append((key, got, expected))
    return mismatches


@pytest.mark.parametrize("op_name", sorted(DTYPE_FUNCTIONS))
def test_result_dtypes_match_keras(op_name):
    if BACKEND == "jax" and op_name in EAGER_DTYPES:
        mismatches = _eager_mismatches(DTYPE_FUNCTIONS[op_name], op_name)
    else:
        mismatches = dtype_mismatches(DTYPE_FUNCTIONS[op_name], ORACLE, TABLE, op_name)
    mismatches = [
        m for m in mismatches if not _tensorflow_departures(op_name, m[0], m[2])
    ]
    assert not mismatches, mismatches
