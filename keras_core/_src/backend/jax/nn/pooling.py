"""The jax backend table: nn pooling ops.

See keras_core/_src/ops/nn/pooling.py for the declarations. Windows are
`lax.reduce_window` with the explicit paddings of `conv_arguments`
(TensorFlow's "same"); averages divide each window sum by its count of
real elements, a constant of the shapes. Adaptive pools reduce one spatial
axis at a time over static slices: their bins are boxes, so this is exact.
"""

import functools

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

from keras_core._src.backend.common import conv_arguments as args


def _to_last(x, data_format):
    return x if data_format == "channels_last" else jnp.moveaxis(x, 1, -1)


def _from_last(x, data_format):
    return x if data_format == "channels_last" else jnp.moveaxis(x, -1, 1)


def _wide(dtype):
    # Half-precision sums lose digits: accumulate in float32 at least.
    return dtype if jnp.dtype(dtype).itemsize >= 4 else jnp.float32


def _lowest(dtype):
    if dtype == jnp.bool_:
        return False
    if jnp.issubdtype(dtype, jnp.integer):
        return jnp.iinfo(dtype).min
    return -jnp.inf


def _reduce(x, init, computation, geometry):
    # A concrete (NumPy) identity lets jax recognise the max/add monoid,
    # whose window reductions are differentiable.
    return lax.reduce_window(
        x,
        np.array(init, x.dtype),
        computation,
        (1, *geometry.window, 1),
        (1, *geometry.strides, 1),
        [(0, 0), *geometry.pads, (0, 0)],
    )


def max_pool(inputs, pool_size, strides=None, padding="valid", data_format=None):
    geometry = args.pool_geometry(
        "max_pool", inputs.shape, pool_size, strides, padding, data_format
    )
    x = _to_last(inputs, geometry.data_format)
    result = _reduce(x, _lowest(x.dtype), lax.max, geometry)
    return _from_last(result, geometry.data_format)


def average_pool(inputs, pool_size, strides=None, padding="valid", data_format=None):
    geometry = args.pool_geometry(
        "average_pool", inputs.shape, pool_size, strides, padding, data_format
    )
    dtype = _wide(inputs.dtype)
    x = _to_last(inputs, geometry.data_format).astype(dtype)
    total = _reduce(x, 0, lax.add, geometry)
    counts = jnp.asarray(args.window_counts(geometry), dtype)[..., None]
    return _from_last((total / counts).astype(inputs.dtype), geometry.data_format)


def _adaptive(op, inputs, output_size, data_format):
    df, spatial, outputs = args.adaptive_geometry(
        op, inputs.shape, output_size, data_format
    )
    bins = tuple(
        tuple(args.adaptive_bins(op, size, out))
        for size, out in zip(spatial, outputs, strict=True)
    )
    return _adaptive_bins(inputs, bins, df, op == "adaptive_max_pool")


# One compiled program per configuration: eagerly, the many small slices
# would otherwise each be compiled and dispatched on their own.
@functools.partial(jax.jit, static_argnums=(1, 2, 3))
def _adaptive_bins(inputs, bins, data_format, is_max):
    x = _to_last(inputs, data_format)
    if not is_max:
        x = x.astype(_wide(x.dtype))
    reduce = jnp.max if is_max else jnp.mean
    for axis, edges in enumerate(bins, start=1):
        parts = [
            reduce(lax.slice_in_dim(x, start, end, axis=axis), axis=axis)
            for start, end in edges
        ]
        x = jnp.stack(parts, axis=axis)
    return _from_last(x.astype(inputs.dtype), data_format)


def adaptive_average_pool(inputs, output_size, data_format=None):
    return _adaptive("adaptive_average_pool", inputs, output_size, data_format)


def adaptive_max_pool(inputs, output_size, data_format=None):
    return _adaptive("adaptive_max_pool", inputs, output_size, data_format)
