"""The torch backend table: segment reductions (see ops/math/segments.py)."""

import torch

from keras_core._src.backend.common.math import checks


def _identity(reduce, dtype):
    if reduce == "sum":
        return 0
    if reduce == "prod":
        return 1
    high = reduce == "amin"
    if dtype == torch.bool:
        return high
    if dtype.is_floating_point:
        return float("inf") if high else float("-inf")
    info = torch.iinfo(dtype)
    return info.max if high else info.min


def _reduce(name, reduce, data, segment_ids, num_segments):
    checks.check_segments(name, tuple(data.shape), tuple(segment_ids.shape))
    if num_segments is None:
        # The output shape depends on the ids' values: read here.
        num_segments = int(segment_ids.max()) + 1 if segment_ids.numel() else 0
    dtype = data.dtype
    if dtype == torch.bool:
        data = data.to(torch.uint8)
    # Ids out of range go to an extra segment, dropped at the end.
    ids = torch.where(
        (segment_ids >= 0) & (segment_ids < num_segments), segment_ids, num_segments
    ).long()
    ids = ids.reshape((-1,) + (1,) * (data.ndim - 1)).expand(data.shape)
    result = torch.full(
        (num_segments + 1, *data.shape[1:]),
        _identity(reduce, dtype),
        dtype=data.dtype,
        device=data.device,
    )
    result = result.scatter_reduce(0, ids, data, reduce=reduce, include_self=True)
    return result[:num_segments].to(dtype)


def segment_sum(data, segment_ids, num_segments=None, sorted=False):
    return _reduce("segment_sum", "sum", data, segment_ids, num_segments)


def segment_prod(data, segment_ids, num_segments=None, sorted=False):
    return _reduce("segment_prod", "prod", data, segment_ids, num_segments)


def segment_max(data, segment_ids, num_segments=None, sorted=False):
    return _reduce("segment_max", "amax", data, segment_ids, num_segments)


def segment_min(data, segment_ids, num_segments=None, sorted=False):
    return _reduce("segment_min", "amin", data, segment_ids, num_segments)
