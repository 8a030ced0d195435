"""The torch backend table: nn encoding and measuring ops.

See keras_core/_src/ops/nn/utilities.py for the declarations. Indices arrive
as integers; indices outside `[0, num_classes)` encode as all zeros.
"""

import math

import torch

from keras_core._src.backend.common.config import epsilon as default_epsilon
from keras_core._src.backend.common.config import floatx
from keras_core._src.backend.common.dtypes import narrowed_dtype
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.torch.core import to_torch_dtype


def _dtype(dtype):
    return to_torch_dtype(narrowed_dtype(standardize_dtype(dtype or floatx())))


def one_hot(x, num_classes, axis=-1, dtype=None, sparse=False):
    classes = torch.arange(num_classes, device=x.device)
    classes = classes.reshape((1,) * x.ndim + (num_classes,))
    encoded = (x[..., None].to(torch.int64) == classes).to(_dtype(dtype))
    return torch.movedim(encoded, -1, axis)


def _num_classes(num_classes, kwargs):
    # `num_tokens` is the older name Keras 3 still reads.
    return kwargs["num_tokens"] if num_classes is None else num_classes


def multi_hot(inputs, num_classes=None, axis=-1, dtype=None, sparse=False, **kwargs):
    encoded = one_hot(inputs, _num_classes(num_classes, kwargs), axis, dtype, sparse)
    return torch.amax(encoded, dim=0 if inputs.ndim == 1 else 1)


def normalize(x, axis=-1, order=2, epsilon=None):
    dims = tuple(range(x.ndim)) if axis is None else axis
    dims = tuple(dims) if isinstance(dims, (tuple, list)) else (dims,)
    floor = default_epsilon() if epsilon is None else epsilon
    if order == 2:
        # sqrt of the floored sum of squares: finite gradients at zero.
        squares = torch.sum(x * x, dim=dims, keepdim=True)
        return x * torch.rsqrt(torch.clamp(squares, min=floor * floor))
    norm = torch.sum(torch.abs(x) ** order, dim=dims, keepdim=True) ** (1 / order)
    return x / torch.clamp(norm, min=floor)


def psnr(x1, x2, max_val):
    if tuple(x1.shape) != tuple(x2.shape):
        raise ValueError(
            "psnr: x1 and x2 must have the same shape. "
            f"Received: x1.shape={tuple(x1.shape)}, x2.shape={tuple(x2.shape)}."
        )
    mse = torch.mean((x1 - x2) ** 2)
    return 20 * math.log10(max_val) - 10 * torch.log10(mse)


def polar(abs_, angle):
    return torch.complex(abs_ * torch.cos(angle), abs_ * torch.sin(angle))
