"""The jax backend table: top-k selection (see ops/math/selection.py)."""

import jax
import jax.numpy as jnp

from keras_core._src.backend.common.math import checks


def top_k(x, k, sorted=True):
    checks.check_top_k(tuple(x.shape), k)
    # lax.top_k always sorts, lower indices first among ties.
    values, indices = jax.lax.top_k(x, k)
    return values, indices.astype("int32")


def in_top_k(targets, predictions, k):
    checks.check_in_top_k(tuple(targets.shape), tuple(predictions.shape))
    own = jnp.take_along_axis(predictions, targets[:, None], axis=1)
    above = jnp.sum(predictions > own, axis=1)
    return above < k
