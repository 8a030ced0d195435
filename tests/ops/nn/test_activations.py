"""The nn activation ops, driven by one declarative table.

Every row is checked for eager values against a float64 NumPy reference
written here, for symbolic shapes and dtypes against eager results, inside
the backend's compiler and (rows with `grad=True`, on inputs away from the
kinks at 0, +-0.5 and +-1) for gradients against finite differences.
Result dtypes are checked against Keras 3.15 (`dtype_oracle_activations.json`),
plus focused tests for large inputs, aliases and error messages.
"""

import math
import os

import numpy as np
import pytest
import scipy.special
from op_testing import BACKEND
from op_testing import Case
from op_testing import TableTests
from op_testing import backend_gradients
from op_testing import dtype_mismatches
from op_testing import finite_differences
from op_testing import load_oracle
from op_testing import to_numpy

from keras_core import ops
from keras_core._src.backend.common.dtypes import standardize_dtype

RNG = np.random.default_rng(3)
SELU_ALPHA = 1.6732632423543772
SELU_SCALE = 1.0507009873554805
BACKEND_FLOAT = "float32" if BACKEND == "jax" else "float64"


def smooth(*shape):
    """float32 samples of either sign with |x| in [0.6, 0.9] or [1.2, 2.5].

    Kinks of the piecewise ops (0, +-0.5, +-1) are never sampled nearby.
    """
    magnitude = np.where(
        RNG.random(shape) < 0.4,
        RNG.uniform(0.6, 0.9, shape),
        RNG.uniform(1.2, 2.5, shape),
    )
    return (magnitude * RNG.choice([-1.0, 1.0], size=shape)).astype("float32")


def sigmoid_ref(x):
    return scipy.special.expit(x)


def softplus_ref(x):
    return np.logaddexp(0, x)


def elu_ref(x, alpha=1.0):
    return np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0)))


def gelu_ref(x, approximate=True):
    if approximate:
        inner = math.sqrt(2 / math.pi) * (x + 0.044715 * x**3)
        return 0.5 * x * (1 + np.tanh(inner))
    return 0.5 * x * (1 + scipy.special.erf(x / math.sqrt(2)))


def glu_ref(x, axis=-1):
    a, b = np.split(x, 2, axis=axis)
    return a * sigmoid_ref(b)


def soft_shrink_ref(x, threshold=0.5):
    return np.sign(x) * np.maximum(np.abs(x) - threshold, 0)


def sparse_plus_ref(x):
    return np.where(x >= 1, x, np.where(x <= -1, 0, (x + 1) ** 2 / 4))


def _axes(axis):
    return tuple(axis) if isinstance(axis, list) else axis


def softmax_ref(x, axis=-1):
    return np.exp(log_softmax_ref(x, axis))


def log_softmax_ref(x, axis=-1):
    return x - scipy.special.logsumexp(x, axis=_axes(axis), keepdims=True)


def sparsemax_ref(x, axis=-1):
    """The simplex projection, one vector at a time by its definition."""
    moved = np.moveaxis(x, axis, -1)
    out = np.zeros_like(moved)
    for index in np.ndindex(moved.shape[:-1]):
        z = moved[index]
        ordered = np.sort(z)[::-1]
        cumulative = np.cumsum(ordered)
        k = np.arange(1, len(z) + 1)
        support = k[1 + k * ordered > cumulative].max()
        tau = (cumulative[support - 1] - 1) / support
        out[index] = np.maximum(z - tau, 0)
    return np.moveaxis(out, -1, axis)


REFERENCES = {
    "relu": lambda x: np.maximum(x, 0),
    "relu6": lambda x: np.clip(x, 0, 6),
    "sigmoid": sigmoid_ref,
    "sparse_sigmoid": lambda x: np.clip((x + 1) / 2, 0, 1),
    "softplus": softplus_ref,
    "softsign": lambda x: x / (1 + np.abs(x)),
    "silu": lambda x: x * sigmoid_ref(x),
    "log_sigmoid": lambda x: -softplus_ref(-x),
    "leaky_relu": lambda x, negative_slope=0.2: np.where(x >= 0, x, negative_slope * x),
    "hard_sigmoid": lambda x: np.clip(x + 3, 0, 6) / 6,
    "hard_silu": lambda x: x * np.clip(x + 3, 0, 6) / 6,
    "elu": elu_ref,
    "selu": lambda x: SELU_SCALE * elu_ref(x, SELU_ALPHA),
    "gelu": gelu_ref,
    "celu": lambda x, alpha=1.0: (
        np.maximum(x, 0) + np.minimum(0, alpha * np.expm1(x / alpha))
    ),
    "glu": glu_ref,
    "tanh_shrink": lambda x: x - np.tanh(x),
    "hard_tanh": lambda x: np.clip(x, -1, 1),
    "hard_shrink": lambda x, threshold=0.5: np.where(np.abs(x) > threshold, x, 0),
    "soft_shrink": soft_shrink_ref,
    "threshold": lambda x, threshold, default_value: np.where(
        x > threshold, x, default_value
    ),
    "squareplus": lambda x, b=4: (x + np.sqrt(x * x + b)) / 2,
    "sparse_plus": sparse_plus_ref,
    "softmax": softmax_ref,
    "log_softmax": log_softmax_ref,
    "sparsemax": sparsemax_ref,
}
REFERENCES["swish"] = REFERENCES["silu"]
REFERENCES["hard_swish"] = REFERENCES["hard_silu"]


def row(op, args, kwargs=None, grad=True, label="", **options):
    options.setdefault("rtol", 1e-5)
    options.setdefault("atol", 1e-6)
    return Case(
        op,
        args,
        kwargs or {},
        reference=REFERENCES[op],
        grad=grad,
        label=label,
        **options,
    )


ELEMENTWISE = [
    "relu",
    "relu6",
    "sigmoid",
    "sparse_sigmoid",
    "softplus",
    "softsign",
    "silu",
    "swish",
    "log_sigmoid",
    "leaky_relu",
    "hard_sigmoid",
    "hard_silu",
    "hard_swish",
    "elu",
    "selu",
    "gelu",
    "celu",
    "tanh_shrink",
    "hard_tanh",
    "hard_shrink",
    "soft_shrink",
    "squareplus",
    "sparse_plus",
]

# Some values beyond +-3 and +-6 reach the flat parts of relu6 and hard_sigmoid.
WIDE = (smooth(3, 4) * np.array([1.0, 3.0, 1.0, 4.0], "float32")).astype("float32")

CASES = (
    [row(op, (smooth(3, 4),)) for op in ELEMENTWISE]
    + [row(op, (WIDE,), label="wide") for op in ("relu6", "hard_sigmoid", "hard_silu")]
    + [
        row("leaky_relu", (smooth(5),), {"negative_slope": 0.05}, label="slope"),
        row("elu", (smooth(2, 3),), {"alpha": 0.5}, label="alpha"),
        row("celu", (smooth(2, 3),), {"alpha": 2.0}, label="alpha"),
        row("gelu", (smooth(2, 3),), {"approximate": False}, label="exact"),
        row("gelu", (smooth(4),), {"approximate": True}, label="tanh"),
        row("hard_shrink", (smooth(6),), {"threshold": 1.1}, label="threshold"),
        row("soft_shrink", (smooth(6),), {"threshold": 1.1}, label="threshold"),
        row("squareplus", (smooth(6),), {"b": 0.5}, label="b"),
        row("threshold", (smooth(3, 4), 1.0, -2.0)),
        row("threshold", (smooth(5), -1.0, 0.5), label="negative"),
        row("glu", (smooth(3, 4),)),
        row("glu", (smooth(4, 3),), {"axis": 0}, label="axis=0", grow=()),
        row("softmax", (smooth(3, 4),)),
        row("softmax", (smooth(3, 4),), {"axis": 0}, label="axis=0"),
        row("softmax", (smooth(2, 3, 4),), {"axis": (1, 2)}, label="axes"),
        row("softmax", (smooth(2, 3, 4),), {"axis": [0, -1]}, label="axes list"),
        row("softmax", (smooth(2, 3),), {"axis": None}, label="all"),
        row("log_softmax", (smooth(3, 4),)),
        row("log_softmax", (smooth(3, 4),), {"axis": 0}, label="axis=0"),
        row("log_softmax", (smooth(2, 3, 4),), {"axis": (0, 2)}, label="axes"),
        row("log_softmax", (smooth(2, 3),), {"axis": None}, label="all"),
        # Inputs ~1e4: exp would overflow without the max shift.
        row(
            "softmax",
            (smooth(2, 5) * 1e4,),
            label="large",
            grad=False,
        ),
        row(
            "softmax",
            (np.array([[1e4, 1e4 + 1.0, 1e4 - 1.0]], "float32"),),
            label="large near ties",
        ),
        row(
            "log_softmax",
            (
                np.array(
                    [[1e4, 1e4 + 1.0, 1e4 - 1.5], [-1e4, -1e4 + 2, 0.0]], "float32"
                ),
            ),
            label="large",
            rtol=1e-6,
            atol=1e-3,
        ),
        # Spread values (steps of 0.25 and up): the support changes at no
        # sampled point.
        row(
            "sparsemax",
            (np.array([[0.1, 0.8, 0.35, -1.0], [2.0, 1.7, 0.2, 1.85]], "float32"),),
        ),
        row("sparsemax", (smooth(4, 3),), {"axis": 0}, label="axis=0", grow=()),
        row("sparsemax", (np.array([5.0, 1.0, -2.0], "float32"),), label="one-hot"),
    ]
)


class TestActivations(TableTests):
    CASES = CASES


def test_every_op_has_a_row():
    from keras_core._src.ops.nn import activations

    names = {case.op for case in CASES}
    assert names == set(activations.__all__) == set(REFERENCES)


@pytest.mark.skipif(BACKEND == "numpy", reason="the numpy backend has no gradients")
@pytest.mark.parametrize(
    "op, kwargs, x",
    [
        ("softmax", {}, smooth(3, 4)),
        ("softmax", {"axis": (0, 1)}, smooth(2, 3)),
        ("log_softmax", {"axis": 0}, smooth(3, 2)),
        ("softmax", {}, np.array([[1e4, 1e4 + 1.0, 1e4 - 0.5]], "float32")),
        (
            "sparsemax",
            {},
            np.array([[0.1, 0.8, 0.35, -1.0], [2.0, 1.7, 0.2, 1.85]], "float32"),
        ),
    ],
)
def test_weighted_gradients_of_normalizing_ops(op, kwargs, x):
    # Their outputs sum to a constant, so the table's gradient of the plain
    # sum is zero: weight the outputs to see every partial derivative.
    weights = RNG.uniform(-1, 1, x.shape)

    def total(t):
        return ops.multiply(
            getattr(ops, op)(t, **kwargs), weights.astype(BACKEND_FLOAT)
        )

    def reference(t):
        return REFERENCES[op](t, **kwargs) * weights

    (grad,) = backend_gradients(total, [x.astype(BACKEND_FLOAT)])
    (want,) = finite_differences(reference, [x.astype("float64")])
    tolerance = 1e-2 if BACKEND == "jax" else 1e-5
    np.testing.assert_allclose(grad, want, rtol=tolerance, atol=tolerance)


def test_aliases_are_the_same_functions():
    assert ops.swish is ops.silu is ops.nn.swish
    assert ops.hard_swish is ops.hard_silu is ops.nn.hard_swish


@pytest.mark.parametrize("op", ["softplus", "log_sigmoid", "sigmoid", "silu"])
def test_large_inputs_stay_finite(op):
    x = np.array([-1e4, -50.0, 50.0, 1e4], "float32")
    got = to_numpy(getattr(ops, op)(x))
    np.testing.assert_allclose(got, REFERENCES[op](x.astype("float64")), rtol=1e-6)


@pytest.mark.skipif(BACKEND == "numpy", reason="the numpy backend has no gradients")
@pytest.mark.parametrize("op", ["softmax", "log_softmax", "softplus", "log_sigmoid"])
def test_gradients_are_finite_for_large_inputs(op):
    x = np.array([[1e4, -1e4, 0.5, 2e4]], "float32")
    (grad,) = backend_gradients(lambda t: ops.sum(getattr(ops, op)(t) * 1.5), [x])
    assert np.all(np.isfinite(grad)), grad


@pytest.mark.parametrize("dtype", ["float16", "bfloat16"])
def test_half_precision_values(dtype):
    import ml_dtypes

    x = smooth(8)
    half = x.astype(ml_dtypes.bfloat16 if dtype == "bfloat16" else dtype)
    for op in ("gelu", "softmax", "softplus", "sparsemax"):
        result = getattr(ops, op)(half)
        assert standardize_dtype(result.dtype) == dtype
        want = REFERENCES[op](half.astype("float64"))
        np.testing.assert_allclose(
            to_numpy(result).astype("float64"), want, rtol=2e-2, atol=1e-2
        )


def test_integer_inputs_keep_or_become_float():
    x = np.array([-3, 0, 2, 9], "int32")
    assert to_numpy(ops.relu(x)).tolist() == [0, 0, 2, 9]
    assert to_numpy(ops.relu6(x)).tolist() == [0, 0, 2, 6]
    assert to_numpy(ops.hard_tanh(x)).tolist() == [-1, 0, 1, 1]
    assert to_numpy(ops.hard_tanh(x.astype("uint8") + 3)).tolist() == [0, 1, 1, 1]
    assert to_numpy(ops.relu(np.array([True, False]))).tolist() == [True, False]
    np.testing.assert_allclose(to_numpy(ops.leaky_relu(x)), [-0.6, 0, 2, 9], 1e-6)
    # An integer exceeds 1.5 exactly when it exceeds 1.
    assert to_numpy(ops.threshold(x, 1.5, 0)).tolist() == [0, 0, 2, 9]
    np.testing.assert_allclose(to_numpy(ops.soft_shrink(x)), [-2.5, 0, 1.5, 8.5])


ORACLE, DTYPE_TABLE = load_oracle(
    os.path.join(os.path.dirname(__file__), "dtype_oracle_activations.json")
)
DTYPE_FUNCTIONS = {name: getattr(ops, name) for name in DTYPE_TABLE}
DTYPE_FUNCTIONS["threshold"] = lambda x: ops.threshold(x, 1.5, 0.5)


def test_every_op_has_recorded_dtypes():
    assert set(DTYPE_TABLE) == set(REFERENCES) - {"swish", "hard_swish"}


@pytest.mark.parametrize("op_name", sorted(DTYPE_TABLE))
def test_result_dtypes_match_keras(op_name):
    mismatches = dtype_mismatches(
        DTYPE_FUNCTIONS[op_name], ORACLE, DTYPE_TABLE, op_name
    )
    assert not mismatches, mismatches


def test_booleans_are_refused_where_keras_refuses_them():
    with pytest.raises(TypeError, match=r"Op `sigmoid` cannot take inputs.*boolean"):
        ops.sigmoid(np.array([True]))
    with pytest.raises(TypeError, match=r"Op `softmax` cannot take inputs.*boolean"):
        ops.softmax(np.array([True]))


def test_glu_needs_an_even_axis():
    with pytest.raises(
        ValueError,
        match=r"glu: the length of the split axis must be even. "
        r"Received: x.shape=\(2, 3\) with axis=-1",
    ):
        ops.glu(np.ones((2, 3), "float32"))


def test_sparsemax_takes_one_axis():
    with pytest.raises(
        TypeError,
        match=r"Op `sparsemax`.*axis.*must be an int. Received: axis=\(0, 1\)",
    ):
        ops.sparsemax(np.ones((2, 3), "float32"), axis=(0, 1))


def test_unknown_argument_is_named():
    with pytest.raises(
        TypeError, match=r"leaky_relu.*unexpected keyword argument 'alpha'"
    ):
        ops.leaky_relu(np.ones(2, "float32"), alpha=0.1)
