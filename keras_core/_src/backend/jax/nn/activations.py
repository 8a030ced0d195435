"""The jax backend table: nn activation ops.

See keras_core/_src/ops/nn/activations.py for the declarations. Inputs
arrive in the op's compute dtype (float32 for half precision). `jax.nn`
gives stable softplus, sigmoid and softmax; the rest is built from
`jax.numpy` with exponentials of non-positive values only.
"""

import math

import jax
import jax.numpy as jnp

_SELU_ALPHA = 1.6732632423543772
_SELU_SCALE = 1.0507009873554805


def _axes(axis):
    return tuple(axis) if isinstance(axis, list) else axis


def relu(x):
    if x.dtype == jnp.bool_:
        return x
    return jnp.maximum(x, jnp.zeros((), x.dtype))


def relu6(x):
    if x.dtype == jnp.bool_:
        return x
    return jnp.clip(x, jnp.zeros((), x.dtype), jnp.asarray(6, x.dtype))


def sigmoid(x):
    return jax.nn.sigmoid(x)


def sparse_sigmoid(x):
    return jnp.clip(0.5 * (x + 1), 0, 1)


def softplus(x):
    return jax.nn.softplus(x)


def softsign(x):
    return x / (1 + jnp.abs(x))


def silu(x):
    return x * jax.nn.sigmoid(x)


def log_sigmoid(x):
    return -jax.nn.softplus(-x)


def leaky_relu(x, negative_slope=0.2):
    return jnp.where(x >= 0, x, negative_slope * x)


def hard_sigmoid(x):
    return jnp.clip(x + 3, 0, 6) / 6


def hard_silu(x):
    return x * hard_sigmoid(x)


def elu(x, alpha=1.0):
    # expm1 of min(x, 0): the branch not taken stays finite, so does its
    # gradient.
    return jnp.where(x > 0, x, alpha * jnp.expm1(jnp.minimum(x, 0)))


def selu(x):
    return _SELU_SCALE * elu(x, _SELU_ALPHA)


def gelu(x, approximate=True):
    if approximate:
        inner = math.sqrt(2 / math.pi) * (x + 0.044715 * x**3)
        return 0.5 * x * (1 + jnp.tanh(inner))
    return 0.5 * x * (1 + jax.scipy.special.erf(x / math.sqrt(2)))


def celu(x, alpha=1.0):
    return jnp.maximum(x, 0) + alpha * jnp.expm1(jnp.minimum(x, 0) / alpha)


def glu(x, axis=-1):
    if x.shape[axis] % 2:
        raise ValueError(
            "glu: the length of the split axis must be even. "
            f"Received: x.shape={tuple(x.shape)} with axis={axis}."
        )
    a, b = jnp.split(x, 2, axis=axis)
    return a * jax.nn.sigmoid(b)


def tanh_shrink(x):
    return x - jnp.tanh(x)


def hard_tanh(x):
    if x.dtype == jnp.bool_:
        return x
    if jnp.issubdtype(x.dtype, jnp.unsignedinteger):
        return jnp.minimum(x, jnp.ones((), x.dtype))
    return jnp.clip(x, jnp.asarray(-1, x.dtype), jnp.ones((), x.dtype))


def hard_shrink(x, threshold=0.5):
    return jnp.where(jnp.abs(x) > threshold, x, jnp.zeros((), x.dtype))


def soft_shrink(x, threshold=0.5):
    shrunk = jnp.where(x > threshold, x - threshold, jnp.zeros((), x.dtype))
    return jnp.where(x < -threshold, x + threshold, shrunk)


def threshold(x, threshold, default_value):
    return jnp.where(x > threshold, x, jnp.asarray(default_value, x.dtype))


def squareplus(x, b=4):
    return (x + jnp.sqrt(x * x + b)) / 2


def sparse_plus(x):
    # The middle piece is evaluated on clipped values, so it stays bounded.
    middle = (jnp.clip(x, -1, 1) + 1) ** 2 / 4
    return jnp.where(x >= 1, x, jnp.where(x <= -1, jnp.zeros((), x.dtype), middle))


def softmax(x, axis=-1):
    return jax.nn.softmax(x, axis=_axes(axis))


def log_softmax(x, axis=-1):
    return jax.nn.log_softmax(x, axis=_axes(axis))


def sparsemax(x, axis=-1):
    moved = jnp.moveaxis(x, axis, -1)
    ordered = -jnp.sort(-moved, axis=-1)
    ks = jnp.arange(1, moved.shape[-1] + 1, dtype=x.dtype)
    cumulative = jnp.cumsum(ordered, axis=-1)
    # The support is the k largest entries with 1 + k z_k > their sum.
    support = (1 + ks * ordered) > cumulative
    k = jnp.sum(support, axis=-1, keepdims=True)
    tau = (jnp.take_along_axis(cumulative, k - 1, axis=-1) - 1) / k.astype(x.dtype)
    result = jnp.maximum(moved - tau, 0)
    return jnp.moveaxis(result, -1, axis)
