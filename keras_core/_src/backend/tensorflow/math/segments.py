"""The tensorflow backend table: segment reductions (see ops/math/segments.py)."""

import tensorflow as tf

from keras_core._src.backend.common.math import checks

_REDUCTIONS = {
    "segment_sum": tf.math.unsorted_segment_sum,
    "segment_prod": tf.math.unsorted_segment_prod,
    "segment_max": tf.math.unsorted_segment_max,
    "segment_min": tf.math.unsorted_segment_min,
}


def _reduce(name, data, segment_ids, num_segments):
    checks.check_segments(name, tuple(data.shape), tuple(segment_ids.shape))
    if num_segments is None:
        num_segments = tf.maximum(tf.reduce_max(segment_ids) + 1, 0)
    dtype = data.dtype
    if dtype == tf.bool:
        data = tf.cast(data, "int8")
    # Ids out of range go to an extra segment, dropped at the end (TF
    # refuses ids past the end on CPU).
    ids = tf.where(
        (segment_ids >= 0) & (segment_ids < num_segments), segment_ids, num_segments
    )
    result = _REDUCTIONS[name](data, ids, num_segments + 1)[:num_segments]
    if name in ("segment_max", "segment_min") and data.dtype.is_floating:
        # TF fills empty segments with the dtype's finite extreme: +-inf.
        counts = tf.math.unsorted_segment_sum(tf.ones_like(ids), ids, num_segments + 1)
        empty = tf.reshape(
            counts[:num_segments] == 0, [-1] + [1] * (data.shape.rank - 1)
        )
        fill = float("-inf") if name == "segment_max" else float("inf")
        result = tf.where(empty, tf.constant(fill, data.dtype), result)
    return tf.cast(result, dtype)


def segment_sum(data, segment_ids, num_segments=None, sorted=False):
    return _reduce("segment_sum", data, segment_ids, num_segments)


def segment_prod(data, segment_ids, num_segments=None, sorted=False):
    return _reduce("segment_prod", data, segment_ids, num_segments)


def segment_max(data, segment_ids, num_segments=None, sorted=False):
    return _reduce("segment_max", data, segment_ids, num_segments)


def segment_min(data, segment_ids, num_segments=None, sorted=False):
    return _reduce("segment_min", data, segment_ids, num_segments)
