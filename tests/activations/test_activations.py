"""Activation values against NumPy references, on the current backend."""

import math

import numpy as np
import pytest

import keras_core
from keras_core import activations
from keras_core import ops

X = np.array([[-3.0, -1.5, -0.5, 0.0, 0.25, 0.5, 1.0, 2.5, 7.0]], "float32")
_erf = np.vectorize(math.erf)
SELU_ALPHA = 1.6732632423543772
SELU_SCALE = 1.0507009873554805


def _sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def _softplus(x):
    return np.log1p(np.exp(x))


def _softmax(x, axis=-1):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def _sparsemax(row):
    z = np.sort(row)[::-1]
    cumulative = np.cumsum(z)
    k = np.arange(1, len(z) + 1)
    support = k[1 + k * z > cumulative].max()
    tau = (cumulative[support - 1] - 1) / support
    return np.maximum(row - tau, 0)


CASES = [
    ("relu", {}, lambda x: np.maximum(x, 0)),
    (
        "relu",
        {"negative_slope": 0.1, "max_value": 2.0, "threshold": 0.25},
        lambda x: np.minimum(np.where(x > 0.25, x, 0.1 * (x - 0.25)), 2.0),
    ),
    ("relu", {"max_value": 0.4}, lambda x: np.clip(x, 0, 0.4)),
    ("relu", {"threshold": 0.5}, lambda x: np.where(x > 0.5, x, 0)),
    ("relu", {"negative_slope": 0.5}, lambda x: np.where(x >= 0, x, 0.5 * x)),
    ("relu6", {}, lambda x: np.clip(x, 0, 6)),
    ("leaky_relu", {}, lambda x: np.where(x >= 0, x, 0.2 * x)),
    ("leaky_relu", {"negative_slope": 0.5}, lambda x: np.where(x >= 0, x, 0.5 * x)),
    ("elu", {}, lambda x: np.where(x > 0, x, np.expm1(x))),
    ("elu", {"alpha": 0.5}, lambda x: np.where(x > 0, x, 0.5 * np.expm1(x))),
    (
        "selu",
        {},
        lambda x: SELU_SCALE * np.where(x > 0, x, SELU_ALPHA * np.expm1(x)),
    ),
    (
        "celu",
        {"alpha": 0.5},
        lambda x: np.maximum(x, 0) + np.minimum(0, 0.5 * np.expm1(x / 0.5)),
    ),
    ("gelu", {}, lambda x: 0.5 * x * (1 + _erf(x / np.sqrt(2)))),
    (
        "gelu",
        {"approximate": True},
        lambda x: 0.5 * x * (1 + np.tanh(np.sqrt(2 / np.pi) * (x + 0.044715 * x**3))),
    ),
    ("silu", {}, lambda x: x * _sigmoid(x)),
    ("swish", {}, lambda x: x * _sigmoid(x)),
    ("hard_silu", {}, lambda x: x * np.clip(x + 3, 0, 6) / 6),
    ("hard_swish", {}, lambda x: x * np.clip(x + 3, 0, 6) / 6),
    ("mish", {}, lambda x: x * np.tanh(_softplus(x))),
    ("softplus", {}, _softplus),
    (
        "sparse_plus",
        {},
        lambda x: np.where(x <= -1, 0, np.where(x >= 1, x, (x + 1) ** 2 / 4)),
    ),
    ("squareplus", {}, lambda x: (x + np.sqrt(x**2 + 4)) / 2),
    ("squareplus", {"b": 0}, lambda x: np.maximum(x, 0)),
    ("sigmoid", {}, _sigmoid),
    ("hard_sigmoid", {}, lambda x: np.clip(x + 3, 0, 6) / 6),
    ("sparse_sigmoid", {}, lambda x: np.clip((x + 1) / 2, 0, 1)),
    ("log_sigmoid", {}, lambda x: -_softplus(-x)),
    ("tanh", {}, np.tanh),
    ("hard_tanh", {}, lambda x: np.clip(x, -1, 1)),
    ("softsign", {}, lambda x: x / (np.abs(x) + 1)),
    ("linear", {}, lambda x: x),
    ("exponential", {}, np.exp),
    (
        "soft_shrink",
        {},
        lambda x: np.where(x > 0.5, x - 0.5, np.where(x < -0.5, x + 0.5, 0)),
    ),
    (
        "soft_shrink",
        {"threshold": 1.0},
        lambda x: np.sign(x) * np.maximum(np.abs(x) - 1, 0),
    ),
    ("hard_shrink", {}, lambda x: np.where(np.abs(x) > 0.5, x, 0)),
    ("hard_shrink", {"threshold": 1.0}, lambda x: np.where(np.abs(x) > 1.0, x, 0)),
    ("tanh_shrink", {}, lambda x: x - np.tanh(x)),
    (
        "threshold",
        {"threshold": 0.25, "default_value": 7.0},
        lambda x: np.where(x > 0.25, x, 7.0),
    ),
    ("softmax", {}, _softmax),
    ("log_softmax", {}, lambda x: np.log(_softmax(x))),
    ("sparsemax", {}, lambda x: np.apply_along_axis(_sparsemax, -1, x)),
    (
        "glu",
        {},
        lambda x: x[..., :4] * _sigmoid(x[..., 4:8]),
    ),
]


@pytest.mark.parametrize(
    "name, kwargs, reference", CASES, ids=[f"{c[0]}-{len(c[1])}" for c in CASES]
)
def test_values(name, kwargs, reference):
    inputs = X[..., :8] if name == "glu" else X
    output = getattr(activations, name)(ops.convert_to_tensor(inputs), **kwargs)
    assert keras_core.backend.standardize_dtype(output.dtype) == "float32"
    np.testing.assert_allclose(
        ops.convert_to_numpy(output),
        reference(inputs.astype("float64")),
        atol=2e-6,
        rtol=2e-5,
    )


def test_keras_reference_values():
    # Values printed by Keras 3.15 for X[:, [0, 2, 3, 5, 7]] = [-3, -0.5, 0, 0.5, 2.5].
    x = np.array([[-2.0, -0.5, 0.0, 0.5, 3.0]], "float32")
    expected = {
        "selu": [-1.52017, -0.69176, 0.0, 0.52535, 3.1521],
        "mish": [-0.2525, -0.22074, 0.0, 0.37525, 2.98654],
        "gelu": [-0.0455, -0.15427, 0.0, 0.34573, 2.99595],
        "hard_silu": [-0.33333, -0.20833, 0.0, 0.29167, 3.0],
        "log_softmax": [-5.15598, -3.65598, -3.15598, -2.65598, -0.15598],
    }
    for name, values in expected.items():
        output = ops.convert_to_numpy(getattr(activations, name)(x))
        np.testing.assert_allclose(output, [values], atol=1e-5)
    relu = activations.relu(x, negative_slope=0.1, max_value=2.0, threshold=0.2)
    np.testing.assert_allclose(
        ops.convert_to_numpy(relu), [[-0.22, -0.07, -0.02, 0.5, 2.0]], atol=1e-6
    )


def test_aliases_are_the_same_function():
    assert activations.swish is activations.silu
    assert activations.hard_swish is activations.hard_silu


def test_accepts_lists_and_numpy_arrays():
    np.testing.assert_allclose(
        ops.convert_to_numpy(activations.relu([-1.0, 2.0])), [0.0, 2.0]
    )
    np.testing.assert_allclose(
        ops.convert_to_numpy(activations.softmax([1.0, 1.0])), [0.5, 0.5]
    )
    integers = activations.relu(np.array([-1, 2], "int32"))
    assert keras_core.backend.standardize_dtype(integers.dtype) == "int32"
    capped = activations.relu(np.array([-1, 2, 5], "int32"), max_value=3)
    np.testing.assert_array_equal(ops.convert_to_numpy(capped), [0, 2, 3])
    assert activations.linear([1.0, 2.0]) == [1.0, 2.0]


def test_softmax_axes_and_ranks():
    x = np.random.default_rng(0).normal(size=(2, 3, 4)).astype("float32")
    for axis in (0, 1, -1):
        np.testing.assert_allclose(
            ops.convert_to_numpy(activations.softmax(x, axis=axis)),
            _softmax(x, axis=axis),
            rtol=1e-5,
        )
        np.testing.assert_allclose(
            ops.convert_to_numpy(activations.log_softmax(x, axis=axis)),
            np.log(_softmax(x, axis=axis)),
            rtol=1e-5,
            atol=1e-6,
        )
    rank1 = ops.convert_to_numpy(activations.softmax(x[0, 0]))
    np.testing.assert_allclose(rank1, _softmax(x[0, 0]), rtol=1e-5)
    both = ops.convert_to_numpy(
        activations.softmax(np.ones((2, 3), "float32"), axis=(0, 1))
    )
    np.testing.assert_allclose(both, np.full((2, 3), 1 / 6), rtol=1e-6)
    sparse = activations.sparsemax(
        np.array([[1.0, 3.0], [2.0, 1.0]], "float32"), axis=0
    )
    np.testing.assert_allclose(ops.convert_to_numpy(sparse), [[0.0, 1.0], [1.0, 0.0]])


def test_masked_input_gives_unmasked_output():
    # Keras softmax returns a fresh tensor that carries no `_keras_mask`.
    x = ops.convert_to_tensor(X)
    try:
        x._keras_mask = ops.ones((1, 9), dtype="bool")
    except AttributeError:
        pytest.skip("this backend's tensors take no extra attributes")
    for function in (activations.softmax, activations.log_softmax):
        assert getattr(function(x), "_keras_mask", None) is None


def test_symbolic_inputs():
    x = keras_core.KerasTensor((None, 6))
    for name in ("relu", "softmax", "mish", "sparsemax", "threshold"):
        args = (1.0, 0.0) if name == "threshold" else ()
        output = getattr(activations, name)(x, *args)
        assert output.shape == (None, 6) and output.dtype == "float32"
    capped = activations.relu(x, max_value=6.0, negative_slope=0.1)
    assert capped.shape == (None, 6)
    assert activations.glu(x).shape == (None, 3)


def test_glu_odd_axis_is_an_error():
    with pytest.raises(ValueError, match="even"):
        activations.glu(np.ones((2, 3), "float32"))


def test_relu_threshold_is_exclusive():
    from keras_core import activations
    from keras_core import ops

    x = np.array([1.0, 0.5, 2.0, -1.0], "float32")
    np.testing.assert_allclose(
        ops.convert_to_numpy(activations.relu(x, threshold=1.0)), [0.0, 0.0, 2.0, 0.0]
    )
    np.testing.assert_allclose(
        ops.convert_to_numpy(activations.relu(x, threshold=1.0, negative_slope=0.1)),
        [0.0, -0.05, 2.0, -0.2],
        rtol=1e-6,
    )
