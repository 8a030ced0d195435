"""The torch backend table: crossentropy losses.

See keras_core/_src/ops/nn/losses.py for the declarations.
"""

import torch

from keras_core._src.backend.common.config import epsilon


def _clipped_log(p, axis=None):
    # Rescaled to sum to 1 along the class axis (categorical only), then
    # clipped as Keras does so that log(0) costs -log(epsilon).
    if axis is not None:
        p = p / torch.sum(p, dim=axis, keepdim=True)
    eps = epsilon()
    return torch.log(torch.clamp(p, eps, 1 - eps))


def binary_crossentropy(target, output, from_logits=False):
    if from_logits:
        # max(x, 0) - x z + log(1 + exp(-|x|)): no overflow for huge |x|.
        return (
            torch.clamp(output, min=0)
            - output * target
            + torch.log1p(torch.exp(-torch.abs(output)))
        )
    eps = epsilon()
    p = torch.clamp(output, eps, 1 - eps)
    return -(target * torch.log(p) + (1 - target) * torch.log(1 - p))


def categorical_crossentropy(target, output, from_logits=False, axis=-1):
    if from_logits:
        log_p = torch.log_softmax(output, dim=axis)
    else:
        log_p = _clipped_log(output, axis)
    return -torch.sum(target * log_p, dim=axis)


def sparse_categorical_crossentropy(target, output, from_logits=False, axis=-1):
    axis = axis % output.ndim
    if from_logits:
        log_p = torch.log_softmax(output, dim=axis)
    else:
        log_p = _clipped_log(output, axis)
    classes = torch.arange(output.shape[axis], dtype=target.dtype, device=target.device)
    classes = torch.reshape(classes, (-1,) + (1,) * (output.ndim - 1 - axis))
    # One-hot by comparison: out-of-range indices select nothing (loss 0).
    one_hot = torch.unsqueeze(target, axis) == classes
    return -torch.sum(torch.where(one_hot, log_p, torch.zeros_like(log_p)), dim=axis)
