"""rearrange, by table: each row's reference is the NumPy reshape/transpose
the pattern means, written out by hand."""

import numpy as np
import pytest
from op_testing import Case
from op_testing import TableTests
from op_testing import signed

import keras_core
from keras_core import ops


def transpose_reference(x, pattern):
    # "b h w c -> b c h w"
    return np.transpose(x, (0, 3, 1, 2))


def merge_reference(x, pattern):
    # "b h w c -> b (h w) c"
    return x.reshape(x.shape[0], x.shape[1] * x.shape[2], x.shape[3])


def split_reference(x, pattern, h):
    # "(h w) c -> h w c"
    return x.reshape(h, x.shape[0] // h, x.shape[1])


def patches_reference(x, pattern, p1, p2):
    # "b (h p1) (w p2) c -> b (h w) (p1 p2 c)"
    b, hp, wp, c = x.shape
    h, w = hp // p1, wp // p2
    blocks = x.reshape(b, h, p1, w, p2, c).transpose(0, 1, 3, 2, 4, 5)
    return blocks.reshape(b, h * w, p1 * p2 * c)


def flatten_reference(x, pattern):
    # "a b c -> (c a b)"
    return np.transpose(x, (2, 0, 1)).reshape(-1)


CASES = [
    Case(
        "rearrange",
        (signed(2, 3, 4, 5), "b h w c -> b c h w"),
        reference=transpose_reference,
        grad=True,
    ),
    Case(
        "rearrange",
        (signed(2, 3, 4, 5), "b h w c -> b (h w) c"),
        reference=merge_reference,
        grad=True,
        label="merge",
    ),
    Case(
        "rearrange",
        (signed(6, 4), "(h w) c -> h w c"),
        {"h": 2},
        reference=split_reference,
        grad=True,
        grow=(),
        label="split",
    ),
    Case(
        "rearrange",
        (signed(2, 4, 6, 3), "b (h p1) (w p2) c -> b (h w) (p1 p2 c)"),
        {"p1": 2, "p2": 3},
        reference=patches_reference,
        grad=True,
        label="patches",
    ),
    Case(
        "rearrange",
        (np.arange(24, dtype="int32").reshape(2, 3, 4), "a b c -> (c a b)"),
        reference=flatten_reference,
        grow=(),
        label="int-flatten",
    ),
]


class TestRearrange(TableTests):
    CASES = CASES


def test_symbolic_unknown_dims_stay_unknown_only_where_they_flow():
    x = keras_core.KerasTensor((None, 4, 6))
    assert ops.rearrange(x, "b h w -> b (h w)").shape == (None, 24)
    assert ops.rearrange(x, "b h (w c) -> c b h w", c=2).shape == (2, None, 4, 3)


@pytest.mark.parametrize(
    "pattern, lengths, message",
    [
        ("a b c", {}, "expects a pattern 'inputs -> outputs'"),
        ("a b -> a", {}, "same axis names on both sides"),
        ("a a -> a", {}, "repeated axis name"),
        ("a b c -> a b c", {}, "describes 3 input axes.*shape \\(6, 4\\)"),
        ("(h w) c -> h w c", {}, "give the lengths of all but one"),
        ("(h w) c -> h w c", {"h": 4}, "cannot split an axis of size 6"),
        ("a b -> b a", {"z": 2}, "lengths for axes \\['z'\\]"),
        ("(a b -> a b", {}, "unmatched '\\('"),
    ],
)
def test_bad_patterns_are_explained(pattern, lengths, message):
    with pytest.raises(ValueError, match=f"rearrange.*{message}"):
        ops.rearrange(np.zeros((6, 4), dtype="float32"), pattern, **lengths)
