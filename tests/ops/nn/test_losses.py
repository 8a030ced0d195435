"""The crossentropy losses of `keras_core.ops.nn`, driven by one table.

References are written here in NumPy from the textbook formulas (clipping
with Keras's epsilon, rescaling categorical outputs); a few values observed
from Keras 3.15 itself pin the conventions (clipping, huge logits,
out-of-range sparse targets). Result dtypes are checked against Keras 3.15
(recorded in `dtype_oracle_losses.json`).
"""

import os

import numpy as np
import pytest
from op_testing import BACKEND
from op_testing import Case
from op_testing import TableTests
from op_testing import dtype_mismatches
from op_testing import load_oracle
from op_testing import to_numpy

from keras_core import ops
from keras_core._src.backend.common.dtypes import narrowed_dtype
from keras_core._src.backend.common.keras_tensor import KerasTensor

RNG = np.random.default_rng(3)
EPS = 1e-7


def probabilities(*shape, axis=-1):
    x = RNG.uniform(0.1, 1.0, size=shape)
    return (x / x.sum(axis=axis, keepdims=True)).astype("float32")


def unnormalized(*shape):
    return RNG.uniform(0.2, 2.0, size=shape).astype("float32")


def logits(*shape):
    return RNG.normal(0, 2, size=shape).astype("float32")


def soft_targets(*shape, axis=-1):
    return probabilities(*shape, axis=axis)


def binary_reference(target, output, from_logits=False):
    if from_logits:
        output = 1 / (1 + np.exp(-output))
    else:
        output = np.clip(output, EPS, 1 - EPS)
    return -(target * np.log(output) + (1 - target) * np.log(1 - output))


def _log_probabilities(output, from_logits, axis):
    if from_logits:
        e = np.exp(output - output.max(axis=axis, keepdims=True))
        return np.log(e / e.sum(axis=axis, keepdims=True))
    p = output / output.sum(axis=axis, keepdims=True)
    return np.log(np.clip(p, EPS, 1 - EPS))


def categorical_reference(target, output, from_logits=False, axis=-1):
    return -np.sum(target * _log_probabilities(output, from_logits, axis), axis=axis)


def sparse_reference(target, output, from_logits=False, axis=-1):
    axis = axis % output.ndim
    log_p = np.moveaxis(_log_probabilities(output, from_logits, axis), axis, -1)
    target = np.asarray(target).reshape(log_p.shape[:-1])
    loss = np.zeros(target.shape)
    for index in np.ndindex(target.shape):
        label = target[index]
        if 0 <= label < log_p.shape[-1]:
            loss[index] = -log_p[(*index, label)]
    return loss


def labels(*shape, classes=4):
    return RNG.integers(0, classes, size=shape).astype("int32")


def binary_targets(*shape):
    return RNG.integers(0, 2, size=shape).astype("float32")


class TestLosses(TableTests):
    CASES = [
        Case(
            "binary_crossentropy",
            (binary_targets(3, 4), RNG.uniform(0.05, 0.95, (3, 4)).astype("float32")),
            reference=binary_reference,
            grad=True,
            rtol=1e-5,
            grow=(0, 1),
            label="probabilities",
        ),
        Case(
            "binary_crossentropy",
            (soft_targets(2, 3), logits(2, 3)),
            {"from_logits": True},
            reference=binary_reference,
            grad=True,
            rtol=1e-5,
            grow=(0, 1),
            label="logits",
        ),
        Case(
            "binary_crossentropy",
            (
                np.array([0.0, 1.0, 1.0, 0.0], "float32"),
                np.array([0.0, 1.0, 0.0, 1.0], "float32"),
            ),
            # Clipped in float32, as the op computes: 1 - 1e-7 rounds.
            reference=lambda t, o: binary_reference(
                t.astype("float32"), o.astype("float32")
            ),
            rtol=1e-4,
            grow=(0, 1),
            label="clipped",
        ),
        Case(
            "categorical_crossentropy",
            (soft_targets(3, 5), probabilities(3, 5)),
            reference=categorical_reference,
            grad=True,
            rtol=1e-5,
            grow=(0, 1),
            label="probabilities",
        ),
        Case(
            "categorical_crossentropy",
            (soft_targets(3, 5), unnormalized(3, 5)),
            reference=categorical_reference,
            grad=True,
            rtol=1e-5,
            grow=(0, 1),
            label="rescaled",
        ),
        Case(
            "categorical_crossentropy",
            (soft_targets(2, 3, 4), logits(2, 3, 4)),
            {"from_logits": True},
            reference=categorical_reference,
            grad=True,
            rtol=1e-5,
            grow=(0, 1),
            label="logits",
        ),
        Case(
            "categorical_crossentropy",
            (soft_targets(4, 3, axis=0), unnormalized(4, 3)),
            {"axis": 0},
            reference=categorical_reference,
            grad=True,
            rtol=1e-5,
            grow=(),
            label="axis=0",
        ),
        Case(
            "sparse_categorical_crossentropy",
            (labels(3), probabilities(3, 4)),
            reference=sparse_reference,
            grad=True,
            rtol=1e-5,
            grow=(0, 1),
            label="probabilities",
        ),
        Case(
            "sparse_categorical_crossentropy",
            (labels(2, 3), logits(2, 3, 4)),
            {"from_logits": True},
            reference=sparse_reference,
            grad=True,
            rtol=1e-5,
            grow=(0, 1),
            label="logits",
        ),
        Case(
            "sparse_categorical_crossentropy",
            (labels(3, 1), unnormalized(3, 4)),
            reference=sparse_reference,
            grad=True,
            rtol=1e-5,
            grow=(0, 1),
            label="trailing 1",
        ),
        Case(
            "sparse_categorical_crossentropy",
            (labels(3, classes=4), logits(4, 3)),
            {"axis": 0, "from_logits": True},
            reference=sparse_reference,
            grad=True,
            rtol=1e-5,
            grow=(),
            label="axis=0",
        ),
        Case(
            "sparse_categorical_crossentropy",
            (np.array([5, -1, 2], "int32"), probabilities(3, 3)),
            reference=sparse_reference,
            rtol=1e-5,
            grow=(0, 1),
            label="out of range",
        ),
    ]


def test_every_op_has_a_row():
    from keras_core._src.ops.nn import losses

    assert sorted({c.op for c in TestLosses.CASES}) == sorted(losses.__all__)


def test_values_match_keras():
    # Observed with Keras 3.15 (jax backend): clipping at epsilon, rescaled
    # categorical outputs, finite losses for huge logits.
    t = np.array([[0.0, 1.0, 1.0], [1.0, 0.0, 0.0]], "float32")
    o = np.array([[0.0, 0.7, 1.0], [0.3, 1e-9, 0.5]], "float32")
    big = np.array([[100.0, -100.0, 3.0], [-3.0, 0.0, 50.0]], "float32")
    p = np.array([[0.2, 0.3, 0.5], [0.0, 2.0, 2.0]], "float32")
    s = np.array([1, 0], "int32")
    close = np.testing.assert_allclose
    close(
        to_numpy(ops.binary_crossentropy(t, o)),
        [
            [1.1920929e-07, 0.35667497, 1.1920929e-07],
            [1.2039728, 1.1920929e-07, 0.6931472],
        ],
        rtol=1e-5,
    )
    close(
        to_numpy(ops.binary_crossentropy(t, big, from_logits=True)),
        [[100.0, 100.0, 0.04858735], [3.0485873, 0.6931472, 50.0]],
        rtol=1e-5,
    )
    close(to_numpy(ops.categorical_crossentropy(t, p)), [1.89712, 16.118095], rtol=1e-5)
    close(
        to_numpy(ops.categorical_crossentropy(t, big, from_logits=True)),
        [297.0, 53.0],
        rtol=1e-5,
    )
    close(
        to_numpy(ops.sparse_categorical_crossentropy(s, p)),
        [1.2039728, 16.118095],
        rtol=1e-5,
    )
    close(
        to_numpy(ops.sparse_categorical_crossentropy(s, big, from_logits=True)),
        [200.0, 53.0],
        rtol=1e-5,
    )


def test_epsilon_setting_is_read_at_call_time():
    import keras_core

    keras_core.config.set_epsilon(1e-3)
    got = to_numpy(
        ops.binary_crossentropy(np.array([1.0], "float32"), np.zeros(1, "float32"))
    )
    np.testing.assert_allclose(got, [-np.log(1e-3)], rtol=1e-5)


@pytest.mark.parametrize(
    "call, message",
    [
        (
            lambda: ops.binary_crossentropy(np.zeros((2, 3)), np.zeros((2, 2))),
            r"`binary_crossentropy`: arguments `target` and `output` must have the "
            r"same shape. Received: target.shape=\(2, 3\), output.shape=\(2, 2\)",
        ),
        (
            lambda: ops.categorical_crossentropy(np.zeros((2, 3)), np.zeros((3, 3))),
            r"`categorical_crossentropy`: arguments `target` and `output` must",
        ),
        (
            lambda: ops.categorical_crossentropy(np.float32(1), np.float32(1)),
            r"`categorical_crossentropy`: `output` needs at least one axis",
        ),
        (
            lambda: ops.sparse_categorical_crossentropy(
                np.zeros(3, "int32"), np.zeros((2, 3))
            ),
            r"`sparse_categorical_crossentropy`: `target` must have the shape of "
            r"`output` without its class axis \(axis=-1\). Received: "
            r"target.shape=\(3,\), output.shape=\(2, 3\)",
        ),
        (
            lambda: ops.sparse_categorical_crossentropy(
                np.zeros(3, "int32"), np.zeros((2, 3)), axis=2
            ),
            r"`sparse_categorical_crossentropy`: axis=2 is out of range",
        ),
    ],
)
def test_bad_arguments_are_refused(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_symbolic_shape_checks_allow_unknown_dims():
    target = KerasTensor((None, 3), dtype="int32")
    output = KerasTensor((None, 3, 5), dtype="float32")
    result = ops.sparse_categorical_crossentropy(target, output)
    assert result.shape == (None, 3)
    assert ops.binary_crossentropy(
        KerasTensor((None, 4)), KerasTensor((None, 4))
    ).shape == (None, 4)


ORACLE, _TABLE = load_oracle(
    os.path.join(os.path.dirname(__file__), "dtype_oracle_losses.json")
)


def _expected_table():
    """This backend's expected dtypes.

    Keras's NumPy backend computes these losses in NumPy's own promotion
    (int32 with float16 gives float64, bfloat16 logs give float32) where
    its JAX backend follows Keras's promotion table: the JAX recording is
    the default (it is already 32-bit). Keras's TensorFlow backend keeps
    float16/bfloat16 outputs in `sparse_categorical_crossentropy` while its
    other backends compute it in float32: we compute in float32 everywhere.
    """
    oracle = dict(ORACLE)
    oracle["default"] = ORACLE["jax"]
    if BACKEND == "tensorflow":
        table = {op: dict(row) for op, row in ORACLE["tensorflow"].items()}
        for key in table["sparse_categorical_crossentropy"]:
            if key.split(",")[1] in ("float16", "bfloat16"):
                table["sparse_categorical_crossentropy"][key] = "float32"
        return oracle, table
    table = {
        op: {k: v if v == "error" else narrowed_dtype(v) for k, v in row.items()}
        for op, row in ORACLE["jax"].items()
    }
    return oracle, table


FUNCTIONS = {
    "binary_crossentropy": ops.binary_crossentropy,
    "categorical_crossentropy": ops.categorical_crossentropy,
    "sparse_categorical_crossentropy": lambda t, o: ops.sparse_categorical_crossentropy(
        ops.zeros_like(t), ops.stack([o, o])
    ),
}


@pytest.mark.parametrize("op_name", sorted(FUNCTIONS))
def test_result_dtypes_match_keras(op_name):
    oracle, table = _expected_table()
    mismatches = dtype_mismatches(FUNCTIONS[op_name], oracle, table, op_name)
    assert not mismatches, mismatches
