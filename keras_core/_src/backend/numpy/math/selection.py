"""The numpy backend table: top-k selection (see ops/math/selection.py)."""

import numpy as np

from keras_core._src.backend.common.math import checks


def top_k(x, k, sorted=True):
    checks.check_top_k(tuple(x.shape), k)
    n = x.shape[-1]
    # A stable ascending sort of the reversed values, read backwards, is
    # descending with the lower index first among ties (also for unsigned
    # and boolean values, which cannot be negated).
    order = np.argsort(x[..., ::-1], axis=-1, kind="stable")[..., ::-1][..., :k]
    indices = (n - 1 - order).astype("int32")
    return np.take_along_axis(x, indices, axis=-1), indices


def in_top_k(targets, predictions, k):
    checks.check_in_top_k(tuple(targets.shape), tuple(predictions.shape))
    own = np.take_along_axis(predictions, targets[:, None].astype("int64"), axis=1)
    return np.sum(predictions > own, axis=1) < k
