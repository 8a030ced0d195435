"""The jax backend table: nn encoding and measuring ops.

See keras_core/_src/ops/nn/utilities.py for the declarations. Indices arrive
as integers; indices outside `[0, num_classes)` encode as all zeros.
"""

import jax.numpy as jnp

from keras_core._src.backend.common.config import epsilon as default_epsilon
from keras_core._src.backend.common.config import floatx
from keras_core._src.backend.common.dtypes import narrowed_dtype
from keras_core._src.backend.common.dtypes import standardize_dtype


def _dtype(dtype):
    return narrowed_dtype(standardize_dtype(dtype or floatx()))


def one_hot(x, num_classes, axis=-1, dtype=None, sparse=False):
    classes = jnp.arange(num_classes).reshape((1,) * x.ndim + (num_classes,))
    encoded = (x[..., None] == classes).astype(_dtype(dtype))
    return jnp.moveaxis(encoded, -1, axis)


def _num_classes(num_classes, kwargs):
    # `num_tokens` is the older name Keras 3 still reads.
    return kwargs["num_tokens"] if num_classes is None else num_classes


def multi_hot(inputs, num_classes=None, axis=-1, dtype=None, sparse=False, **kwargs):
    encoded = one_hot(inputs, _num_classes(num_classes, kwargs), axis, dtype, sparse)
    return jnp.max(encoded, axis=0 if inputs.ndim == 1 else 1)


def normalize(x, axis=-1, order=2, epsilon=None):
    axis = tuple(axis) if isinstance(axis, list) else axis
    floor = default_epsilon() if epsilon is None else epsilon
    if order == 2:
        # sqrt of the floored sum of squares: finite gradients at zero.
        squares = jnp.sum(x * x, axis=axis, keepdims=True)
        return x * jnp.sqrt(1 / jnp.maximum(squares, floor * floor))
    norm = jnp.sum(jnp.abs(x) ** order, axis=axis, keepdims=True) ** (1 / order)
    return x / jnp.maximum(norm, floor)


def psnr(x1, x2, max_val):
    if tuple(x1.shape) != tuple(x2.shape):
        raise ValueError(
            "psnr: x1 and x2 must have the same shape. "
            f"Received: x1.shape={tuple(x1.shape)}, x2.shape={tuple(x2.shape)}."
        )
    mse = jnp.mean((x1 - x2) ** 2)
    return 20 * jnp.log10(jnp.asarray(max_val, x1.dtype)) - 10 * jnp.log10(mse)


def polar(abs_, angle):
    return jnp.asarray(abs_ * jnp.cos(angle) + 1j * (abs_ * jnp.sin(angle)))
