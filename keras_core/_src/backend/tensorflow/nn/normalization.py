"""The tensorflow backend table: nn normalization ops.

See keras_core/_src/ops/nn/normalization.py for the declarations and the
numpy table for the shared approach (two-pass variances, half precision
accumulated in float32). `moments(synchronized=True)` sums the statistics
over the replicas of the active distribution strategy.
"""

from keras_core._src.backend.common import config
from keras_core._src.backend.common.op_arguments.nn_normalization import along_shape
from keras_core._src.backend.common.op_arguments.nn_normalization import (
    check_batch_statistic,
)
from keras_core._src.backend.common.op_arguments.nn_normalization import (
    normalization_axes,
)
from keras_core._src.backend.tensorflow.tf_import import tf

_HALF = (tf.float16, tf.bfloat16)


def _along(parameter, ndim, axes):
    """`parameter` laid along `axes` when it has one dimension per axis."""
    known = parameter is not None and parameter.shape.rank is not None
    if along_shape(parameter.shape if known else None, ndim, axes) is None:
        return parameter
    shape = along_shape(tf.unstack(tf.shape(parameter)), ndim, axes)
    return tf.reshape(parameter, tf.stack(shape))


def _synchronized_moments(x, axes):
    """Mean and variance over `axes` of every replica's `x` together."""
    context = tf.distribute.get_replica_context()
    count = tf.cast(tf.reduce_prod(tf.gather(tf.shape(x), axes)), x.dtype)
    total = tf.reduce_sum(x, axis=axes, keepdims=True)
    squares = tf.reduce_sum(tf.square(x), axis=axes, keepdims=True)
    if context is not None and context.num_replicas_in_sync > 1:
        total, squares, count = context.all_reduce(
            tf.distribute.ReduceOp.SUM, [total, squares, count]
        )
    mean = total / count
    variance = tf.maximum(squares / count - tf.square(mean), 0)
    return mean, variance


def moments(x, axes, keepdims=False, synchronized=False):
    dtype = x.dtype
    if dtype in _HALF:
        x = tf.cast(x, tf.float32)
    axes = list(normalization_axes(axes, x.shape.rank))
    if synchronized:
        mean, variance = _synchronized_moments(x, axes)
    else:
        mean = tf.reduce_mean(x, axis=axes, keepdims=True)
        variance = tf.reduce_mean(tf.square(x - mean), axis=axes, keepdims=True)
    if not keepdims:
        mean, variance = tf.squeeze(mean, axes), tf.squeeze(variance, axes)
    if dtype in _HALF:
        # Out-of-range statistics saturate rather than overflow to inf.
        low, high = dtype.min, dtype.max
        mean = tf.cast(tf.clip_by_value(mean, low, high), dtype)
        variance = tf.cast(tf.clip_by_value(variance, low, high), dtype)
    return mean, variance


def batch_normalization(x, mean, variance, axis, offset=None, scale=None, epsilon=1e-3):
    axis = axis % x.shape.rank if x.shape.rank else axis
    shape = [1] * x.shape.rank
    if x.shape.rank:
        shape[axis] = -1

    def lay(name, value):
        check_batch_statistic(
            name, None if value is None else value.shape, x.shape, axis
        )
        if value is None or value.shape.rank > 1:
            return value
        return tf.reshape(value, shape)

    mean, variance = lay("mean", mean), lay("variance", variance)
    offset, scale = lay("offset", offset), lay("scale", scale)
    inverse = tf.math.rsqrt(variance + tf.cast(epsilon, x.dtype))
    if scale is not None:
        inverse = inverse * scale
    result = (x - mean) * inverse
    if offset is not None:
        result = result + offset
    return tf.cast(result, x.dtype)


def layer_normalization(x, gamma=None, beta=None, axis=-1, epsilon=None, **kwargs):
    epsilon = config.epsilon() if epsilon is None else epsilon
    axes = list(normalization_axes(axis, x.shape.rank))
    gamma, beta = _along(gamma, x.shape.rank, axes), _along(beta, x.shape.rank, axes)
    mean = tf.reduce_mean(x, axis=axes, keepdims=True)
    variance = tf.reduce_mean(tf.square(x - mean), axis=axes, keepdims=True)
    inverse = tf.math.rsqrt(variance + tf.cast(epsilon, x.dtype))
    if kwargs.get("rms_scaling"):
        result = x * inverse
        return result if gamma is None else result * gamma
    result = (x - mean) * inverse
    if gamma is not None:
        result = result * gamma
    if beta is not None:
        result = result + beta
    return result


def rms_normalization(x, scale=None, axis=-1, epsilon=None):
    epsilon = config.epsilon() if epsilon is None else epsilon
    axes = list(normalization_axes(axis, x.shape.rank))
    scale = _along(scale, x.shape.rank, axes)
    mean_square = tf.reduce_mean(tf.square(x), axis=axes, keepdims=True)
    result = x * tf.math.rsqrt(mean_square + tf.cast(epsilon, x.dtype))
    return result if scale is None else result * scale
