"""The nn rearrangement ops (unfold, fold, depth_to_space, space_to_depth).

Rows are checked against direct NumPy loops (the references below; the
`unfold` reference was checked by hand against Keras 3.15's output),
symbolically, inside the backend compiler and for gradients; result dtypes
against Keras 3.15 (`dtype_oracle_rearrangement.json`), and errors.
"""

import os

import numpy as np
import pytest
from op_testing import Case
from op_testing import TableTests
from op_testing import dtype_mismatches
from op_testing import load_oracle
from op_testing import signed

from keras_core import ops


def _pair(value):
    return (value, value) if isinstance(value, int) else tuple(value)


def _positions(size, kernel_size, dilation, padding, stride):
    (kh, kw), (dh, dw) = _pair(kernel_size), _pair(dilation)
    (ph, pw), (sh, sw) = _pair(padding), _pair(stride)
    rows = (size[0] + 2 * ph - (kh - 1) * dh - 1) // sh + 1
    cols = (size[1] + 2 * pw - (kw - 1) * dw - 1) // sw + 1
    for i in range(rows):
        for j in range(cols):
            for a in range(kh):
                for b in range(kw):
                    yield (
                        i * cols + j,
                        a * kw + b,
                        i * sh + a * dh - ph,
                        j * sw + b * dw - pw,
                    )


def unfold_reference(x, kernel_size, dilation=1, padding=0, stride=1):
    """Column l, row c * kh * kw + tap: the image element under that tap."""
    n, c, h, w = x.shape
    kh, kw = _pair(kernel_size)
    items = list(_positions((h, w), kernel_size, dilation, padding, stride))
    count = max(item[0] for item in items) + 1
    out = np.zeros((n, c, kh * kw, count), x.dtype)
    for column, tap, r, s in items:
        if 0 <= r < h and 0 <= s < w:
            out[:, :, tap, column] = x[:, :, r, s]
    return out.reshape(n, c * kh * kw, count)


def fold_reference(x, output_size, kernel_size, dilation=1, padding=0, stride=1):
    """Adds every column element back at its image position."""
    kh, kw = _pair(kernel_size)
    n = x.shape[0]
    c = x.shape[1] // (kh * kw)
    cols = x.reshape(n, c, kh * kw, -1)
    out = np.zeros((n, c, *output_size), x.dtype)
    for column, tap, r, s in _positions(
        output_size, kernel_size, dilation, padding, stride
    ):
        if 0 <= r < output_size[0] and 0 <= s < output_size[1]:
            out[:, :, r, s] += cols[:, :, tap, column]
    return out


def depth_to_space_reference(x, block_size, data_format="channels_last"):
    """Output (i * b + di, j * b + dj, c) is input (i, j, (di * b + dj) * C + c)."""
    if data_format == "channels_first":
        x = np.moveaxis(x, 1, -1)
    b = block_size
    n, h, w, depth = x.shape
    c = depth // (b * b)
    out = np.zeros((n, h * b, w * b, c), x.dtype)
    for i, j, di, dj in np.ndindex(h, w, b, b):
        out[:, i * b + di, j * b + dj] = x[
            :, i, j, (di * b + dj) * c : (di * b + dj + 1) * c
        ]
    return np.moveaxis(out, -1, 1) if data_format == "channels_first" else out


def space_to_depth_reference(x, block_size, data_format="channels_last"):
    if data_format == "channels_first":
        x = np.moveaxis(x, 1, -1)
    b = block_size
    n, h, w, c = x.shape
    out = np.zeros((n, h // b, w // b, c * b * b), x.dtype)
    for i, j, di, dj in np.ndindex(h // b, w // b, b, b):
        out[:, i, j, (di * b + dj) * c : (di * b + dj + 1) * c] = x[
            :, i * b + di, j * b + dj
        ]
    return np.moveaxis(out, -1, 1) if data_format == "channels_first" else out


CASES = [
    Case("unfold", (signed(1, 2, 3, 3), 2), reference=unfold_reference, grad=True),
    Case(
        "unfold",
        (signed(2, 1, 5, 6), (2, 3)),
        {"dilation": (1, 2), "padding": (1, 0), "stride": (2, 1)},
        reference=unfold_reference,
        grad=True,
        label="args",
    ),
    Case(
        "unfold",
        (np.arange(18, dtype="int32").reshape(1, 2, 3, 3), 2),
        reference=unfold_reference,
        label="int",
    ),
    Case("fold", (signed(1, 8, 4), (3, 3), 2), reference=fold_reference, grad=True),
    Case(
        "fold",
        (signed(2, 6, 6), (5, 6), (2, 3)),
        {"dilation": (1, 2), "padding": (1, 0), "stride": (2, 1)},
        reference=fold_reference,
        grad=True,
        label="args",
    ),
    Case(
        "depth_to_space",
        (signed(2, 2, 3, 8), 2),
        reference=depth_to_space_reference,
        grad=True,
    ),
    Case(
        "depth_to_space",
        (signed(1, 8, 2, 3), 2, "channels_first"),
        reference=depth_to_space_reference,
        grad=True,
        label="channels_first",
    ),
    Case(
        "space_to_depth",
        (signed(2, 4, 6, 2), 2),
        reference=space_to_depth_reference,
        grad=True,
    ),
    Case(
        "space_to_depth",
        (signed(1, 2, 6, 3), 3, "channels_first"),
        reference=space_to_depth_reference,
        grad=True,
        label="channels_first",
    ),
]


class TestRearrangement(TableTests):
    CASES = CASES


def test_unfold_matches_keras_recording():
    # Keras 3.15's unfold of arange(18).reshape(1, 2, 3, 3) with kernel 2.
    x = np.arange(18, dtype="float32").reshape(1, 2, 3, 3)
    result = ops.convert_to_numpy(ops.unfold(x, 2))
    np.testing.assert_array_equal(result[0, :2], [[0, 1, 3, 4], [1, 2, 4, 5]])
    np.testing.assert_array_equal(result[0, 7], [13, 14, 16, 17])


def test_space_to_depth_inverts_depth_to_space():
    x = signed(1, 2, 2, 8)
    back = ops.space_to_depth(ops.depth_to_space(x, 2), 2)
    np.testing.assert_array_equal(ops.convert_to_numpy(back), x)


ORACLE_PATH = os.path.join(os.path.dirname(__file__), "dtype_oracle_rearrangement.json")
ORACLE, TABLE = load_oracle(ORACLE_PATH)
CALLS = {
    "unfold": lambda x: ops.unfold(ops.broadcast_to(x[:1], (1, 2, 3, 3)), 2),
    "fold": lambda x: ops.fold(ops.broadcast_to(x[:1], (1, 8, 4)), (3, 3), 2),
    "depth_to_space": lambda x: ops.depth_to_space(
        ops.broadcast_to(x[:1], (1, 2, 2, 8)), 2
    ),
    "space_to_depth": lambda x: ops.space_to_depth(
        ops.broadcast_to(x[:1], (1, 4, 4, 2)), 2
    ),
}


@pytest.mark.parametrize("op_name", sorted(CALLS))
def test_result_dtypes_match_keras(op_name):
    assert not dtype_mismatches(CALLS[op_name], ORACLE, TABLE, op_name)


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: ops.unfold(np.ones((2, 3, 3)), 2), "unfold.*rank 4"),
        (lambda: ops.fold(np.ones((1, 7, 4)), (3, 3), 2), "fold.*shape"),
        (lambda: ops.unfold(np.ones((1, 1, 3, 3)), 4), "unfold.*empty"),
        (lambda: ops.depth_to_space(np.ones((1, 2, 2, 6)), 2), "multiple of block"),
        (lambda: ops.space_to_depth(np.ones((1, 3, 4, 2)), 2), "multiples of block"),
        (lambda: ops.depth_to_space(np.ones((1, 2, 2, 8)), 2, "nhwc"), "data_format"),
    ],
)
def test_errors_name_the_op_and_the_argument(call, message):
    with pytest.raises(ValueError, match=message):
        call()
