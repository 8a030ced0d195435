"""The nn pooling ops (max_pool, average_pool and their adaptive variants).

Every op is checked against a direct NumPy loop over output positions (each
window sliced out of the unpadded input, so padding never counts), in the
op table for one row per op and rank (symbolic, compiled, gradients) and
in focused eager tests for the argument variants. Result dtypes are checked
against Keras 3.15 (`dtype_oracle_pooling.json`), and errors for bad
arguments.
"""

import math
import os

import numpy as np
import pytest
from op_testing import Case
from op_testing import TableTests
from op_testing import dtype_mismatches
from op_testing import load_oracle
from op_testing import signed

import keras_core
from keras_core import ops
from keras_core._src.backend.common.dtypes import narrowed_dtype
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.common.keras_tensor import KerasTensor


def _tuple(value, rank):
    return (value,) * rank if isinstance(value, int) else tuple(value)


def _channels_last(x, data_format):
    first = (data_format or keras_core.config.image_data_format()) == "channels_first"
    return (np.moveaxis(x, 1, -1) if first else x), first


def _pool_reference(reduce, x, pool_size, strides, padding, data_format):
    x, first = _channels_last(x, data_format)
    rank = x.ndim - 2
    window = _tuple(pool_size, rank)
    strides = window if strides is None else _tuple(strides, rank)
    bounds = []
    for n, w, s in zip(x.shape[1:-1], window, strides, strict=True):
        if padding.lower() == "same":
            out = math.ceil(n / s)
            before = max((out - 1) * s + w - n, 0) // 2
        else:
            out, before = (n - w) // s + 1, 0
        # Window i covers [i * s - before, i * s - before + w), clipped.
        bounds.append(
            [(max(i * s - before, 0), min(i * s - before + w, n)) for i in range(out)]
        )
    return _gather(reduce, x, bounds, first)


def _gather(reduce, x, bounds, first):
    """`reduce` of each box of `x` (channels last), boxes given per axis."""
    rank = x.ndim - 2
    outs = [len(b) for b in bounds]
    y = None
    for position in np.ndindex(*outs):
        box = tuple(slice(*bounds[a][p]) for a, p in enumerate(position))
        value = reduce(x[(slice(None), *box)], axis=tuple(range(1, rank + 1)))
        if y is None:
            y = np.empty((x.shape[0], *outs, x.shape[-1]), value.dtype)
        y[(slice(None), *position)] = value
    return np.moveaxis(y, -1, 1) if first else y


def max_pool_reference(x, pool_size, strides=None, padding="valid", data_format=None):
    return _pool_reference(np.max, x, pool_size, strides, padding, data_format)


def average_pool_reference(
    x, pool_size, strides=None, padding="valid", data_format=None
):
    return _pool_reference(np.mean, x, pool_size, strides, padding, data_format)


def _adaptive_reference(reduce, x, output_size, data_format):
    x, first = _channels_last(x, data_format)
    rank = x.ndim - 2
    bounds = [
        [(math.floor(i * n / o), math.ceil((i + 1) * n / o)) for i in range(o)]
        for n, o in zip(x.shape[1:-1], _tuple(output_size, rank), strict=True)
    ]
    return _gather(reduce, x, bounds, first)


def adaptive_average_pool_reference(x, output_size, data_format=None):
    return _adaptive_reference(np.mean, x, output_size, data_format)


def adaptive_max_pool_reference(x, output_size, data_format=None):
    return _adaptive_reference(np.max, x, output_size, data_format)


REFERENCES = {
    "max_pool": max_pool_reference,
    "average_pool": average_pool_reference,
    "adaptive_average_pool": adaptive_average_pool_reference,
    "adaptive_max_pool": adaptive_max_pool_reference,
}

# One row per op and rank: (input shape, positional args, kwargs, label).
ROWS = {
    "max_pool": [
        ((2, 7, 3), (3,), {"strides": 2, "padding": "same"}, "1d-same"),
        (
            (1, 2, 5, 6),
            ((2, 3),),
            {"strides": (2, 1), "data_format": "channels_first"},
            "2d-cf",
        ),
        ((1, 3, 4, 5, 2), (2,), {"padding": "same"}, "3d-same"),
    ],
    "average_pool": [
        ((2, 7, 3), (3,), {"strides": 2, "padding": "same"}, "1d-same"),
        ((1, 5, 6, 2), ((3, 2),), {"strides": 1, "padding": "same"}, "2d-same"),
        (
            (1, 2, 3, 4, 5),
            (2,),
            {"strides": (1, 2, 2), "data_format": "channels_first"},
            "3d-cf",
        ),
    ],
    "adaptive_average_pool": [
        ((2, 7, 3), (3,), {}, "1d"),
        ((1, 2, 5, 6), ((2, 4),), {"data_format": "channels_first"}, "2d-cf"),
        ((1, 3, 5, 4, 2), ((2, 3, 3),), {}, "3d"),
    ],
    "adaptive_max_pool": [
        ((2, 7, 3), (3,), {}, "1d"),
        ((1, 5, 6, 2), ((2, 4),), {}, "2d"),
        ((1, 2, 3, 5, 4), ((2, 3, 3),), {"data_format": "channels_first"}, "3d-cf"),
    ],
}

CASES = [
    Case(
        op,
        (signed(*shape), *extra),
        kwargs,
        reference=REFERENCES[op],
        grad=True,
        rtol=1e-5,
        atol=1e-5,
        label=label,
    )
    for op, rows in ROWS.items()
    for shape, extra, kwargs, label in rows
]


class TestPooling(TableTests):
    CASES = CASES


def _check(op_name, x, *args, rtol=1e-6, **kwargs):
    result = getattr(ops, op_name)(x, *args, **kwargs)
    expected = REFERENCES[op_name](x, *args, **kwargs)
    got = ops.convert_to_numpy(result)
    assert got.shape == expected.shape, (got.shape, expected.shape)
    np.testing.assert_allclose(got.astype("float64"), expected, rtol=rtol, atol=rtol)
    return result


@pytest.mark.parametrize(
    "shape, args, kwargs",
    [
        ((1, 6, 2), (2,), {}),  # strides None: the pool size
        ((1, 7, 2), (2,), {"strides": 3}),
        ((1, 5, 2), (3,), {"strides": 2, "padding": "same"}),
        ((1, 2, 6), (4,), {"padding": "same", "data_format": "channels_first"}),
        ((2, 5, 5, 1), (3,), {"strides": 2, "padding": "SAME"}),
        ((1, 3, 4, 5), ((1, 2),), {"data_format": "channels_first"}),
        ((1, 4, 5, 3, 2), ((3, 2, 2),), {"strides": (1, 2, 1), "padding": "same"}),
    ],
)
@pytest.mark.parametrize("op_name", ["max_pool", "average_pool"])
def test_pool_variants(op_name, shape, args, kwargs):
    _check(op_name, signed(*shape), *args, rtol=1e-5, **kwargs)


@pytest.mark.parametrize(
    "shape, output_size, kwargs",
    [
        ((1, 6, 2), 3, {}),  # divisible: plain pooling
        ((1, 3, 2), 5, {}),  # more outputs than inputs: bins repeat
        ((1, 2, 7), 4, {"data_format": "channels_first"}),
        ((2, 7, 5, 1), (3, 5), {}),
        ((1, 1, 4, 3, 5), (1, 2, 4), {"data_format": "channels_first"}),
    ],
)
@pytest.mark.parametrize("op_name", ["adaptive_average_pool", "adaptive_max_pool"])
def test_adaptive_variants(op_name, shape, output_size, kwargs):
    _check(op_name, signed(*shape), output_size, rtol=1e-5, **kwargs)


@pytest.mark.parametrize("dtype", ["int8", "uint8", "int32", "bool"])
@pytest.mark.parametrize("rank", [1, 2, 3])
def test_max_pools_keep_integers_and_booleans(dtype, rank):
    x = np.random.default_rng(rank).integers(0, 100, size=(1, *(5,) * rank, 2))
    x = (x > 50) if dtype == "bool" else x.astype(dtype)
    result = _check("max_pool", x, 2, padding="same")
    assert standardize_dtype(result.dtype) == dtype
    result = _check("adaptive_max_pool", x, 3)
    assert standardize_dtype(result.dtype) == dtype


def test_negative_integers_never_lose_to_padding():
    x = np.full((1, 3, 1), -100, "int8")
    result = ops.max_pool(x, 2, padding="same")
    np.testing.assert_array_equal(ops.convert_to_numpy(result)[0, :, 0], [-100, -100])


@pytest.mark.parametrize("rank", [1, 3])
def test_average_pools_of_integers_are_floats(rank):
    x = np.arange(6**rank, dtype="int32").reshape(1, *(6,) * rank, 1)
    result = _check("average_pool", x, 4, strides=2, padding="same")
    assert standardize_dtype(result.dtype) == "float32"
    result = _check("adaptive_average_pool", x, 4)
    assert standardize_dtype(result.dtype) == "float32"


@pytest.mark.parametrize("dtype", ["float16", "bfloat16", "float64"])
def test_3d_pools_of_other_floats(dtype):
    # TensorFlow's 3D pools lack CPU kernels for these (pooled separably).
    x = signed(1, 3, 5, 4, 2)
    tensor = ops.convert_to_tensor(x, dtype=dtype)
    wide = ops.convert_to_numpy(ops.cast(tensor, "float32")).astype("float64")
    for op_name in ("max_pool", "average_pool"):
        result = getattr(ops, op_name)(
            tensor, (2, 3, 2), strides=(1, 2, 1), padding="same"
        )
        assert standardize_dtype(result.dtype) == narrowed_dtype(dtype)
        expected = REFERENCES[op_name](wide, (2, 3, 2), (1, 2, 1), "same")
        got = ops.convert_to_numpy(ops.cast(result, "float32"))
        np.testing.assert_allclose(got, expected, rtol=1e-2, atol=1e-2)


def test_default_data_format_is_the_configured_one():
    x = signed(1, 2, 6, 4)
    keras_core.config.set_image_data_format("channels_first")
    try:
        results = [ops.max_pool(x, 2), ops.adaptive_average_pool(x, (2, 3))]
    finally:
        keras_core.config.set_image_data_format("channels_last")
    expected = [
        max_pool_reference(x, 2, data_format="channels_first"),
        adaptive_average_pool_reference(x, (2, 3), data_format="channels_first"),
    ]
    for result, want in zip(results, expected, strict=True):
        np.testing.assert_allclose(
            ops.convert_to_numpy(result), want, rtol=1e-6, atol=1e-6
        )


def test_symbolic_inputs_of_unknown_spatial_sizes():
    x = KerasTensor((None, None, 8, 3))
    assert ops.max_pool(x, 2, padding="same").shape == (None, None, 4, 3)
    assert ops.average_pool(x, 3, 2).shape == (None, None, 3, 3)
    # Adaptive outputs have known sizes whatever the input's.
    assert ops.adaptive_average_pool(x, (2, 5)).shape == (None, 2, 5, 3)
    assert ops.adaptive_max_pool(x, 2).shape == (None, 2, 2, 3)


def test_same_average_leaves_padding_out():
    # Windows of 2 over 5 positions, stride 2: the last holds one element.
    x = np.arange(1, 6, dtype="float32").reshape(1, 5, 1)
    result = ops.average_pool(x, 2, padding="same")
    np.testing.assert_allclose(ops.convert_to_numpy(result)[0, :, 0], [1.5, 3.5, 5])


ORACLE_PATH = os.path.join(os.path.dirname(__file__), "dtype_oracle_pooling.json")
ORACLE, TABLE = load_oracle(ORACLE_PATH)
CALLS = {
    "max_pool": lambda x: ops.max_pool(x, 2, strides=2),
    "average_pool": lambda x: ops.average_pool(x, 2, strides=2),
    "adaptive_average_pool": lambda x: ops.adaptive_average_pool(x, 2),
    "adaptive_max_pool": lambda x: ops.adaptive_max_pool(x, 2),
}


@pytest.mark.parametrize("op_name", sorted(CALLS))
def test_result_dtypes_match_keras(op_name):
    def function(x):
        return CALLS[op_name](ops.broadcast_to(x[:1], (1, 4, 2)))

    assert not dtype_mismatches(function, ORACLE, TABLE, op_name)


X = np.ones((1, 4, 2), "float32")


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: ops.max_pool(np.ones((4, 2)), 2), ValueError, "rank 3 or 4 or 5"),
        (lambda: ops.max_pool(X, 2, padding="full"), ValueError, "'valid' or 'same'"),
        (
            lambda: ops.average_pool(X, 2, data_format="nhwc"),
            ValueError,
            "data_format",
        ),
        (
            lambda: ops.average_pool(X, (2, 2)),
            ValueError,
            "`average_pool`: `pool_size`",
        ),
        (
            lambda: ops.max_pool(X, 2, strides=(1, 1)),
            ValueError,
            "`max_pool`: `strides`",
        ),
        (lambda: ops.max_pool(X, 5), ValueError, "empty"),
        (
            lambda: ops.average_pool(X > 0, 2),
            TypeError,
            "`average_pool`.*boolean",
        ),
        (
            lambda: ops.adaptive_average_pool(X > 0, 2),
            TypeError,
            "`adaptive_average_pool`.*boolean",
        ),
        (
            lambda: ops.adaptive_max_pool(X, (2, 2)),
            ValueError,
            "`adaptive_max_pool`: `output_size`",
        ),
        (
            lambda: ops.adaptive_average_pool(X, 0),
            ValueError,
            "`adaptive_average_pool`: `output_size`",
        ),
        (
            lambda: ops.adaptive_max_pool(np.ones((2, 2)), 1),
            ValueError,
            "rank 3 or 4 or 5",
        ),
    ],
)
def test_errors_name_the_op_and_the_argument(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_public_names():
    for name in CALLS:
        assert getattr(ops, name) is getattr(ops.nn, name)
