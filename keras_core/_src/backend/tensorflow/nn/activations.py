"""The tensorflow backend table: nn activation ops.

See keras_core/_src/ops/nn/activations.py for the declarations. Inputs
arrive in the op's compute dtype (float32 for half precision). `tf.nn`'s
kernels want floats, so the ops that keep integer dtypes (relu, relu6,
hard_tanh) use `maximum`/`minimum`; softmax over several axes is built from
`reduce_logsumexp`.
"""

import math

from keras_core._src.backend.tensorflow.tf_import import tf

_SELU_ALPHA = 1.6732632423543772
_SELU_SCALE = 1.0507009873554805


def _axes(x, axis):
    """`axis` as a list of axes: all of them for None."""
    if axis is None:
        return list(range(x.shape.rank))
    return list(axis) if isinstance(axis, (tuple, list)) else [axis]


def _zero(x):
    return tf.zeros((), x.dtype)


def _move_last(x, axis):
    """A transposition moving `axis` last (its own inverse is returned too)."""
    rank = x.shape.rank
    axis = axis % rank
    perm = [i for i in range(rank) if i != axis] + [axis]
    inverse = [perm.index(i) for i in range(rank)]
    return tf.transpose(x, perm), inverse


def relu(x):
    if x.dtype == tf.bool:
        return x
    if x.dtype.is_floating:
        # The fused kernel: one ReluGrad op in the backward pass instead of
        # the comparison and selects that `maximum`'s gradient needs.
        return tf.nn.relu(x)
    return tf.maximum(x, _zero(x))


def relu6(x):
    if x.dtype == tf.bool:
        return x
    return tf.minimum(tf.maximum(x, _zero(x)), tf.constant(6, x.dtype))


def sigmoid(x):
    return tf.sigmoid(x)


def sparse_sigmoid(x):
    return tf.clip_by_value(0.5 * (x + 1), 0.0, 1.0)


def softplus(x):
    return tf.math.log1p(tf.exp(-tf.abs(x))) + tf.maximum(x, _zero(x))


def softsign(x):
    return x / (1 + tf.abs(x))


def silu(x):
    return x * tf.sigmoid(x)


def log_sigmoid(x):
    return tf.math.log_sigmoid(x)


def leaky_relu(x, negative_slope=0.2):
    return tf.where(x >= 0, x, negative_slope * x)


def hard_sigmoid(x):
    return tf.clip_by_value(x + 3, 0.0, 6.0) / 6


def hard_silu(x):
    return x * hard_sigmoid(x)


def elu(x, alpha=1.0):
    # expm1 of min(x, 0): the branch not taken stays finite, so does its
    # gradient.
    return tf.where(x > 0, x, alpha * tf.math.expm1(tf.minimum(x, _zero(x))))


def selu(x):
    return _SELU_SCALE * elu(x, _SELU_ALPHA)


def gelu(x, approximate=True):
    if approximate:
        inner = math.sqrt(2 / math.pi) * (x + 0.044715 * x**3)
        return 0.5 * x * (1 + tf.tanh(inner))
    return 0.5 * x * (1 + tf.math.erf(x / math.sqrt(2)))


def celu(x, alpha=1.0):
    negative = alpha * tf.math.expm1(tf.minimum(x, _zero(x)) / alpha)
    return tf.maximum(x, _zero(x)) + negative


def glu(x, axis=-1):
    if x.shape[axis] % 2:
        raise ValueError(
            "glu: the length of the split axis must be even. "
            f"Received: x.shape={tuple(x.shape)} with axis={axis}."
        )
    a, b = tf.split(x, 2, axis=axis)
    return a * tf.sigmoid(b)


def tanh_shrink(x):
    return x - tf.tanh(x)


def hard_tanh(x):
    if x.dtype == tf.bool:
        return x
    upper = tf.minimum(x, tf.ones((), x.dtype))
    if x.dtype.is_unsigned:
        return upper
    return tf.maximum(upper, tf.constant(-1, x.dtype))


def hard_shrink(x, threshold=0.5):
    return tf.where(tf.abs(x) > threshold, x, _zero(x))


def soft_shrink(x, threshold=0.5):
    shrunk = tf.where(x > threshold, x - threshold, _zero(x))
    return tf.where(x < -threshold, x + threshold, shrunk)


def threshold(x, threshold, default_value):
    if x.dtype.is_integer and not float(threshold).is_integer():
        # An integer exceeds t exactly when it exceeds floor(t); TensorFlow
        # cannot compare an integer tensor with a fraction.
        threshold = math.floor(threshold)
    return tf.where(x > threshold, x, tf.constant(default_value, x.dtype))


def squareplus(x, b=4):
    return (x + tf.sqrt(x * x + b)) / 2


def sparse_plus(x):
    # The middle piece is evaluated on clipped values, so it stays bounded.
    middle = (tf.clip_by_value(x, -1.0, 1.0) + 1) ** 2 / 4
    return tf.where(x >= 1, x, tf.where(x <= -1, _zero(x), middle))


def log_softmax(x, axis=-1):
    axes = _axes(x, axis)
    if len(axes) == 1:
        return tf.nn.log_softmax(x, axis=axes[0])
    return x - tf.reduce_logsumexp(x, axis=axes, keepdims=True)


def softmax(x, axis=-1):
    axes = _axes(x, axis)
    if len(axes) == 1:
        return tf.nn.softmax(x, axis=axes[0])
    return tf.exp(log_softmax(x, axis))


def sparsemax(x, axis=-1):
    moved, inverse = _move_last(x, axis)
    ordered = tf.sort(moved, axis=-1, direction="DESCENDING")
    # The dynamic length: the axis may be unknown while tracing.
    ks = tf.cast(tf.range(1, tf.shape(moved)[-1] + 1), x.dtype)
    cumulative = tf.cumsum(ordered, axis=-1)
    # The support is the k largest entries with 1 + k z_k > their sum; it is
    # a prefix of the sorted values, so their sum needs no gather.
    support = tf.cast((1 + ks * ordered) > cumulative, x.dtype)
    k = tf.reduce_sum(support, axis=-1, keepdims=True)
    tau = (tf.reduce_sum(support * ordered, axis=-1, keepdims=True) - 1) / k
    return tf.transpose(tf.maximum(moved - tau, _zero(x)), inverse)
