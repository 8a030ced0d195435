"""The torch backend table: forward-mode derivatives.

See keras_core/_src/ops/linalg/autodiff.py for `jvp`.
"""

import torch

from keras_core._src.backend.torch.core import convert_to_tensor
from keras_core._src.tree import tree_api


def jvp(fun, primals, tangents, has_aux=False):
    primals = tree_api.map_structure(convert_to_tensor, tuple(primals))
    # torch requires each tangent to have its primal's dtype.
    tangents = tree_api.map_structure(
        lambda t, p: convert_to_tensor(t, dtype=p.dtype), tuple(tangents), primals
    )
    return torch.func.jvp(fun, primals, tangents, has_aux=has_aux)
