"""cast and saturate_cast on JAX arrays."""

import jax.numpy as jnp

from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.common.einops_plans import saturate_bounds
from keras_core._src.backend.jax.core import convert_to_tensor


def cast(x, dtype):
    return convert_to_tensor(x, dtype=dtype)


def saturate_cast(x, dtype):
    bounds = saturate_bounds(standardize_dtype(x.dtype), standardize_dtype(dtype))
    if bounds is not None:
        x = jnp.clip(x, *bounds)
    return convert_to_tensor(x, dtype=dtype)
