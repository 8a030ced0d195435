"""The numpy backend table: nn activation ops.

See keras_core/_src/ops/nn/activations.py for the declarations. Inputs
arrive in the op's compute dtype (float32 for half precision), so results
are cast back by the op. Exponentials are taken of non-positive values only,
so large inputs neither overflow nor give NaN.
"""

import math

import numpy as np

_SELU_ALPHA = 1.6732632423543772
_SELU_SCALE = 1.0507009873554805


def _axes(axis):
    """`axis` as NumPy reads it: None for all axes, a tuple for a list."""
    return tuple(axis) if isinstance(axis, list) else axis


def relu(x):
    if x.dtype == np.bool_:
        return x
    return np.maximum(x, np.zeros((), x.dtype))


def relu6(x):
    if x.dtype == np.bool_:
        return x
    return np.clip(x, np.zeros((), x.dtype), np.asarray(6).astype(x.dtype))


def sigmoid(x):
    # exp(-|x|) never overflows; the two branches are the same function.
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e)).astype(x.dtype)


def sparse_sigmoid(x):
    return np.clip(0.5 * (x + 1), 0, 1).astype(x.dtype)


def softplus(x):
    return (np.log1p(np.exp(-np.abs(x))) + np.maximum(x, 0)).astype(x.dtype)


def softsign(x):
    return x / (1 + np.abs(x))


def silu(x):
    return x * sigmoid(x)


def log_sigmoid(x):
    return -softplus(-x)


def leaky_relu(x, negative_slope=0.2):
    return np.where(x >= 0, x, negative_slope * x).astype(x.dtype)


def hard_sigmoid(x):
    return (np.clip(x + 3, 0, 6) / 6).astype(x.dtype)


def hard_silu(x):
    return x * hard_sigmoid(x)


def elu(x, alpha=1.0):
    return np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0))).astype(x.dtype)


def selu(x):
    return (_SELU_SCALE * elu(x, _SELU_ALPHA)).astype(x.dtype)


def gelu(x, approximate=True):
    if approximate:
        inner = math.sqrt(2 / math.pi) * (x + 0.044715 * x**3)
        return (0.5 * x * (1 + np.tanh(inner))).astype(x.dtype)
    erf = np.vectorize(math.erf, otypes=[np.float64])
    return (0.5 * x * (1 + erf(x / math.sqrt(2)))).astype(x.dtype)


def celu(x, alpha=1.0):
    negative = alpha * np.expm1(np.minimum(x, 0) / alpha)
    return (np.maximum(x, 0) + negative).astype(x.dtype)


def glu(x, axis=-1):
    if x.shape[axis] % 2:
        raise ValueError(
            "glu: the length of the split axis must be even. "
            f"Received: x.shape={tuple(x.shape)} with axis={axis}."
        )
    a, b = np.split(x, 2, axis=axis)
    return a * sigmoid(b)


def tanh_shrink(x):
    return x - np.tanh(x)


def hard_tanh(x):
    if x.dtype == np.bool_:
        return x
    if x.dtype.kind == "u":
        return np.minimum(x, np.ones((), x.dtype))
    return np.clip(x, np.asarray(-1).astype(x.dtype), np.ones((), x.dtype))


def hard_shrink(x, threshold=0.5):
    return np.where(np.abs(x) > threshold, x, 0).astype(x.dtype)


def soft_shrink(x, threshold=0.5):
    shrunk = np.where(x > threshold, x - threshold, 0)
    return np.where(x < -threshold, x + threshold, shrunk).astype(x.dtype)


def threshold(x, threshold, default_value):
    return np.where(x > threshold, x, default_value).astype(x.dtype)


def squareplus(x, b=4):
    return ((x + np.sqrt(x * x + b)) / 2).astype(x.dtype)


def sparse_plus(x):
    middle = (x + 1) ** 2 / 4
    result = np.where(x >= 1, x, np.where(x <= -1, 0, middle))
    return result.astype(x.dtype)


def softmax(x, axis=-1):
    shifted = x - np.max(x, axis=_axes(axis), keepdims=True)
    e = np.exp(shifted)
    return (e / np.sum(e, axis=_axes(axis), keepdims=True)).astype(x.dtype)


def log_softmax(x, axis=-1):
    axes = _axes(axis)
    shifted = x - np.max(x, axis=axes, keepdims=True)
    total = np.log(np.sum(np.exp(shifted), axis=axes, keepdims=True))
    return (shifted - total).astype(x.dtype)


def sparsemax(x, axis=-1):
    moved = np.moveaxis(x, axis, -1)
    ordered = -np.sort(-moved, axis=-1)
    ks = np.arange(1, moved.shape[-1] + 1, dtype=x.dtype)
    cumulative = np.cumsum(ordered, axis=-1)
    # The support is the k largest entries with 1 + k z_k > their sum.
    support = (1 + ks * ordered) > cumulative
    k = np.sum(support, axis=-1, keepdims=True)
    tau = (np.take_along_axis(cumulative, k - 1, axis=-1) - 1) / k
    result = np.maximum(moved - tau.astype(x.dtype), 0)
    return np.moveaxis(result, -1, axis).astype(x.dtype)
