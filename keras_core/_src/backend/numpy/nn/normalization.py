"""The numpy backend table: nn normalization ops.

See keras_core/_src/ops/nn/normalization.py for the declarations. Variances
are taken in two passes (mean of squared deviations), which stays accurate
where `mean(x**2) - mean**2` cancels.
"""

import ml_dtypes
import numpy as np

from keras_core._src.backend.common import config
from keras_core._src.backend.common.op_arguments.nn_normalization import along_shape
from keras_core._src.backend.common.op_arguments.nn_normalization import (
    check_batch_statistic,
)
from keras_core._src.backend.common.op_arguments.nn_normalization import (
    normalization_axes,
)

_HALF = (np.dtype("float16"), np.dtype(ml_dtypes.bfloat16))


def _along(parameter, ndim, axes):
    """`parameter` laid along `axes` when it has one dimension per axis."""
    shape = along_shape(None if parameter is None else parameter.shape, ndim, axes)
    return parameter if shape is None else parameter.reshape(shape)


def moments(x, axes, keepdims=False, synchronized=False):
    if synchronized:
        raise NotImplementedError(
            "moments: synchronized=True is only supported with the TensorFlow "
            "backend (received synchronized=True on the numpy backend)."
        )
    dtype = x.dtype
    if dtype in _HALF:
        x = x.astype("float32")
    axes = normalization_axes(axes, x.ndim)
    mean = np.mean(x, axis=axes, keepdims=True)
    variance = np.mean(np.square(x - mean), axis=axes, keepdims=True)
    if not keepdims:
        mean, variance = np.squeeze(mean, axes), np.squeeze(variance, axes)
    if dtype in _HALF:
        # Out-of-range statistics saturate rather than overflow to inf.
        info = ml_dtypes.finfo(dtype)
        mean = np.clip(mean, info.min, info.max).astype(dtype)
        variance = np.clip(variance, info.min, info.max).astype(dtype)
    return np.asarray(mean), np.asarray(variance)


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
        return value.reshape(shape)

    mean, variance = lay("mean", mean), lay("variance", variance)
    offset, scale = lay("offset", offset), lay("scale", scale)
    inverse = 1 / np.sqrt(variance + np.asarray(epsilon, x.dtype))
    if scale is not None:
        inverse = inverse * scale
    result = (x - mean) * inverse
    if offset is not None:
        result = result + offset
    return np.asarray(result, dtype=x.dtype)


def layer_normalization(x, gamma=None, beta=None, axis=-1, epsilon=None, **kwargs):
    epsilon = config.epsilon() if epsilon is None else epsilon
    axes = normalization_axes(axis, x.ndim)
    gamma, beta = _along(gamma, x.ndim, axes), _along(beta, x.ndim, axes)
    mean = np.mean(x, axis=axes, keepdims=True)
    variance = np.mean(np.square(x - mean), axis=axes, keepdims=True)
    inverse = 1 / np.sqrt(variance + np.asarray(epsilon, x.dtype))
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
    mean_square = np.mean(np.square(x), axis=axes, keepdims=True)
    result = x / np.sqrt(mean_square + np.asarray(epsilon, x.dtype))
    return result if scale is None else result * scale
