"""The statistics NumPy-API ops (medians, quantiles, averages, correlations,
integrals, differences), driven by one declarative table.

Every row is checked for eager values and output types against NumPy, for
symbolic shapes and dtypes against eager results, inside the backend's
compiler and (rows with `grad=True`, on inputs without ties) for gradients
against finite differences. Result dtypes are checked for every input dtype
against Keras 3.15 (recorded in `dtype_oracle_statistics.json`).
"""

import functools
import os

import numpy as np
import pytest
from op_testing import BACKEND
from op_testing import Case
from op_testing import TableTests
from op_testing import dtype_mismatches
from op_testing import load_oracle
from op_testing import signed
from op_testing import to_numpy

from keras_core import ops
from keras_core._src.backend.common.dtypes import narrowed_dtype

RNG = np.random.default_rng(1)
METHODS = ("linear", "lower", "higher", "midpoint", "nearest")


def distinct(*shape):
    # Distinct values (no ties), so sorts and their gradients are defined.
    size = int(np.prod(shape))
    values = RNG.permutation(size).astype("float32") / max(size, 1) - 0.5
    return (
        (values + RNG.uniform(0, 0.5 / max(size, 1), size))
        .reshape(shape)
        .astype("float32")
    )


def with_nans(*shape):
    x = distinct(*shape)
    x.flat[::4] = np.nan
    return x


def q_reference(name):
    # NumPy's function with the axis list given as a tuple, as NumPy needs.
    def reference(x, *args, axis=None, **kwargs):
        axis = tuple(axis) if isinstance(axis, list) else axis
        return getattr(np, name)(x, *args, axis=axis, **kwargs)

    return reference


def correlate_reference(x1, x2, mode="valid"):
    return np.correlate(x1, x2, mode=mode)


QUANTILE_ROWS = [
    Case(
        op,
        (distinct(3, 4, 5), q),
        {"axis": 1, "method": m},
        grad=m != "midpoint",
        reference=q_reference(op),
        label=f"{m},axis=1",
    )
    for op, q in [("quantile", [0.1, 0.5, 0.9]), ("percentile", [10.0, 60.0])]
    for m in METHODS
] + [
    Case(
        "quantile",
        (distinct(3, 4, 5), 0.3),
        {"axis": (0, 2), "keepdims": True},
        grad=True,
        reference=q_reference("quantile"),
        label="axes,keepdims",
    ),
    Case(
        "quantile",
        (distinct(4, 6), [0.25, 0.75]),
        {"axis": -1, "keepdims": True},
        reference=q_reference("quantile"),
        label="q1d,keepdims",
        grad=True,
    ),
    Case(
        "quantile",
        (with_nans(3, 4),),
        {"q": 0.5, "axis": 1},
        reference=q_reference("quantile"),
        label="nan",
    ),
    Case(
        "quantile",
        (np.array([[3, 1, 4], [1, 5, 9]], "int32"), 0.5),
        reference=q_reference("quantile"),
        label="int",
    ),
    Case(
        "percentile",
        (distinct(7), 37.5),
        {"method": "nearest"},
        reference=q_reference("percentile"),
        label="nearest,0d",
        grad=True,
    ),
    Case(
        "nanquantile",
        (with_nans(3, 4), [0.2, 0.5]),
        {"axis": 1},
        reference=q_reference("nanquantile"),
        label="axis=1",
    ),
    Case(
        "nanquantile",
        (with_nans(3, 4, 2), 0.4),
        {"axis": [0, -1], "method": "nearest"},
        reference=q_reference("nanquantile"),
        label="axes,nearest",
    ),
    Case(
        "nanquantile",
        (distinct(3, 4), 0.7),
        {"method": "midpoint"},
        grad=True,
        reference=q_reference("nanquantile"),
        label="no nan",
    ),
    Case(
        "nanpercentile",
        (with_nans(4, 5), [25.0, 50.0]),
        {"axis": 0, "method": "lower"},
        reference=q_reference("nanpercentile"),
        label="lower",
    ),
    Case(
        "nanpercentile",
        (with_nans(4, 5), 90.0),
        {"keepdims": True},
        reference=q_reference("nanpercentile"),
        label="keepdims",
    ),
    Case(
        "median",
        (distinct(3, 4),),
        {"axis": 1},
        grad=True,
        reference=q_reference("median"),
    ),
    Case(
        "median",
        (distinct(3, 5, 2),),
        {"axis": (0, 1), "keepdims": True},
        grad=True,
        reference=q_reference("median"),
        label="axes,keepdims",
    ),
    Case(
        "median",
        (with_nans(3, 4),),
        {"axis": -1},
        reference=q_reference("median"),
        label="nan",
    ),
    Case(
        "nanmedian", (with_nans(3, 4),), {"axis": 0}, reference=q_reference("nanmedian")
    ),
    Case(
        "nanmedian",
        (distinct(4, 3),),
        grad=True,
        reference=q_reference("nanmedian"),
        label="no nan",
    ),
]


def average_reference(x, axis=None, weights=None):
    axis = tuple(axis) if isinstance(axis, list) else axis
    return np.average(x, axis=axis, weights=weights)


def trapezoid_reference(y, x=None, dx=1.0, axis=-1):
    return np.trapezoid(y, x=x, dx=dx, axis=axis)


class TestStatistics(TableTests):
    CASES = [
        *QUANTILE_ROWS,
        Case(
            "average",
            (signed(3, 4),),
            {"axis": 1},
            grad=True,
            reference=average_reference,
        ),
        Case(
            "average",
            (signed(3, 4),),
            {"weights": distinct(3, 4) + 1},
            grad=True,
            reference=average_reference,
            grow=(0, 1),
            label="full weights",
        ),
        Case(
            "average",
            (signed(3, 4), 0),
            {"weights": distinct(3) + 1},
            grad=True,
            reference=average_reference,
            grow=(0, 1),
            label="1-D weights",
        ),
        Case(
            "average",
            (signed(2, 3, 4), (0, 2)),
            {"weights": distinct(2, 4) + 1},
            grad=True,
            reference=average_reference,
            grow=(),
            label="axes weights",
        ),
        Case("corrcoef", (signed(3, 6),), grad=True, grow=(), rtol=1e-05, atol=1e-05),
        Case("corrcoef", (signed(6),), grow=(), label="1-D"),
        Case(
            "correlate",
            (signed(5), signed(3)),
            grad=True,
            grow=(),
            reference=correlate_reference,
        ),
        Case(
            "correlate",
            (signed(3), signed(5)),
            {"mode": "same"},
            grad=True,
            grow=(),
            reference=correlate_reference,
            label="same",
        ),
        Case(
            "correlate",
            (signed(5), signed(2)),
            {"mode": "same"},
            grow=(),
            reference=correlate_reference,
            label="same,long x1",
        ),
        Case(
            "correlate",
            (signed(4), signed(3)),
            {"mode": "full"},
            grad=True,
            grow=(),
            reference=correlate_reference,
            label="full",
        ),
        Case(
            "correlate",
            (np.array([1, 2, 3], "int32"), np.array([1, 0], "int32")),
            grow=(),
            reference=correlate_reference,
            label="int",
        ),
        Case("trapezoid", (signed(3, 4),), grad=True, reference=trapezoid_reference),
        Case(
            "trapezoid",
            (signed(3, 4),),
            {"dx": 0.5, "axis": 0},
            grad=True,
            reference=trapezoid_reference,
            label="dx,axis=0",
        ),
        Case(
            "trapezoid",
            (signed(3, 4), np.cumsum(distinct(4) + 1)),
            grad=True,
            reference=trapezoid_reference,
            grow=(0,),
            label="1-D x",
        ),
        Case(
            "trapezoid",
            (signed(3, 4), np.cumsum(distinct(3, 4) + 1, axis=0)),
            {"axis": 0},
            grad=True,
            reference=trapezoid_reference,
            grow=(0, 1),
            label="full x",
        ),
        Case("diff", (signed(3, 5),), grad=True),
        Case(
            "diff", (signed(3, 5),), {"n": 2, "axis": 0}, grad=True, label="n=2,axis=0"
        ),
        Case("diff", (signed(3, 5),), {"n": 0}, label="n=0"),
        Case("diff", (signed(2, 3),), {"n": 4}, label="n past length"),
        Case("diff", (np.array([[True, False, False, True]]),), label="bool"),
        Case("diff", (np.array([1, 5, 2], "uint8"),), label="uint8 wraps"),
    ]


def test_every_op_has_a_row():
    from keras_core._src.ops.numpy import statistics

    assert sorted({c.op for c in TestStatistics.CASES}) == sorted(statistics.__all__)


ORACLE, _TABLE = load_oracle(
    os.path.join(os.path.dirname(__file__), "dtype_oracle_statistics.json")
)


def _expected_table():
    """This backend's expected dtypes.

    Keras's numpy backend crashes (AttributeError) on Python scalars for
    median, nanmedian and corrcoef: its jax backend's answer is taken there.
    Keras's TensorFlow backend broadcasts 0-d weights in `average` where
    NumPy and Keras's other backends refuse: we refuse on every backend.
    """
    oracle = {k: v for k, v in ORACLE.items()}
    default = {}
    for op_name, row in ORACLE["default"].items():
        default[op_name] = {
            key: ORACLE["jax"][op_name][key] if value == "error" else value
            for key, value in row.items()
        }
    oracle["default"] = default
    if BACKEND == "tensorflow":
        table = {op_name: dict(row) for op_name, row in ORACLE["tensorflow"].items()}
        for key, value in default["average"].items():
            if value == "error":
                table["average"][key] = "error"
        return oracle, table
    table = {
        op_name: {
            key: value if value == "error" else narrowed_dtype(value)
            for key, value in row.items()
        }
        for op_name, row in default.items()
    }
    return oracle, table


FUNCTIONS = {
    "median": ops.median,
    "nanmedian": ops.nanmedian,
    "quantile": lambda x: ops.quantile(x, 0.5),
    "nanquantile": lambda x: ops.nanquantile(x, 0.5),
    "percentile": lambda x: ops.percentile(x, 50),
    "nanpercentile": lambda x: ops.nanpercentile(x, 50),
    "corrcoef": ops.corrcoef,
    "diff": ops.diff,
    "average": lambda *a: ops.average(a[0], weights=a[1] if len(a) > 1 else None),
    "correlate": ops.correlate,
    "trapezoid": lambda *a: ops.trapezoid(a[0], x=a[1] if len(a) > 1 else None),
}


@pytest.mark.parametrize("op_name", sorted(FUNCTIONS))
def test_result_dtypes_match_keras(op_name):
    oracle, table = _expected_table()
    mismatches = dtype_mismatches(FUNCTIONS[op_name], oracle, table, op_name)
    assert not mismatches, mismatches


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("op_name", ["quantile", "nanquantile"])
def test_quantile_methods_match_numpy_at_ties_and_half_way(op_name, method):
    # n = 5 gives positions q * 4: 0.5, 1.5 and 2.5 are half-way, where
    # `nearest` rounds to the even index (jnp and TF Keras round otherwise).
    x = np.array([[4.0, 1.0, 3.0, 1.0, 9.0], [2.0, np.nan, 7.0, 5.0, 6.0]], "float32")
    q = np.array([0.0, 0.125, 0.375, 0.5, 0.625, 1.0], "float32")
    result = getattr(ops, op_name)(x, q, axis=1, method=method)
    expected = getattr(np, op_name)(x.astype("float64"), q, axis=1, method=method)
    np.testing.assert_allclose(to_numpy(result), expected, rtol=1e-6)


def test_all_nan_slice_gives_nan():
    x = np.array([[np.nan, np.nan], [1.0, 2.0]], "float32")
    np.testing.assert_allclose(to_numpy(ops.nanmedian(x, axis=1)), [np.nan, 1.5])


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: ops.quantile(np.ones(3), 0.5, method="hazen"), "quantile: `method`"),
        (lambda: ops.quantile(np.ones(3), 1.5), r"quantile: `q` must be in \[0, 1\]"),
        (
            lambda: ops.percentile(np.ones(3), -1.0),
            r"percentile: `q` must be in \[0, 100\]",
        ),
        (lambda: ops.quantile(np.ones(3), [[0.5]]), "quantile: `q` must be a scalar"),
        (lambda: ops.average(np.ones((2, 3)), weights=np.ones(3)), "average: `axis`"),
        (
            lambda: ops.average(np.ones((2, 3)), 0, weights=np.ones(3)),
            "average: weights",
        ),
        (lambda: ops.corrcoef(np.ones((2, 2, 2))), "corrcoef: x must be 1-D or 2-D"),
        (
            lambda: ops.correlate(np.ones(3), np.ones(2), mode="middle"),
            "correlate: `mode`",
        ),
        (lambda: ops.correlate(np.ones((2, 2)), np.ones(2)), "correlate: x1 and x2"),
        (lambda: ops.correlate(np.ones(2), np.ones(0)), "correlate: x1 and x2"),
        (lambda: ops.diff(np.ones(3), n=-1), "diff: `n`"),
        (lambda: ops.diff(3.0), "diff: a must be at least 1-D"),
        (lambda: ops.trapezoid(3.0), "trapezoid: y must be at least 1-D"),
    ],
)
def test_bad_arguments_are_refused(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_average_tuple_axis_weights_follow_axis_order():
    x = distinct(2, 3, 4)
    w = distinct(4, 2) + 1
    expected = np.average(x.astype("float64"), axis=(2, 0), weights=w)
    np.testing.assert_allclose(
        to_numpy(ops.average(x, axis=(2, 0), weights=w)), expected, rtol=1e-5
    )


correlate_full = functools.partial(ops.correlate, mode="full")


def test_empty_slices_give_nan():
    # NumPy warns and gives NaN for medians of empty slices; so do we.
    result = to_numpy(ops.median(np.zeros((2, 0), "float32"), axis=1))
    np.testing.assert_array_equal(result, [np.nan, np.nan])
