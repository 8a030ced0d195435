"""Approximate quantiles for `Discretization.adapt`, as Keras computes them.

A summary is a `(2, n)` float32 array: sorted values on row 0 and the
weight (number of data points) each stands for on row 1. A batch is
summarized by keeping every `step`-th sorted value, the last one of each
step (about `1 / epsilon` values); summaries merge by sorting their union
and compressing it back to `1 / epsilon` points by interpolating the
cumulative weights. The bin boundaries are the summary compressed to
`num_bins` points, without the last (the maximum). Keras's boundaries are
reproduced to float32 rounding.
"""

import math

import numpy as np

__all__ = []

_DTYPE = np.float32


def empty_summary():
    """A summary of no data."""
    return np.zeros((2, 0), dtype=_DTYPE)


def summarize(values, epsilon):
    """Summarizes one batch of values (any shape) to about `1 / epsilon` points.

    Args:
        values: Array-like of numbers.
        epsilon: The summary's resolution, in `(0, 1)`.

    Returns:
        A `(2, n)` summary.
    """
    values = np.sort(np.ravel(np.asarray(values, dtype=_DTYPE)))
    step = max(int(values.size / (1.0 / epsilon)), 1)
    kept = values[step - 1 :: step]
    return np.stack([kept, np.full(kept.shape, step, dtype=_DTYPE)])


def compress(summary, epsilon):
    """Interpolates a summary down to `ceil(1 / epsilon)` points (if larger).

    Args:
        summary: A `(2, n)` summary.
        epsilon: The target resolution.

    Returns:
        A summary.
    """
    if summary.shape[1] * epsilon < 1:
        return summary
    # Counted in float32, as the reference's float32 range of percents is.
    count = math.ceil(np.float32(1.0) / np.float32(epsilon))
    percents = np.float32(epsilon) * np.arange(1, count + 1, dtype=_DTYPE)
    cumulative = np.cumsum(summary[1], dtype=_DTYPE)
    fractions = cumulative / cumulative[-1]
    values = np.interp(percents, fractions, summary[0]).astype(_DTYPE)
    weights = np.interp(percents, fractions, cumulative).astype(_DTYPE)
    weights = np.diff(weights, prepend=_DTYPE(0)).astype(_DTYPE)
    return np.stack([values, weights])


def merge(summary, other, epsilon):
    """Merges two summaries into one of resolution `epsilon`.

    Args:
        summary: A `(2, n)` summary.
        other: A `(2, m)` summary.
        epsilon: The resolution of the result.

    Returns:
        A summary.
    """
    union = np.concatenate([summary, other], axis=1)
    union = union[:, np.argsort(union[0], kind="stable")]
    return compress(union, epsilon)


def bin_boundaries(summary, num_bins):
    """The `num_bins - 1` boundaries of equal-weight bins of a summary.

    Args:
        summary: A `(2, n)` summary.
        num_bins: The number of bins.

    Returns:
        A list of Python floats.
    """
    return compress(summary, 1.0 / num_bins)[0, :-1].tolist()
