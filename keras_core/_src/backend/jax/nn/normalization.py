"""The jax backend table: nn normalization ops.

See keras_core/_src/ops/nn/normalization.py for the declarations and the
numpy table for the shared approach (two-pass variances, half precision
accumulated in float32).
"""

import jax.numpy as jnp

from keras_core._src.backend.common import config
from keras_core._src.backend.common.op_arguments.nn_normalization import along_shape
from keras_core._src.backend.common.op_arguments.nn_normalization import (
    check_batch_statistic,
)
from keras_core._src.backend.common.op_arguments.nn_normalization import (
    normalization_axes,
)

_HALF = (jnp.float16, jnp.bfloat16)


def _along(parameter, ndim, axes):
    """`parameter` laid along `axes` when it has one dimension per axis."""
    shape = along_shape(None if parameter is None else parameter.shape, ndim, axes)
    return parameter if shape is None else jnp.reshape(parameter, shape)


def moments(x, axes, keepdims=False, synchronized=False):
    if synchronized:
        raise NotImplementedError(
            "moments: synchronized=True is only supported with the TensorFlow "
            "backend (received synchronized=True on the jax backend)."
        )
    dtype = x.dtype
    if dtype in _HALF:
        x = x.astype(jnp.float32)
    axes = normalization_axes(axes, x.ndim)
    mean = jnp.mean(x, axis=axes, keepdims=True)
    variance = jnp.mean(jnp.square(x - mean), axis=axes, keepdims=True)
    if not keepdims:
        mean, variance = jnp.squeeze(mean, axes), jnp.squeeze(variance, axes)
    if dtype in _HALF:
        # Out-of-range statistics saturate rather than overflow to inf.
        info = jnp.finfo(dtype)
        mean = jnp.clip(mean, float(info.min), float(info.max)).astype(dtype)
        variance = jnp.clip(variance, float(info.min), float(info.max)).astype(dtype)
    return mean, variance


def batch_normalization(x, mean, variance, axis, offset=None, scale=None, epsilon=1e-3):
    axis = axis % x.ndim if x.ndim else axis
    shape = [1] * x.ndim
    if x.ndim:
        shape[axis] = -1

    def lay(name, value):
        check_batch_statistic(
            name, None if value is None else value.shape, x.shape, axis
        )
        if value is None or value.ndim > 1:
            return value
        return jnp.reshape(value, shape)

    mean, variance = lay("mean", mean), lay("variance", variance)
    offset, scale = lay("offset", offset), lay("scale", scale)
    inverse = jnp.reciprocal(jnp.sqrt(variance + jnp.asarray(epsilon, x.dtype)))
    if scale is not None:
        inverse = inverse * scale
    result = (x - mean) * inverse
    if offset is not None:
        result = result + offset
    return result.astype(x.dtype)


def layer_normalization(x, gamma=None, beta=None, axis=-1, epsilon=None, **kwargs):
    epsilon = config.epsilon() if epsilon is None else epsilon
    axes = normalization_axes(axis, x.ndim)
    gamma, beta = _along(gamma, x.ndim, axes), _along(beta, x.ndim, axes)
    mean = jnp.mean(x, axis=axes, keepdims=True)
    variance = jnp.mean(jnp.square(x - mean), axis=axes, keepdims=True)
    inverse = jnp.reciprocal(jnp.sqrt(variance + jnp.asarray(epsilon, x.dtype)))
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
    axes = normalization_axes(axis, x.ndim)
    scale = _along(scale, x.ndim, axes)
    mean_square = jnp.mean(jnp.square(x), axis=axes, keepdims=True)
    result = x / jnp.sqrt(mean_square + jnp.asarray(epsilon, x.dtype))
    return result if scale is None else result * scale
