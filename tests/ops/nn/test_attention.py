"""The nn attention op (dot_product_attention), driven by one table.

Every row is checked against the NumPy reference below (key/value heads
repeated for grouped queries, an explicit softmax), symbolically, inside
the backend compiler and, for float rows, for gradients against finite
differences. Result dtypes are checked against Keras 3.15
(`dtype_oracle_attention.json`), then flash attention and errors.
"""

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
from keras_core._src.backend.common.keras_tensor import KerasTensor

RNG = np.random.default_rng(2)


def attention_reference(
    query,
    key,
    value,
    bias=None,
    mask=None,
    scale=None,
    is_causal=False,
    flash_attention=None,
    attn_logits_soft_cap=None,
):
    length, heads, size = query.shape[1:]
    kv_length, kv_heads = key.shape[1:3]
    key = np.repeat(key, heads // kv_heads, axis=2)
    value = np.repeat(value, heads // kv_heads, axis=2)
    scale = 1 / np.sqrt(size) if scale is None else scale
    logits = np.einsum("btnh,bsnh->bnts", query, key) * scale
    if attn_logits_soft_cap is not None:
        logits = attn_logits_soft_cap * np.tanh(logits / attn_logits_soft_cap)
    if bias is not None:
        logits = logits + bias
    allowed = np.ones((length, kv_length), bool)
    if is_causal:
        allowed = np.tril(allowed)
    if mask is not None:
        allowed = allowed & (mask != 0)
    logits = np.where(allowed, logits, -1e30)
    weights = np.exp(logits - logits.max(-1, keepdims=True))
    weights = weights / weights.sum(-1, keepdims=True)
    return np.einsum("bnts,bsnh->btnh", weights, value)


def qkv(batch=2, length=3, heads=4, kv_length=4, kv_heads=2, size=3, value_size=None):
    return (
        signed(batch, length, heads, size) / 2,
        signed(batch, kv_length, kv_heads, size) / 2,
        signed(batch, kv_length, kv_heads, value_size or size),
    )


def _mask(*shape):
    mask = RNG.uniform(size=shape) > 0.3
    mask[..., 0] = True  # no fully masked rows: those are checked apart
    return mask


def _rows():
    grow = (0, 1, 2)
    mha = qkv(heads=2)
    gqa = qkv()
    rows = [
        ("multi-head", mha, {}),
        ("grouped", gqa, {}),
        ("multi-query", qkv(kv_heads=1), {}),
        ("causal,T<S", gqa, {"is_causal": True}),
        ("causal,T>S", qkv(length=5, kv_length=3), {"is_causal": True}),
        ("mask", gqa, {"mask": _mask(1, 4, 3, 4)}),
        (
            "int mask,causal",
            gqa,
            {"mask": _mask(3, 4).astype("int32"), "is_causal": True},
        ),
        ("bias", gqa, {"bias": signed(4, 3, 4)}),
        ("bias,mask", gqa, {"bias": signed(3, 4), "mask": _mask(3, 4)}),
        ("scale,soft cap", gqa, {"scale": 0.7, "attn_logits_soft_cap": 0.4}),
        ("value size", qkv(value_size=5), {}),
    ]
    cases = [
        Case(
            "dot_product_attention",
            args,
            kwargs,
            reference=attention_reference,
            grad=True,
            grow=grow,
            rtol=1e-5,
            atol=1e-5,
            label=label,
        )
        for label, args, kwargs in rows
    ]
    half = tuple(a.astype("float16") for a in gqa)
    cases.append(
        Case(
            "dot_product_attention",
            half,
            {"is_causal": True},
            reference=attention_reference,
            grow=grow,
            rtol=5e-3,
            atol=5e-3,
            label="float16",
        )
    )
    ints = tuple((a * 4).astype("int32") for a in gqa)
    cases.append(
        Case(
            "dot_product_attention",
            ints,
            reference=lambda *a, **k: np.trunc(
                attention_reference(*(x.astype("float64") for x in a), **k)
            ).astype("int32"),
            grow=grow,
            label="int32 truncates",
        )
    )
    return cases


class TestAttention(TableTests):
    CASES = _rows()


def test_every_op_has_a_row():
    from keras_core._src.ops.nn import attention

    names = sorted({c.op for c in TestAttention.CASES})
    assert names == sorted(attention.__all__)
    assert ops.nn.dot_product_attention is ops.dot_product_attention


ORACLE, TABLE = load_oracle(
    os.path.join(os.path.dirname(__file__), "dtype_oracle_attention.json")
)


def test_result_dtypes_match_keras():
    def attend(q):
        q = ops.reshape(q, (1, 2, 1, 1))
        return ops.dot_product_attention(q, q, q)

    mismatches = dtype_mismatches(attend, ORACLE, TABLE, "dot_product_attention")
    assert not mismatches, mismatches


def test_mixed_dtypes_promote():
    query, key, value = qkv()
    out = ops.dot_product_attention(query.astype("float16"), key, value)
    assert to_numpy(out).dtype == np.float32


def test_fully_masked_rows_average_the_values():
    query, key, value = qkv()
    mask = np.ones((3, 4), bool)
    mask[1] = False
    out = to_numpy(ops.dot_product_attention(query, key, value, mask=mask))
    expected = np.repeat(value.mean(axis=1), 2, axis=1)
    np.testing.assert_allclose(out[:, 1], expected, rtol=1e-5, atol=1e-6)
    assert np.all(np.isfinite(out))


def test_symbolic_shapes():
    query = KerasTensor((None, 7, 8, 16))
    key = KerasTensor((None, 5, 2, 16))
    value = KerasTensor((None, 5, 2, 32))
    out = ops.dot_product_attention(query, key, value, is_causal=True)
    assert out.shape == (None, 7, 8, 32)
    assert out.dtype == "float32"


def test_flash_attention_is_refused_where_unsupported():
    # As in Keras: True fails without a supporting accelerator (the numpy
    # and TensorFlow backends never have one); None falls back silently.
    query, key, value = (a.astype("float16") for a in qkv())
    if BACKEND in ("jax", "torch") and _has_gpu():
        pytest.skip("an accelerator may run flash attention")
    with pytest.raises(ValueError, match="flash attention is not supported"):
        ops.dot_product_attention(query, key, value, flash_attention=True)
    for flash_attention in (None, False):
        out = ops.dot_product_attention(
            query, key, value, flash_attention=flash_attention
        )
        assert out.shape == query.shape


def _has_gpu():
    if BACKEND == "jax":
        import jax

        return jax.default_backend() == "gpu"
    import torch

    return torch.cuda.is_available()


@pytest.mark.parametrize(
    "shapes, message",
    [
        (((2, 3, 4), (2, 5, 4), (2, 5, 4)), "only supports 4D inputs"),
        (((1, 3, 4, 2), (1, 5, 3, 2), (1, 5, 3, 2)), "multiple of the key/value"),
        (((1, 3, 4, 2), (1, 5, 2, 2), (1, 5, 1, 2)), "key and value must agree"),
        (((1, 3, 4, 2), (1, 5, 2, 3), (1, 5, 2, 3)), "same head size"),
        (((1, 3, 4, 2), (1, 5, 2, 2), (1, 6, 2, 2)), "same length"),
    ],
)
def test_bad_shapes_are_refused(shapes, message):
    arrays = [np.ones(s, "float32") for s in shapes]
    with pytest.raises(ValueError, match=message):
        ops.dot_product_attention(*arrays)
    with pytest.raises(ValueError, match=message):
        ops.dot_product_attention(*(KerasTensor(s) for s in shapes))
