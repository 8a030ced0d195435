"""The element-wise NumPy-API ops, driven by one declarative table.

Each row names an op, its inputs, an independent NumPy reference and what to
check. Every row is checked for eager values and output types, for symbolic
shapes and dtypes against eager results, inside the backend's compiler, and
(for differentiable ops) for gradients against finite differences. Result
dtypes are checked for every input dtype against Keras 3.15 (recorded in
`dtype_oracle.json`).
"""

import os

import numpy as np
import pytest
from op_testing import Case
from op_testing import TableTests
from op_testing import dtype_mismatches
from op_testing import growing_inputs
from op_testing import load_oracle
from op_testing import positive
from op_testing import signed
from op_testing import to_numpy

from keras_core import ops


def row(op, *args, grad=True, **options):
    grow = growing_inputs(args)
    return Case(op, args, grad=grad, grow=grow, **options)


class TestArithmetic(TableTests):
    CASES = [
        row("add", signed(2, 3), signed(3)),
        row("subtract", signed(2, 3), signed(2, 1)),
        row("multiply", signed(4, 1), signed(1, 5)),
        row("true_divide", signed(2, 3), positive(2, 3)),
        row("divide", signed(3), positive(2, 3)),
        row("maximum", signed(2, 3), signed(2, 3)),
        row("minimum", signed(2, 3), signed(3)),
        row("fmax", signed(2, 3), signed(2, 3)),
        row("fmin", signed(3), signed(2, 3)),
        row("equal", np.array([1.0, 2.0, 3.0]), np.array([1.0, 0.0, 3.0]), grad=False),
        row("less", signed(2, 3), signed(2, 3), grad=False),
        row("negative", signed(2, 3)),
        row("absolute", signed(2, 3)),
        row("abs", signed(4)),
        row("sqrt", positive(2, 3)),
        row("exp", signed(2, 3), rtol=1e-5),
    ]


ORACLE, DTYPE_TABLE = load_oracle(
    os.path.join(os.path.dirname(__file__), "dtype_oracle.json")
)


@pytest.mark.parametrize("op_name", sorted(DTYPE_TABLE))
def test_result_dtypes_match_keras(op_name):
    mismatches = dtype_mismatches(getattr(ops, op_name), ORACLE, DTYPE_TABLE, op_name)
    assert not mismatches, mismatches


@pytest.mark.parametrize("op_name", ["fmax", "fmin", "maximum", "minimum"])
def test_nan_handling_matches_numpy(op_name):
    # fmax/fmin ignore a NaN when the other value is a number; maximum and
    # minimum propagate it.
    x1 = np.array([np.nan, 1.0, np.nan, -2.0, 3.0], "float32")
    x2 = np.array([2.0, np.nan, np.nan, -1.0, 3.0], "float32")
    result = to_numpy(getattr(ops, op_name)(x1, x2))
    np.testing.assert_array_equal(result, getattr(np, op_name)(x1, x2))
