"""The torch backend table: top-k selection (see ops/math/selection.py)."""

import torch

from keras_core._src.backend.common.math import checks


def top_k(x, k, sorted=True):
    checks.check_top_k(tuple(x.shape), k)
    # A stable sort puts the lower index first among ties (torch.topk does
    # not promise an order there); bool has no sort kernel.
    keys = x.to(torch.uint8) if x.dtype == torch.bool else x
    _, order = torch.sort(keys, dim=-1, descending=True, stable=True)
    indices = order[..., :k]
    return torch.take_along_dim(x, indices, dim=-1), indices.to(torch.int32)


def in_top_k(targets, predictions, k):
    checks.check_in_top_k(tuple(targets.shape), tuple(predictions.shape))
    own = torch.take_along_dim(predictions, targets[:, None].long(), dim=1)
    return torch.sum(predictions > own, dim=1) < k
