"""The numpy backend table: segment reductions (see ops/math/segments.py)."""

import numpy as np

from keras_core._src.backend.common.math import checks


def _identity(reduction, dtype):
    if reduction is np.add:
        return 0
    if reduction is np.multiply:
        return 1
    high = reduction is np.minimum
    if dtype == np.bool_:
        return high
    if dtype.kind in "iu":
        info = np.iinfo(dtype)
        return info.max if high else info.min
    # Floats, bfloat16 included (NumPy does not count it as floating).
    return np.inf if high else -np.inf


def _reduce(name, reduction, data, segment_ids, num_segments):
    checks.check_segments(name, tuple(data.shape), tuple(segment_ids.shape))
    if num_segments is None:
        num_segments = int(segment_ids.max()) + 1 if segment_ids.size else 0
    # Ids out of range go to an extra segment, dropped at the end.
    ids = np.where(
        (segment_ids >= 0) & (segment_ids < num_segments), segment_ids, num_segments
    )
    result = np.full(
        (num_segments + 1, *data.shape[1:]),
        _identity(reduction, data.dtype),
        dtype=data.dtype,
    )
    reduction.at(result, ids, data)
    return result[:num_segments]


def segment_sum(data, segment_ids, num_segments=None, sorted=False):
    return _reduce("segment_sum", np.add, data, segment_ids, num_segments)


def segment_prod(data, segment_ids, num_segments=None, sorted=False):
    return _reduce("segment_prod", np.multiply, data, segment_ids, num_segments)


def segment_max(data, segment_ids, num_segments=None, sorted=False):
    return _reduce("segment_max", np.maximum, data, segment_ids, num_segments)


def segment_min(data, segment_ids, num_segments=None, sorted=False):
    return _reduce("segment_min", np.minimum, data, segment_ids, num_segments)
