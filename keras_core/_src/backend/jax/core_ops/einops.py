"""rearrange on JAX arrays."""

import jax.numpy as jnp

from keras_core._src.backend.common.einops_plans import rearrange_plan


def rearrange(tensor, pattern, **axes_lengths):
    split, permutation, output = rearrange_plan(tensor.shape, pattern, axes_lengths)
    return jnp.reshape(jnp.transpose(jnp.reshape(tensor, split), permutation), output)
