"""The torch backend table: special functions (see ops/math/special.py)."""

import torch

from keras_core._src.backend.common.math import checks


def _axes(x, axis):
    if axis is None:
        return tuple(range(x.ndim))
    return tuple(axis) if isinstance(axis, (list, tuple)) else (axis,)


def _half_on_cpu(function, x):
    # Some CPU kernels lack half precision: computed in float32 there.
    if x.dtype in (torch.float16, torch.bfloat16) and x.device.type == "cpu":
        return function(x.float()).to(x.dtype)
    return function(x)


def erf(x):
    return _half_on_cpu(torch.erf, x)


def erfc(x):
    return _half_on_cpu(torch.erfc, x)


def erfinv(x):
    return _half_on_cpu(torch.erfinv, x)


def rsqrt(x):
    return _half_on_cpu(torch.rsqrt, x)


def logsumexp(x, axis=None, keepdims=False):
    if x.ndim == 0:
        return x.clone()
    return _half_on_cpu(
        lambda v: torch.logsumexp(v, dim=_axes(v, axis), keepdim=keepdims), x
    )


def logdet(x):
    checks.check_square("logdet", tuple(x.shape))
    return torch.linalg.slogdet(x).logabsdet


def cdist(x, y):
    checks.check_cdist(tuple(x.shape), tuple(y.shape))
    difference = x[..., :, None, :] - y[..., None, :, :]
    return torch.sqrt(torch.sum(difference * difference, dim=-1))
