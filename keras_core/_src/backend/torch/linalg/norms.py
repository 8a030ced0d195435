"""The torch backend table: vector and matrix norms.

See keras_core/_src/ops/linalg/norms.py for the declaration.
"""

import torch

from keras_core._src.backend.common import linalg_checks as checks


def norm(x, ord=None, axis=None, keepdims=False):
    kind, axes = checks.norm_axes(x, ord, axis)
    if kind == "flat":
        return torch.linalg.vector_norm(x, ord=2, dim=axes, keepdim=keepdims)
    if kind == "vector":
        return torch.linalg.vector_norm(
            x, ord=2 if ord is None else ord, dim=axes, keepdim=keepdims
        )
    return torch.linalg.matrix_norm(
        x, ord="fro" if ord is None else ord, dim=axes, keepdim=keepdims
    )
