"""The tensorflow backend table: nn convolution ops.

See keras_core/_src/ops/nn/convolution.py for the declarations. Inputs are
moved to channels-last (TensorFlow's CPU kernels take no other layout),
padded explicitly and convolved with "VALID". TensorFlow refuses strides
and dilation together, so dilated kernels are spelled out (zeros between
taps); grouped convolutions run group by group; integer and boolean
convolutions (which it lacks) run in float64 and are cast back.
"""

import tensorflow as tf

from keras_core._src.backend.common import conv_arguments as args


def _to_last(x, data_format):
    if data_format == "channels_last":
        return x
    return tf.transpose(x, [0, *range(2, x.shape.rank), 1])


def _from_last(x, data_format):
    if data_format == "channels_last":
        return x
    return tf.transpose(x, [0, x.shape.rank - 1, *range(1, x.shape.rank - 1)])


def _compute(x):
    return x if x.dtype.is_floating else tf.cast(x, tf.float64)


def _back(result, dtype):
    if dtype == tf.bool:
        return tf.not_equal(result, 0)
    return tf.cast(result, dtype)


def _dilated(kernel, dilation):
    """`kernel` with dilation - 1 zeros between taps on each spatial axis."""
    for axis, rate in enumerate(dilation):
        if rate == 1:
            continue
        size = kernel.shape[axis]
        spaced = tf.stack(
            [kernel] + [tf.zeros_like(kernel)] * (rate - 1), axis=axis + 1
        )
        shape = [*kernel.shape[:axis], size * rate, *kernel.shape[axis + 1 :]]
        kernel = tf.reshape(spaced, shape)
        kernel = tf.gather(kernel, tf.range((size - 1) * rate + 1), axis=axis)
    return kernel


def _conv(op, inputs, kernel, strides, padding, data_format, dilation_rate):
    geometry = args.conv_geometry(
        op,
        tuple(inputs.shape),
        tuple(kernel.shape),
        strides,
        padding,
        data_format,
        dilation_rate,
    )
    groups = args.check_groups(op, geometry.channels, *kernel.shape[-2:])
    dtype = inputs.dtype
    x = _to_last(_compute(inputs), geometry.data_format)
    k = _dilated(_compute(kernel), geometry.dilation)
    # TensorFlow's "SAME" pads as Keras's "same" does (the odd pixel after),
    # inside the kernel: no Pad op and no slice of its gradient.
    padding = "SAME" if geometry.mode == "same" else "VALID"
    xs = tf.split(x, groups, axis=-1) if groups > 1 else [x]
    ks = tf.split(k, groups, axis=-1) if groups > 1 else [k]
    # Named explicitly: TensorFlow's Conv3D gradient fails on the default.
    layout = {1: "NWC", 2: "NHWC", 3: "NDHWC"}[len(geometry.window)]
    results = [
        tf.nn.convolution(
            xi, ki, strides=geometry.strides, padding=padding, data_format=layout
        )
        for xi, ki in zip(xs, ks, strict=True)
    ]
    result = tf.concat(results, axis=-1) if groups > 1 else results[0]
    return _from_last(_back(result, dtype), geometry.data_format)


def conv(inputs, kernel, strides=1, padding="valid", data_format=None, dilation_rate=1):
    return _conv("conv", inputs, kernel, strides, padding, data_format, dilation_rate)


def conv_transpose(
    inputs,
    kernel,
    strides=1,
    padding="valid",
    output_padding=None,
    data_format=None,
    dilation_rate=1,
):
    geometry, outputs, crops = args.transpose_geometry(
        "conv_transpose",
        tuple(inputs.shape),
        tuple(kernel.shape),
        strides,
        padding,
        output_padding,
        data_format,
        dilation_rate,
    )
    dtype = inputs.dtype
    x = _to_last(_compute(inputs), geometry.data_format)
    k = _dilated(_compute(kernel), geometry.dilation)
    full = [
        (n - 1) * s + w
        for n, s, w in zip(geometry.spatial, geometry.strides, k.shape, strict=False)
    ]
    shape = tf.stack([tf.shape(x)[0], *full, kernel.shape[-2]])
    result = tf.nn.conv_transpose(
        x,
        k,
        output_shape=shape,
        strides=geometry.strides,
        padding="VALID",
        data_format={1: "NWC", 2: "NHWC", 3: "NDHWC"}[len(geometry.window)],
    )
    # Keep [crop, crop + output) of each axis, zeros past the full length.
    begin = [0, *crops, 0]
    sizes = [-1, *[min(o, f - c) for o, f, c in zip(outputs, full, crops, strict=True)]]
    result = tf.slice(result, begin, [*sizes, -1])
    extra = [(0, o - s) for o, s in zip(outputs, sizes[1:], strict=True)]
    result = tf.pad(result, [(0, 0), *extra, (0, 0)])
    return _from_last(_back(result, dtype), geometry.data_format)


def _depthwise_kernel(op, inputs, kernel, data_format):
    """The depthwise kernel as a grouped `conv` kernel (one group a channel)."""
    shape = args.check_depthwise(
        op, tuple(inputs.shape), tuple(kernel.shape), data_format
    )
    return tf.reshape(kernel, shape)


def depthwise_conv(
    inputs, kernel, strides=1, padding="valid", data_format=None, dilation_rate=1
):
    kernel = _depthwise_kernel("depthwise_conv", inputs, kernel, data_format)
    return _conv(
        "depthwise_conv", inputs, kernel, strides, padding, data_format, dilation_rate
    )


def separable_conv(
    inputs,
    depthwise_kernel,
    pointwise_kernel,
    strides=1,
    padding="valid",
    data_format=None,
    dilation_rate=1,
):
    op = "separable_conv"
    kernel = _depthwise_kernel(op, inputs, depthwise_kernel, data_format)
    depthwise = _conv(op, inputs, kernel, strides, padding, data_format, dilation_rate)
    return _conv(op, depthwise, pointwise_kernel, 1, "valid", data_format, 1)
