"""The numpy backend table: nn pooling ops.

See keras_core/_src/ops/nn/pooling.py for the declarations. Windows are
strided slices of the explicitly padded input, one per window tap; "same"
max pooling pads with the dtype's lowest value, average pooling divides
each sum by the number of real (unpadded) elements. Adaptive pools reduce
one spatial axis at a time: their bins are boxes, so this is exact.
"""

import numpy as np

from keras_core._src.backend.common import conv_arguments as args


def _to_last(x, data_format):
    return x if data_format == "channels_last" else np.moveaxis(x, 1, -1)


def _from_last(x, data_format):
    return x if data_format == "channels_last" else np.moveaxis(x, -1, 1)


def _lowest(dtype):
    if dtype == np.bool_:
        return False
    if dtype.kind in "iu":
        return np.iinfo(dtype).min
    return -np.inf


def _wide(dtype):
    # Half-precision sums lose digits: accumulate in float32 at least.
    return dtype if dtype.itemsize >= 4 else np.dtype(np.float32)


def _windows(x, geometry):
    """Each window tap's strided slice of `x` (channels last, padded)."""
    for tap in np.ndindex(*geometry.window):
        taps = zip(tap, geometry.output, geometry.strides, strict=True)
        yield x[(slice(None), *(slice(t, t + (n - 1) * s + 1, s) for t, n, s in taps))]


def max_pool(inputs, pool_size, strides=None, padding="valid", data_format=None):
    geometry = args.pool_geometry(
        "max_pool", inputs.shape, pool_size, strides, padding, data_format
    )
    x = _to_last(inputs, geometry.data_format)
    x = np.pad(
        x, [(0, 0), *geometry.pads, (0, 0)], constant_values=_lowest(inputs.dtype)
    )
    result = None
    for window in _windows(x, geometry):
        result = window if result is None else np.maximum(result, window)
    return _from_last(result, geometry.data_format)


def average_pool(inputs, pool_size, strides=None, padding="valid", data_format=None):
    geometry = args.pool_geometry(
        "average_pool", inputs.shape, pool_size, strides, padding, data_format
    )
    dtype = _wide(inputs.dtype)
    x = _to_last(inputs, geometry.data_format).astype(dtype)
    x = np.pad(x, [(0, 0), *geometry.pads, (0, 0)])
    total = sum(_windows(x, geometry))
    counts = args.window_counts(geometry).astype(dtype)[..., None]
    return _from_last((total / counts).astype(inputs.dtype), geometry.data_format)


def _adaptive(op, inputs, output_size, data_format, reduce):
    df, spatial, outputs = args.adaptive_geometry(
        op, inputs.shape, output_size, data_format
    )
    x = _to_last(inputs, df)
    for axis, (size, out) in enumerate(zip(spatial, outputs, strict=True), start=1):
        parts = [
            reduce(np.take(x, np.arange(start, end), axis), axis)
            for start, end in args.adaptive_bins(op, size, out)
        ]
        x = np.stack(parts, axis=axis)
    return _from_last(x.astype(inputs.dtype), df)


def adaptive_average_pool(inputs, output_size, data_format=None):
    dtype = _wide(inputs.dtype)
    return _adaptive(
        "adaptive_average_pool",
        inputs,
        output_size,
        data_format,
        lambda x, axis: np.mean(x, axis=axis, dtype=dtype),
    )


def adaptive_max_pool(inputs, output_size, data_format=None):
    return _adaptive(
        "adaptive_max_pool",
        inputs,
        output_size,
        data_format,
        lambda x, axis: np.max(x, axis=axis),
    )
