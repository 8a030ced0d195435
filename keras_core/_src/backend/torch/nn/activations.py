"""The torch backend table: nn activation ops.

See keras_core/_src/ops/nn/activations.py for the declarations. Inputs
arrive in the op's compute dtype (float32 for half precision). Ops on
integers (relu, relu6, hard_tanh) avoid `torch.nn.functional`, which wants
floats; softmax over several axes is built from `logsumexp`.
"""

import math

import torch
import torch.nn.functional as F

_SELU_ALPHA = 1.6732632423543772
_SELU_SCALE = 1.0507009873554805


def _dims(x, axis):
    """`axis` as a tuple of dims: all of them for None."""
    if axis is None:
        return tuple(range(x.ndim))
    return tuple(axis) if isinstance(axis, (tuple, list)) else (axis,)


def _zero(x):
    return torch.zeros((), dtype=x.dtype, device=x.device)


def relu(x):
    if x.dtype == torch.bool:
        return x
    return torch.relu(x)


def relu6(x):
    if x.dtype == torch.bool:
        return x
    return torch.clamp(x, 0, 6)


def sigmoid(x):
    return torch.sigmoid(x)


def sparse_sigmoid(x):
    return torch.clamp(0.5 * (x + 1), 0, 1)


def softplus(x):
    # Not F.softplus: its linear branch above `threshold` is less exact.
    return torch.log1p(torch.exp(-torch.abs(x))) + torch.clamp(x, min=0)


def softsign(x):
    return x / (1 + torch.abs(x))


def silu(x):
    return x * torch.sigmoid(x)


def log_sigmoid(x):
    return F.logsigmoid(x)


def leaky_relu(x, negative_slope=0.2):
    return torch.where(x >= 0, x, negative_slope * x)


def hard_sigmoid(x):
    return torch.clamp(x + 3, 0, 6) / 6


def hard_silu(x):
    return x * hard_sigmoid(x)


def elu(x, alpha=1.0):
    # expm1 of min(x, 0): the branch not taken stays finite, so does its
    # gradient.
    return torch.where(x > 0, x, alpha * torch.expm1(torch.clamp(x, max=0)))


def selu(x):
    return _SELU_SCALE * elu(x, _SELU_ALPHA)


def gelu(x, approximate=True):
    if approximate:
        inner = math.sqrt(2 / math.pi) * (x + 0.044715 * x**3)
        return 0.5 * x * (1 + torch.tanh(inner))
    return 0.5 * x * (1 + torch.erf(x / math.sqrt(2)))


def celu(x, alpha=1.0):
    return torch.clamp(x, min=0) + alpha * torch.expm1(torch.clamp(x, max=0) / alpha)


def glu(x, axis=-1):
    if x.shape[axis] % 2:
        raise ValueError(
            "glu: the length of the split axis must be even. "
            f"Received: x.shape={tuple(x.shape)} with axis={axis}."
        )
    a, b = torch.chunk(x, 2, dim=axis)
    return a * torch.sigmoid(b)


def tanh_shrink(x):
    return x - torch.tanh(x)


def hard_tanh(x):
    if x.dtype == torch.bool:
        return x
    if x.dtype == torch.uint8:
        return torch.clamp(x, max=1)
    return torch.clamp(x, -1, 1)


def hard_shrink(x, threshold=0.5):
    return torch.where(torch.abs(x) > threshold, x, _zero(x))


def soft_shrink(x, threshold=0.5):
    shrunk = torch.where(x > threshold, x - threshold, _zero(x))
    return torch.where(x < -threshold, x + threshold, shrunk)


def threshold(x, threshold, default_value):
    default = torch.full((), default_value, dtype=x.dtype, device=x.device)
    return torch.where(x > threshold, x, default)


def squareplus(x, b=4):
    return (x + torch.sqrt(x * x + b)) / 2


def sparse_plus(x):
    # The middle piece is evaluated on clipped values, so it stays bounded.
    middle = (torch.clamp(x, -1, 1) + 1) ** 2 / 4
    return torch.where(x >= 1, x, torch.where(x <= -1, _zero(x), middle))


def log_softmax(x, axis=-1):
    dims = _dims(x, axis)
    if len(dims) == 1:
        return torch.log_softmax(x, dim=dims[0])
    return x - torch.logsumexp(x, dim=dims, keepdim=True)


def softmax(x, axis=-1):
    dims = _dims(x, axis)
    if len(dims) == 1:
        return torch.softmax(x, dim=dims[0])
    return torch.exp(log_softmax(x, axis))


def sparsemax(x, axis=-1):
    moved = torch.movedim(x, axis, -1)
    ordered = torch.sort(moved, dim=-1, descending=True).values
    ks = torch.arange(1, moved.shape[-1] + 1, dtype=x.dtype, device=x.device)
    cumulative = torch.cumsum(ordered, dim=-1)
    # The support is the k largest entries with 1 + k z_k > their sum.
    support = (1 + ks * ordered) > cumulative
    k = torch.sum(support, dim=-1, keepdim=True)
    tau = (torch.gather(cumulative, -1, k - 1) - 1) / k.to(x.dtype)
    result = torch.clamp(moved - tau, min=0)
    return torch.movedim(result, -1, axis)
