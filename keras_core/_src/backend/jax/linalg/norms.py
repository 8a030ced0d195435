"""The jax backend table: vector and matrix norms.

See keras_core/_src/ops/linalg/norms.py for the declaration.
"""

import jax.numpy as jnp

from keras_core._src.backend.common import linalg_checks as checks


def norm(x, ord=None, axis=None, keepdims=False):
    kind, axes = checks.norm_axes(x, ord, axis)
    if kind == "flat":
        return jnp.sqrt(jnp.sum(jnp.abs(x) ** 2, axis=axes, keepdims=keepdims))
    axis = axes[0] if kind == "vector" else axes
    return jnp.linalg.norm(x, ord=ord, axis=axis, keepdims=keepdims)
