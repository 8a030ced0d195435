"""The jax backend table: segment reductions (see ops/math/segments.py)."""

import functools

import jax
import jax.numpy as jnp

from keras_core._src.backend.common.math import checks


@functools.partial(jax.custom_vjp, nondiff_argnums=(2, 3))
def _product(data, segment_ids, num_segments, sorted):
    return jax.ops.segment_prod(
        data, segment_ids, num_segments=num_segments, indices_are_sorted=sorted
    )


def _product_forward(data, segment_ids, num_segments, sorted):
    return _product(data, segment_ids, num_segments, sorted), (data, segment_ids)


def _product_backward(num_segments, sorted, residuals, upstream):
    # jax has no gradient for products with repeated ids. Each row's
    # gradient is the product of the other rows of its segment, computed
    # without dividing by the row, which may be zero.
    data, segment_ids = residuals
    zero = data == 0
    kwargs = {"num_segments": num_segments, "indices_are_sorted": sorted}
    nonzero_product = jax.ops.segment_prod(
        jnp.where(zero, 1, data), segment_ids, **kwargs
    )
    zeros = jax.ops.segment_sum(zero.astype("int32"), segment_ids, **kwargs)
    valid = (segment_ids >= 0) & (segment_ids < num_segments)
    index = jnp.clip(segment_ids, 0, max(num_segments - 1, 0))
    own_product = nonzero_product[index]
    own_zeros = zeros[index]
    others = jnp.where(
        zero,
        jnp.where(own_zeros == 1, own_product, 0),
        jnp.where(own_zeros == 0, own_product / jnp.where(zero, 1, data), 0),
    )
    grad = jnp.where(
        valid.reshape((-1,) + (1,) * (data.ndim - 1)), upstream[index] * others, 0
    )
    return grad.astype(data.dtype), None


_product.defvjp(_product_forward, _product_backward)


def _reduce(name, reduction, data, segment_ids, num_segments, sorted):
    checks.check_segments(name, tuple(data.shape), tuple(segment_ids.shape))
    return reduction(
        data, segment_ids, num_segments=num_segments, indices_are_sorted=sorted
    )


def segment_sum(data, segment_ids, num_segments=None, sorted=False):
    return _reduce(
        "segment_sum", jax.ops.segment_sum, data, segment_ids, num_segments, sorted
    )


def segment_prod(data, segment_ids, num_segments=None, sorted=False):
    checks.check_segments("segment_prod", tuple(data.shape), tuple(segment_ids.shape))
    if num_segments is None:
        # The output shape depends on the ids' values (not under jit).
        num_segments = int(jnp.max(segment_ids)) + 1 if segment_ids.size else 0
    return _product(data, segment_ids, num_segments, sorted)


def segment_max(data, segment_ids, num_segments=None, sorted=False):
    return _reduce(
        "segment_max", jax.ops.segment_max, data, segment_ids, num_segments, sorted
    )


def segment_min(data, segment_ids, num_segments=None, sorted=False):
    return _reduce(
        "segment_min", jax.ops.segment_min, data, segment_ids, num_segments, sorted
    )
