"""Scatters and slices on JAX arrays (`.at[]` updates, `lax` dynamic slices)."""

import jax
import jax.numpy as jnp


def _index(indices):
    return tuple(jnp.moveaxis(jnp.asarray(indices), -1, 0))


def scatter(indices, values, shape):
    at = jnp.zeros(shape, dtype=values.dtype).at[_index(indices)]
    # Booleans add as a logical or, which jax only computes as a max.
    return at.max(values) if values.dtype == jnp.bool_ else at.add(values)


def scatter_update(inputs, indices, updates, reduction=None):
    at = inputs.at[_index(indices)]
    if reduction is None:
        return at.set(updates)
    method = {"add": at.add, "max": at.max, "min": at.min, "mul": at.multiply}
    return method[reduction](updates)


def slice(inputs, start_indices, shape):
    return jax.lax.dynamic_slice(inputs, tuple(start_indices), tuple(shape))


def slice_update(inputs, start_indices, updates):
    return jax.lax.dynamic_update_slice(inputs, updates, tuple(start_indices))


def unstack(x, num=None, axis=0):
    return list(jnp.moveaxis(x, axis, 0))
