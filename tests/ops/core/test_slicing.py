"""scatter, scatter_update, slice, slice_update and unstack, by table.

References are written with NumPy indexing (`np.add.at`, slices), apart
from the backends' scatter primitives. Focused tests cover reductions with
repeated indices, symbolic unstack and error messages.
"""

import numpy as np
import pytest
from op_testing import Case
from op_testing import TableTests
from op_testing import signed
from op_testing import to_numpy

import keras_core
from keras_core import ops

RNG = np.random.default_rng(1)


def scatter_reference(indices, values, shape):
    output = np.zeros(shape, dtype=values.dtype)
    np.add.at(output, tuple(indices.T), values)
    return output


def update_reference(reduction):
    functions = {
        "add": np.add,
        "max": np.maximum,
        "min": np.minimum,
        "mul": np.multiply,
    }

    def reference(inputs, indices, updates, reduction=None):
        output = inputs.copy()
        if reduction is None:
            output[tuple(indices.T)] = updates
        else:
            functions[reduction].at(output, tuple(indices.T), updates)
        return output

    return reference


def slice_reference(inputs, start_indices, shape):
    index = tuple(slice(s, s + n) for s, n in zip(start_indices, shape, strict=True))
    return inputs[index]


def slice_update_reference(inputs, start_indices, updates):
    output = inputs.copy()
    index = tuple(
        slice(s, s + n) for s, n in zip(start_indices, updates.shape, strict=True)
    )
    output[index] = updates
    return output


def unstack_reference(x, num=None, axis=0):
    return [np.take(x, i, axis=axis) for i in range(x.shape[axis])]


ROWS = np.array([[0], [2], [3]], dtype="int32")
PAIRS = np.array([[0, 1], [2, 0], [1, 1]], dtype="int32")

CASES = [
    Case(
        "scatter",
        (ROWS, signed(3), (5,)),
        reference=scatter_reference,
        grad=True,
        grow=(0, 1),
    ),
    Case(
        "scatter",
        (np.array([[0], [2], [0]], dtype="int32"), signed(3), (4,)),
        reference=scatter_reference,
        grad=True,
        grow=(0, 1),
        label="repeated",
    ),
    Case(
        "scatter",
        (PAIRS, signed(3, 4), (3, 2, 4)),
        reference=scatter_reference,
        grad=True,
        grow=(0, 1),
        label="slices",
    ),
    Case(
        "scatter",
        (ROWS, np.array([1, 2, 3], dtype="int32"), (4,)),
        reference=scatter_reference,
        grow=(0, 1),
        label="int",
    ),
]
for reduction in (None, "add", "max", "min", "mul"):
    CASES.append(
        Case(
            "scatter_update",
            (signed(4, 3), np.array([[0], [2]], dtype="int32"), signed(2, 3)),
            {"reduction": reduction},
            reference=update_reference(reduction),
            # jax differentiates scatter-multiply only for indices it knows
            # to be unique, which these are not declared to be (as in Keras).
            grad=reduction != "mul",
            grow=(1, 2),
            label=str(reduction),
        )
    )
CASES += [
    Case(
        "scatter_update",
        (signed(3, 2), PAIRS[:2], signed(2)),
        reference=update_reference(None),
        grad=True,
        grow=(1, 2),
        label="elements",
    ),
    Case(
        "scatter_update",
        (np.zeros(4, dtype="int32"), ROWS, np.array([7, 8, 9], dtype="int32")),
        {"reduction": "add"},
        reference=update_reference("add"),
        grow=(1, 2),
        label="int",
    ),
    Case(
        "slice",
        (signed(4, 5), (1, 2), (2, 3)),
        reference=slice_reference,
        grad=True,
    ),
    Case(
        "slice",
        (np.arange(24, dtype="int32").reshape(2, 3, 4), (0, 1, 1), (2, 2, 3)),
        reference=slice_reference,
        label="int-3d",
    ),
    Case(
        "slice_update",
        (signed(4, 5), (1, 2), signed(2, 3)),
        reference=slice_update_reference,
        grad=True,
    ),
    Case(
        "slice_update",
        (np.zeros((3, 4), dtype="int32"), (2, 0), np.ones((1, 4), dtype="int32")),
        reference=slice_update_reference,
        label="int",
    ),
    Case("unstack", (signed(3, 4),), reference=unstack_reference, grad=True, grow=()),
    Case(
        "unstack",
        (signed(3, 4, 2),),
        {"axis": 1},
        reference=unstack_reference,
        grad=True,
        label="axis1",
    ),
    Case(
        "unstack",
        (signed(3, 2),),
        {"axis": -1, "num": 2},
        reference=unstack_reference,
        label="num",
    ),
]


class TestSlicing(TableTests):
    CASES = CASES


def test_scatter_update_casts_updates_to_the_inputs_dtype():
    result = ops.scatter_update(
        np.zeros(3, dtype="int32"), [[1]], np.array([2.7], dtype="float32")
    )
    assert ops.dtype(result) == "int32"
    np.testing.assert_array_equal(to_numpy(result), [0, 2, 0])


def test_scatter_update_reductions_combine_repeated_indices():
    inputs = np.ones(3, dtype="float32")
    indices = np.array([[0], [0], [2]])
    updates = np.array([2.0, 3.0, 4.0], dtype="float32")
    expected = {"add": [6, 1, 5], "max": [3, 1, 4], "min": [1, 1, 1], "mul": [6, 1, 4]}
    for reduction, values in expected.items():
        result = ops.scatter_update(inputs, indices, updates, reduction=reduction)
        np.testing.assert_allclose(to_numpy(result), values, err_msg=reduction)


def test_scatter_update_rejects_unknown_reductions():
    with pytest.raises(ValueError, match=r"scatter_update.*'sum'.*'add', 'max'"):
        ops.scatter_update(np.zeros(3), [[0]], [1.0], reduction="sum")


def test_unstack_symbolic_needs_a_known_size_or_num():
    x = keras_core.KerasTensor((None, 3))
    parts = ops.unstack(x, axis=1)
    assert [p.shape for p in parts] == [(None,)] * 3
    assert len(ops.unstack(x, num=4)) == 4
    with pytest.raises(ValueError, match=r"unstack.*cannot infer `num`.*None, 3"):
        ops.unstack(x)


def test_slice_symbolic_shape_is_the_block_shape():
    x = keras_core.KerasTensor((None, 6))
    assert ops.slice(x, (0, 1), (2, 3)).shape == (2, 3)
