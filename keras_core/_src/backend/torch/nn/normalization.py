"""The torch backend table: nn normalization ops.

See keras_core/_src/ops/nn/normalization.py for the declarations and the
numpy table for the shared approach (two-pass variances, half precision
accumulated in float32).
"""

import torch

from keras_core._src.backend.common import config
from keras_core._src.backend.common.op_arguments.nn_normalization import along_shape
from keras_core._src.backend.common.op_arguments.nn_normalization import (
    check_batch_statistic,
)
from keras_core._src.backend.common.op_arguments.nn_normalization import (
    normalization_axes,
)

_HALF = (torch.float16, torch.bfloat16)


def _along(parameter, ndim, axes):
    """`parameter` laid along `axes` when it has one dimension per axis."""
    shape = along_shape(None if parameter is None else parameter.shape, ndim, axes)
    return parameter if shape is None else torch.reshape(parameter, shape)


def _mean(x, axes):
    # torch.mean over no axes would reduce everything; NumPy's reduces none.
    return torch.mean(x, dim=axes, keepdim=True) if axes else x


def moments(x, axes, keepdims=False, synchronized=False):
    if synchronized:
        raise NotImplementedError(
            "moments: synchronized=True is only supported with the TensorFlow "
            "backend (received synchronized=True on the torch backend)."
        )
    dtype = x.dtype
    if dtype in _HALF:
        x = x.to(torch.float32)
    axes = normalization_axes(axes, x.ndim)
    mean = _mean(x, axes)
    variance = _mean(torch.square(x - mean), axes)
    if not keepdims and axes:
        mean, variance = torch.squeeze(mean, axes), torch.squeeze(variance, axes)
    if dtype in _HALF:
        # Out-of-range statistics saturate rather than overflow to inf.
        info = torch.finfo(dtype)
        mean = torch.clamp(mean, info.min, info.max).to(dtype)
        variance = torch.clamp(variance, info.min, info.max).to(dtype)
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
        return torch.reshape(value, shape)

    mean, variance = lay("mean", mean), lay("variance", variance)
    offset, scale = lay("offset", offset), lay("scale", scale)
    inverse = torch.rsqrt(variance + epsilon)
    if scale is not None:
        inverse = inverse * scale
    result = (x - mean) * inverse
    if offset is not None:
        result = result + offset
    return result.to(x.dtype)


def _fused_layer_norm(x, gamma, beta, axes, epsilon):
    """`F.layer_norm` when it computes this call, else None.

    Torch's kernel normalizes trailing axes with per-element parameters in
    one pass (and one backward op); the composed form below is about ten
    elementwise ops. It needs the axes to be the last ones and each
    parameter to cover exactly the normalized shape.
    """
    count = len(axes)
    if not count or list(axes) != list(range(x.ndim - count, x.ndim)):
        return None
    if x.dtype not in (torch.float32, torch.float64):
        return None
    shape = tuple(x.shape[x.ndim - count :])
    parameters = []
    for parameter in (gamma, beta):
        if parameter is not None:
            lead = parameter.ndim - count
            if (
                parameter.dtype != x.dtype
                or lead < 0
                or tuple(parameter.shape[lead:]) != shape
                or any(dim != 1 for dim in parameter.shape[:lead])
            ):
                return None
            parameter = parameter.reshape(shape)
        parameters.append(parameter)
    return torch.nn.functional.layer_norm(x, shape, *parameters, eps=epsilon)


def layer_normalization(x, gamma=None, beta=None, axis=-1, epsilon=None, **kwargs):
    epsilon = config.epsilon() if epsilon is None else epsilon
    axes = normalization_axes(axis, x.ndim)
    if not kwargs.get("rms_scaling"):
        fused = _fused_layer_norm(x, gamma, beta, axes, epsilon)
        if fused is not None:
            return fused
    gamma, beta = _along(gamma, x.ndim, axes), _along(beta, x.ndim, axes)
    mean = _mean(x, axes)
    variance = _mean(torch.square(x - mean), axes)
    inverse = torch.rsqrt(variance + epsilon)
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
    result = x * torch.rsqrt(_mean(torch.square(x), axes) + epsilon)
    return result if scale is None else result * scale
