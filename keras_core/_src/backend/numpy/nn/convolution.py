"""The numpy backend table: nn convolution ops.

See keras_core/_src/ops/nn/convolution.py for the declarations. Inputs are
zero-padded explicitly (TensorFlow's "same"), then every kernel tap adds
its strided slice of the input times the tap's weights (one einsum each).
Half-precision and boolean inputs accumulate in float32 / int32.
"""

import numpy as np

from keras_core._src.backend.common import conv_arguments as args


def _accumulator(dtype):
    if dtype == np.bool_:
        return np.int32
    if (dtype.kind == "f" and dtype.itemsize < 4) or dtype.kind == "V":
        return np.float32
    if dtype.name == "bfloat16":
        return np.float32
    return dtype


def _back(result, dtype):
    if dtype == np.bool_:
        return result != 0
    return result.astype(dtype)


def _to_last(x, data_format):
    return x if data_format == "channels_last" else np.moveaxis(x, 1, -1)


def _from_last(x, data_format):
    return x if data_format == "channels_last" else np.moveaxis(x, -1, 1)


def _taps(geometry, sizes):
    """(kernel tap, input slices) pairs of a strided, dilated window."""
    for tap in np.ndindex(*geometry.window):
        slices = tuple(
            slice(t * d, t * d + (n - 1) * s + 1, s)
            for t, d, n, s in zip(
                tap, geometry.dilation, sizes, geometry.strides, strict=True
            )
        )
        yield tap, (slice(None), *slices)


def _conv(op, inputs, kernel, strides, padding, data_format, dilation_rate):
    geometry = args.conv_geometry(
        op, inputs.shape, kernel.shape, strides, padding, data_format, dilation_rate
    )
    groups = args.check_groups(op, geometry.channels, *kernel.shape[-2:])
    dtype = inputs.dtype
    accumulator = _accumulator(dtype)
    x = _to_last(inputs, geometry.data_format).astype(accumulator)
    x = np.pad(x, [(0, 0), *geometry.pads, (0, 0)])
    x = x.reshape(*x.shape[:-1], groups, kernel.shape[-2])
    out_channels = kernel.shape[-1]
    k = kernel.astype(accumulator).reshape(
        *kernel.shape[:-1], groups, out_channels // groups
    )
    result = np.zeros(
        (x.shape[0], *geometry.output, groups, out_channels // groups), accumulator
    )
    for tap, window in _taps(geometry, geometry.output):
        result += np.einsum("...gc,cgo->...go", x[window], k[tap])
    result = result.reshape(*result.shape[:-2], out_channels)
    return _from_last(_back(result, dtype), geometry.data_format)


def conv(inputs, kernel, strides=1, padding="valid", data_format=None, dilation_rate=1):
    return _conv("conv", inputs, kernel, strides, padding, data_format, dilation_rate)


def _crop(full, crops, outputs):
    """`full[crop:crop + out]` per spatial axis, zeros past its end."""
    for axis, (crop, out) in enumerate(zip(crops, outputs, strict=True), start=1):
        full = np.take(full, np.arange(crop, min(crop + out, full.shape[axis])), axis)
        missing = out - full.shape[axis]
        if missing > 0:
            pads = [(0, 0)] * full.ndim
            pads[axis] = (0, missing)
            full = np.pad(full, pads)
    return full


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
        inputs.shape,
        kernel.shape,
        strides,
        padding,
        output_padding,
        data_format,
        dilation_rate,
    )
    dtype = inputs.dtype
    accumulator = _accumulator(dtype)
    x = _to_last(inputs, geometry.data_format).astype(accumulator)
    k = kernel.astype(accumulator)
    full = [
        (n - 1) * s + (w - 1) * d + 1
        for n, s, w, d in zip(
            geometry.spatial,
            geometry.strides,
            geometry.window,
            geometry.dilation,
            strict=True,
        )
    ]
    result = np.zeros((x.shape[0], *full, kernel.shape[-2]), accumulator)
    for tap, window in _taps(geometry, geometry.spatial):
        result[window] += np.einsum("...c,oc->...o", x, k[tap])
    result = _crop(result, crops, outputs)
    return _from_last(_back(result, dtype), geometry.data_format)


def _depthwise_kernel(op, inputs, kernel, data_format):
    """The depthwise kernel as a grouped `conv` kernel (one group a channel)."""
    shape = args.check_depthwise(op, inputs.shape, kernel.shape, data_format)
    return kernel.reshape(shape)


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
