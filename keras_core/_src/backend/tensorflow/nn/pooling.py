"""The tensorflow backend table: nn pooling ops.

See keras_core/_src/ops/nn/pooling.py for the declarations. TensorFlow's
own "same" is the one of `conv_arguments`, and its average pool leaves the
padding out, so `tf.nn.max_pool`/`avg_pool` run on channels-last inputs.
TensorFlow's 3D pools only have float32/bfloat16 kernels everywhere:
other dtypes pool the last two spatial axes, then the first (pooling is
separable: a box's max is the max of per-axis maxima, and its average,
padding left out, the average of per-axis averages). Adaptive pools reduce
one spatial axis at a time over slices (their bins are boxes).
"""

import tensorflow as tf

from keras_core._src.backend.common import conv_arguments as args


def _to_last(x, data_format):
    if data_format == "channels_last":
        return x
    rank = len(x.shape)
    return tf.transpose(x, [0, *range(2, rank), 1])


def _from_last(x, data_format):
    if data_format == "channels_last":
        return x
    rank = len(x.shape)
    return tf.transpose(x, [0, rank - 1, *range(1, rank - 1)])


def _wide(dtype):
    # Half-precision sums lose digits: accumulate in float32 at least.
    return dtype if dtype.size >= 4 else tf.float32


def _pool(pool, x, geometry):
    mode = geometry.mode.upper()
    window, strides = list(geometry.window), list(geometry.strides)
    if len(window) < 3 or x.dtype in (tf.float32, tf.bfloat16):
        return pool(x, window, strides, mode)
    shape = tf.shape(x)
    depth, channels = shape[1], shape[4]
    # (N * D, H, W, C) pooled over H and W...
    y = pool(
        tf.reshape(x, tf.concat([[-1], shape[2:]], 0)), window[1:], strides[1:], mode
    )
    rows = tf.shape(y)
    # ...then (N, D, H' * W' * C) pooled over D.
    y = tf.reshape(y, [shape[0], depth, rows[1] * rows[2] * channels])
    y = pool(y, window[:1], strides[:1], mode)
    return tf.reshape(y, [shape[0], tf.shape(y)[1], rows[1], rows[2], channels])


def max_pool(inputs, pool_size, strides=None, padding="valid", data_format=None):
    geometry = args.pool_geometry(
        "max_pool", inputs.shape, pool_size, strides, padding, data_format
    )
    x = _to_last(inputs, geometry.data_format)
    if x.dtype == tf.bool:
        x = tf.cast(x, tf.uint8)  # no boolean kernels
    result = _pool(tf.nn.max_pool, x, geometry)
    return _from_last(tf.cast(result, inputs.dtype), geometry.data_format)


def average_pool(inputs, pool_size, strides=None, padding="valid", data_format=None):
    geometry = args.pool_geometry(
        "average_pool", inputs.shape, pool_size, strides, padding, data_format
    )
    x = tf.cast(_to_last(inputs, geometry.data_format), _wide(inputs.dtype))
    result = _pool(tf.nn.avg_pool, x, geometry)
    return _from_last(tf.cast(result, inputs.dtype), geometry.data_format)


def _bins(op, x, axis, size, out):
    """`adaptive_bins`, as tensors where the size is only known when run."""
    if size is not None:
        return args.adaptive_bins(op, size, out)
    size = tf.shape(x)[axis]
    return [((i * size) // out, -((-(i + 1) * size) // out)) for i in range(out)]


def _adaptive(op, inputs, output_size, data_format, reduce):
    # Symbolic inputs of unknown spatial sizes (variable image sizes) still
    # have known outputs here: the bins are computed when run.
    df = args.data_format_of(op, data_format)
    args.check_rank(op, "inputs", inputs.shape, (3, 4, 5))
    spatial, _ = args.split_channels(inputs.shape, df)
    outputs = args.as_tuple(op, "output_size", output_size, len(spatial))
    x = _to_last(inputs, df)
    for axis, (size, out) in enumerate(zip(spatial, outputs, strict=True), start=1):
        parts = [
            reduce(x[(slice(None),) * axis + (slice(start, end),)], axis)
            for start, end in _bins(op, x, axis, size, out)
        ]
        x = tf.stack(parts, axis=axis)
    return _from_last(tf.cast(x, inputs.dtype), df)


def adaptive_average_pool(inputs, output_size, data_format=None):
    dtype = _wide(inputs.dtype)
    return _adaptive(
        "adaptive_average_pool",
        inputs,
        output_size,
        data_format,
        lambda x, axis: tf.reduce_mean(tf.cast(x, dtype), axis=axis),
    )


def adaptive_max_pool(inputs, output_size, data_format=None):
    def reduce(x, axis):
        if x.dtype == tf.bool:
            return tf.reduce_any(x, axis=axis)
        return tf.reduce_max(x, axis=axis)

    return _adaptive("adaptive_max_pool", inputs, output_size, data_format, reduce)
