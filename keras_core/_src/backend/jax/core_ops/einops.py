"""rearrange on JAX arrays."""

import jax.numpy as jnp


def rearrange(tensor, pattern, **axes_lengths):
    # Lazy: the plans module sits above the backend layer.
    from keras_core._src.ops.core._plans import rearrange_plan

    split, permutation, output = rearrange_plan(tensor.shape, pattern, axes_lengths)
    return jnp.reshape(jnp.transpose(jnp.reshape(tensor, split), permutation), output)
