"""The shape and layout NumPy-API ops (reshape, concatenate, split, pad...),
driven by one declarative table.

Every row is checked for eager values and output types, for symbolic shapes
and dtypes against eager results (also with an unknown first dimension),
inside the backend's compiler and, for differentiable rows, for gradients
against finite differences. Result dtypes are checked for every input dtype
(pairs for the joining ops) against Keras 3.15, recorded in
`dtype_oracle_manipulation.json`. `ndim` and `size` give Python ints, which
the table cannot hold: they have focused tests below.
"""

import functools
import os

import ml_dtypes
import numpy as np
import pytest
from op_testing import BACKEND
from op_testing import Case
from op_testing import TableTests
from op_testing import dtype_mismatches
from op_testing import load_oracle
from op_testing import result_dtype
from op_testing import signed
from op_testing import to_numpy

import keras_core
from keras_core import ops
from keras_core._src.backend import core
from keras_core._src.backend.common.dtypes import standardize_dtype

INTS = np.arange(12, dtype="int32").reshape(3, 4)
BYTES = np.array([[1, -2, 3, 4], [5, 6, -7, 8]], "int8")


def row(op, *args, grad=True, grow=(0,), **kwargs):
    return Case(op, args, kwargs, grad=grad, grow=grow)


def labelled(label, op, *args, reference=None, grad=False, grow=(0,), **kwargs):
    return Case(
        op, args, kwargs, reference=reference, grad=grad, grow=grow, label=label
    )


def _pad_reference(mode):
    numpy_mode = {"circular": "wrap", "empty": "constant"}.get(mode, mode)

    def reference(x, pad_width, mode=None, constant_values=None):
        if numpy_mode == "constant":
            return np.pad(x, pad_width, constant_values=constant_values or 0)
        return np.pad(x, pad_width, mode=numpy_mode)

    return reference


# Gradients of one mode of each kind: gathered edges, a statistic, a ramp.
GRADIENT_MODES = ("symmetric", "mean", "linear_ramp")


def _pad_rows():
    rows = [
        labelled(
            "int",
            "pad",
            signed(2, 3),
            1,
            grad=True,
            reference=_pad_reference("constant"),
        ),
        labelled(
            "pairs_value",
            "pad",
            signed(2, 3),
            ((1, 0), (2, 1)),
            constant_values=2.5,
            reference=_pad_reference("constant"),
        ),
        labelled(
            "before_after",
            "pad",
            signed(2, 3),
            (1, 2),
            reference=_pad_reference("constant"),
        ),
    ]
    for mode in ("edge", "reflect", "symmetric", "wrap", "circular", "maximum"):
        rows.append(
            labelled(
                mode,
                "pad",
                signed(3, 4),
                ((2, 1), (3, 2)),
                mode=mode,
                grad=mode in GRADIENT_MODES,
                reference=_pad_reference(mode),
            )
        )
    for mode in ("minimum", "mean", "median", "linear_ramp", "empty"):
        rows.append(
            labelled(
                mode,
                "pad",
                signed(3, 4),
                ((1, 2), (2, 1)),
                mode=mode,
                grad=mode in GRADIENT_MODES,
                reference=_pad_reference(mode),
            )
        )
    # Widths longer than the axis: reflections repeat, as NumPy's do.
    rows.append(
        labelled(
            "reflect_wide",
            "pad",
            signed(2, 3),
            ((3, 4), (5, 2)),
            mode="reflect",
            reference=_pad_reference("reflect"),
        )
    )
    rows.append(
        labelled(
            "int_mean",
            "pad",
            INTS,
            ((1, 1), (2, 2)),
            mode="mean",
            grad=False,
            reference=_pad_reference("mean"),
        )
    )
    return rows


class TestManipulation(TableTests):
    CASES = [
        row("reshape", signed(2, 6), (3, -1), grow=()),
        labelled("flat", "reshape", signed(2, 3), (-1,)),
        labelled("lead_unknown", "reshape", signed(2, 4), (-1, 2)),
        row("transpose", signed(2, 3, 4)),
        labelled("axes", "transpose", signed(2, 3, 4), (2, 0, 1)),
        row("expand_dims", signed(2, 3), 1),
        labelled("tuple", "expand_dims", signed(2, 3), (0, 3)),
        row("squeeze", signed(2, 1, 3, 1)),
        labelled("axes", "squeeze", signed(2, 1, 3, 1), axis=(1, 3)),
        row("ravel", signed(2, 3)),
        row("moveaxis", signed(2, 3, 4), 0, -1),
        labelled("lists", "moveaxis", signed(2, 3, 4), [0, 1], [2, 0]),
        row("swapaxes", signed(2, 3, 4), 0, 2),
        row("broadcast_to", signed(3), (2, 3), grow=()),
        labelled("lead", "broadcast_to", signed(2, 1), (4, 2, 3), grow=()),
        row("flip", signed(2, 3)),
        labelled("axes", "flip", signed(2, 3, 2), axis=(0, 2)),
        row("fliplr", signed(2, 3)),
        row("flipud", signed(3, 2)),
        row("rot90", signed(2, 3)),
        labelled("k3_axes", "rot90", signed(2, 3, 4), k=3, axes=(1, 2)),
        labelled("k_neg", "rot90", signed(2, 3, 2), k=-1, axes=(2, 0)),
        row("roll", signed(2, 3), 2),
        labelled("axis", "roll", signed(3, 4), -1, axis=1),
        labelled("axes", "roll", signed(3, 4), (1, 2), axis=(0, 1)),
        row("tile", signed(2, 3), 2),
        labelled("longer", "tile", signed(2, 3), (2, 1, 2)),
        labelled("shorter", "tile", signed(2, 3, 2), (2, 1)),
        row("repeat", signed(2, 3), 2),
        labelled("axis", "repeat", signed(2, 3), 2, axis=1),
        labelled("list", "repeat", signed(2, 3), [1, 0, 3], axis=-1),
        labelled("list_flat", "repeat", signed(2, 2), [1, 2, 0, 1], grow=()),
        *_pad_rows(),
        row("append", signed(2, 3), signed(4)),
        labelled("axis", "append", signed(2, 3), signed(1, 3), axis=0, grow=(0,)),
        row("concatenate", [signed(2, 3), signed(1, 3)]),
        labelled(
            "axis", "concatenate", [signed(2, 3), signed(2, 1)], axis=1, grow=(0, 1)
        ),
        labelled("none", "concatenate", [signed(2, 3), signed(4)], axis=None),
        labelled(
            "mixed",
            "concatenate",
            [signed(2, 2), INTS[:2, :2]],
            axis=-1,
            grad=False,
            grow=(0, 1),
        ),
        labelled("empty", "concatenate", [signed(2, 3), np.zeros((0, 3), "float32")]),
        row("stack", [signed(2, 3), signed(2, 3)], grow=(0, 1)),
        labelled("axis", "stack", [signed(2, 3), signed(2, 3)], axis=-1, grow=(0, 1)),
        row("hstack", [signed(2, 3), signed(2, 1)], grow=(0, 1)),
        labelled("1d", "hstack", [signed(3), signed(2)]),
        row("vstack", [signed(2, 3), signed(1, 3)]),
        labelled("1d", "vstack", [signed(3), signed(3)], grow=()),
        row("dstack", [signed(2, 3), signed(2, 3)], grow=(0, 1)),
        labelled("1d", "dstack", [signed(3), signed(3)], grow=()),
        row("split", signed(4, 3), 2, grow=()),
        labelled("axis", "split", signed(2, 6), 3, axis=1),
        labelled("indices", "split", signed(5, 2), [1, 3], grow=()),
        labelled("indices_axis", "split", signed(2, 5), [2, 2, 4, 9], axis=-1),
        row("array_split", signed(5, 2), 3, grow=()),
        labelled("axis", "array_split", signed(2, 7), 3, axis=1),
        row("hsplit", signed(2, 4), 2),
        labelled("1d", "hsplit", signed(6), [1, 4], grow=()),
        row("vsplit", signed(4, 2), [1, 3], grow=()),
        row("dsplit", signed(2, 2, 4), 2),
        labelled("indices", "dsplit", signed(2, 2, 4), [3]),
        labelled(
            "int16",
            "view",
            BYTES,
            "int16",
            reference=lambda x, dtype: x.view(dtype),
            grad=False,
        ),
        labelled(
            "int8",
            "view",
            INTS,
            "int8",
            reference=lambda x, dtype: x.view(dtype),
            grad=False,
        ),
        labelled(
            "float",
            "view",
            signed(2, 4),
            dtype="int32",
            reference=lambda x, dtype: x.astype("float32").view(dtype),
            grad=False,
        ),
    ]


def test_every_op_is_tested():
    from keras_core._src.ops.numpy import joining
    from keras_core._src.ops.numpy import manipulation

    tabled = {case.op for case in TestManipulation.CASES}
    declared = set(manipulation.__all__) | set(joining.__all__)
    assert tabled | {"ndim", "size"} == declared


@pytest.mark.parametrize("shape", [(), (3,), (2, 0, 4)])
def test_ndim_and_size_are_python_ints(shape):
    x = np.ones(shape, "float32")
    assert ops.ndim(x) == len(shape) and isinstance(ops.ndim(x), int)
    size = ops.size(x)
    if BACKEND == "tensorflow":
        # Keras on TensorFlow gives a tensor: shapes may be known only when run.
        assert standardize_dtype(size.dtype) == "int32"
    else:
        assert isinstance(size, int)
    assert int(size) == int(np.prod(shape))
    for op in (ops.ndim, ops.size):
        spec = op(keras_core.KerasTensor((None, 3)))
        assert (spec.shape, spec.dtype) == ((), "int32")


def test_ndim_and_size_inside_the_compiler():
    if BACKEND != "tensorflow":
        pytest.skip("only tensorflow has shapes known when run alone")
    import tensorflow as tf

    @tf.function(input_signature=[tf.TensorSpec((None, 3), tf.float32)])
    def count(x):
        return ops.size(x) + ops.ndim(x)

    assert int(count(np.ones((4, 3), "float32"))) == 14


def test_view_round_trips_bits():
    x = np.array([[1.5, -2.0], [np.inf, 0.0]], "float32")
    bits = ops.view(x, "uint16")
    np.testing.assert_array_equal(to_numpy(bits), x.view("uint16"))
    back = ops.view(bits, "float32")
    np.testing.assert_array_equal(to_numpy(back), x)
    flags = ops.view(np.array([0, 1, 1, 0], "uint8"), "bool")
    np.testing.assert_array_equal(to_numpy(flags), [False, True, True, False])
    same = ops.view(np.array([1, 2], "int32"))
    assert standardize_dtype(same.dtype) == "int32"


def test_symbolic_shapes_keep_unknown_dims():
    unknown = keras_core.KerasTensor((None, 4))
    assert ops.reshape(unknown, (-1, 2)).shape == (None, 2)
    assert ops.reshape(unknown, (None, 2, 2)).shape == (None, 2, 2)
    assert ops.reshape(unknown, (2, -1)).shape == (2, None)
    assert [p.shape for p in ops.split(unknown, 2)] == [(None, 4)] * 2
    assert [p.shape for p in ops.split(unknown, [1])] == [(1, 4), (None, 4)]
    pieces = ops.array_split(keras_core.KerasTensor((None, 5)), 2, axis=1)
    assert [p.shape for p in pieces] == [(None, 3), (None, 2)]
    assert ops.tile(keras_core.KerasTensor((None, 3)), (2, 1, 1)).shape == (
        2,
        None,
        3,
    )
    assert ops.view(unknown, "int16").shape == (None, 8)
    assert ops.repeat(keras_core.KerasTensor((None, 3)), 2, axis=1).shape == (None, 6)
    joined = ops.concatenate([unknown, keras_core.KerasTensor((2, 4))])
    assert joined.shape == (None, 4)


def test_stacking_promotes_dtypes():
    mixed = ops.stack([np.ones(2, "int8"), np.ones(2, "uint8")])
    assert standardize_dtype(mixed.dtype) == "int16"
    floats = ops.concatenate([np.ones(2, "float16"), np.ones(2, "int8")])
    assert standardize_dtype(floats.dtype) == "float16"
    # Python scalars count as int32 / floatx tensors, as in Keras.
    assert standardize_dtype(ops.append(np.ones(2, "int8"), 3).dtype) == "int32"


def test_pad_casts_the_fill_to_the_dtype():
    got = to_numpy(ops.pad(np.ones((1, 2), "uint8"), 1, constant_values=-1))
    np.testing.assert_array_equal(
        got, np.pad(np.ones((1, 2), "uint8"), 1, constant_values=255)
    )
    got = to_numpy(ops.pad(np.ones(2, "int32"), (1, 0), constant_values=2.5))
    np.testing.assert_array_equal(got, [2, 1, 1])
    flags = to_numpy(ops.pad(np.array([False]), 1, constant_values=True))
    np.testing.assert_array_equal(flags, [True, False, True])
    edges = to_numpy(ops.pad(np.array([3, 1], "uint16"), 2, mode="edge"))
    np.testing.assert_array_equal(edges, [3, 3, 3, 1, 1, 1])


def test_empty_inputs():
    empty = np.zeros((0, 3), "float32")
    assert tuple(core.shape(ops.reshape(empty, (3, -1)))) == (3, 0)
    assert tuple(core.shape(ops.flip(empty))) == (0, 3)
    assert tuple(core.shape(ops.tile(empty, 2))) == (0, 6)
    pieces = ops.split(np.zeros((0, 2), "float32"), 2)
    assert [tuple(core.shape(p)) for p in pieces] == [(0, 2), (0, 2)]
    assert tuple(core.shape(ops.pad(empty, 1))) == (2, 5)


def test_errors_name_the_op():
    x = np.ones((2, 3), "float32")
    with pytest.raises(ValueError, match="split: an axis of length 5"):
        ops.split(np.ones(5, "float32"), 2)
    with pytest.raises(ValueError, match=r"pad.*mode 'foo' is not supported"):
        ops.pad(x, 1, mode="foo")
    with pytest.raises(ValueError, match=r"pad.*constant_values"):
        ops.pad(x, 1, mode="reflect", constant_values=2)
    with pytest.raises(ValueError, match="pad: pad_width must be"):
        ops.pad(x, ((1, 1), (1, 1), (1, 1)))
    with pytest.raises(ValueError, match="pad: mode 'edge' cannot extend"):
        ops.pad(np.zeros((0,), "float32"), 1, mode="edge")
    with pytest.raises(ValueError, match="view: the last axis of x"):
        ops.view(np.ones(3, "int8"), "int16")
    with pytest.raises(ValueError, match="dsplit: needs a tensor of at least 3"):
        ops.dsplit(x, 2)
    with pytest.raises(ValueError, match="split: the number of sections"):
        ops.array_split(x, 0)
    with pytest.raises(ValueError, match="squeeze"):
        ops.squeeze(x, axis=0)
    with pytest.raises(ValueError, match=r"concatenate.*at least one"):
        ops.concatenate([])


ORACLE, DTYPE_TABLE = load_oracle(
    os.path.join(os.path.dirname(__file__), "dtype_oracle_manipulation.json")
)


def _cube(x):
    # The oracle was recorded on shape (2, 2, 2); Python scalars stay scalars.
    return x if isinstance(x, (int, float)) else ops.broadcast_to(x, (2, 2, 2))


DTYPE_CALLS = {
    "reshape": lambda x: ops.reshape(_cube(x), (-1,)),
    "transpose": lambda x: ops.transpose(_cube(x)),
    "expand_dims": lambda x: ops.expand_dims(_cube(x), 0),
    "squeeze": lambda x: ops.squeeze(_cube(x)),
    "ravel": lambda x: ops.ravel(_cube(x)),
    "moveaxis": lambda x: ops.moveaxis(_cube(x), 0, -1),
    "swapaxes": lambda x: ops.swapaxes(_cube(x), 0, -1),
    "broadcast_to": lambda x: ops.broadcast_to(_cube(x), (2, 2, 2, 2)),
    "flip": lambda x: ops.flip(_cube(x)),
    "fliplr": lambda x: ops.fliplr(_cube(x)),
    "flipud": lambda x: ops.flipud(_cube(x)),
    "rot90": lambda x: ops.rot90(_cube(x)),
    "roll": lambda x: ops.roll(_cube(x), 1),
    "tile": lambda x: ops.tile(_cube(x), (2,)),
    "repeat": lambda x: ops.repeat(_cube(x), 2),
    "pad": lambda x: ops.pad(_cube(x), [(1, 1)] * max(np.ndim(_cube(x)), 1)),
    "split": lambda x: ops.split(_cube(x), 2)[0],
    "array_split": lambda x: ops.array_split(_cube(x), 2)[0],
    "hsplit": lambda x: ops.hsplit(_cube(x), 2)[0],
    "vsplit": lambda x: ops.vsplit(_cube(x), 2)[0],
    "dsplit": lambda x: ops.dsplit(_cube(x), 2)[0],
    "append": lambda a, b: ops.append(_cube(a), _cube(b)),
    "concatenate": lambda a, b: ops.concatenate([_cube(a), _cube(b)]),
    "stack": lambda a, b: ops.stack([_cube(a), _cube(b)]),
    "hstack": lambda a, b: ops.hstack([_cube(a), _cube(b)]),
    "vstack": lambda a, b: ops.vstack([_cube(a), _cube(b)]),
    "dstack": lambda a, b: ops.dstack([_cube(a), _cube(b)]),
}


def _keras_tensorflow_stack_quirk(op_name, key, expected):
    # Keras on TensorFlow stacks two integer tensors of one dtype as int32
    # (int64 values included, which can lose data); every other backend and
    # Keras's own `concatenate` keep the dtype, as we do.
    first, second = key.split(",")
    return (
        BACKEND == "tensorflow"
        and op_name == "stack"
        and first == second
        and expected == "int32"
        and ORACLE["tensorflow"]["concatenate"][key] == first
    )


@pytest.mark.parametrize("op_name", sorted(DTYPE_CALLS))
def test_result_dtypes_match_keras(op_name):
    mismatches = dtype_mismatches(DTYPE_CALLS[op_name], ORACLE, DTYPE_TABLE, op_name)
    # Keras on TensorFlow skips NumPy's rank checks (fliplr of a Python
    # scalar); we raise as NumPy does, which the other backends check.
    mismatches = [
        (key, got, expected)
        for key, got, expected in mismatches
        if not (got == "error" and ORACLE["default"][op_name][key] == "error")
        and not _keras_tensorflow_stack_quirk(op_name, key, expected)
    ]
    assert not mismatches, mismatches


def _sample(key, shape):
    if key == "bool":
        return np.ones(shape, bool)
    return np.ones(shape, ml_dtypes.bfloat16 if key == "bfloat16" else key)


def test_view_result_dtypes_match_keras():
    mismatches = []
    for key, expected in DTYPE_TABLE["view"].items():
        source, target = key.split(",")
        if BACKEND == "tensorflow" and expected == "error":
            continue  # Keras has no bool bitcast on TensorFlow; we give NumPy's.
        if BACKEND == "torch" and ("uint16" in key or "uint32" in key):
            continue  # torch lacks most kernels for these types.
        try:
            view = functools.partial(ops.view, dtype=target)
            got = result_dtype(view, [_sample(source, (8,))])
        except Exception:
            got = "error"
        if got != expected:
            mismatches.append((key, got, expected))
    assert not mismatches, mismatches


@pytest.mark.parametrize("op_name", ["ndim", "size"])
def test_shape_query_result_types_match_keras(op_name):
    op = getattr(ops, op_name)
    for key, expected in DTYPE_TABLE[op_name].items():
        value = 3 if key == "python:int" else 2.5 if key == "python:float" else None
        result = op(_sample(key, (2, 2, 2)) if value is None else value)
        got = (
            "python:int" if isinstance(result, int) else standardize_dtype(result.dtype)
        )
        assert got == expected, (key, got, expected)
