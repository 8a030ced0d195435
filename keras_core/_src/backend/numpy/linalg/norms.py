"""The numpy backend table: vector and matrix norms.

See keras_core/_src/ops/linalg/norms.py for the declaration.
"""

import numpy as np

from keras_core._src.backend.common import linalg_checks as checks


def norm(x, ord=None, axis=None, keepdims=False):
    kind, axes = checks.norm_axes(x, ord, axis)
    if kind == "flat":
        result = np.sqrt(np.sum(np.abs(x) ** 2, axis=axes, keepdims=keepdims))
        return np.asarray(result, dtype=x.dtype)
    axis = axes[0] if kind == "vector" else axes
    result = np.linalg.norm(x, ord=ord, axis=axis, keepdims=keepdims)
    return np.asarray(result, dtype=x.dtype)
