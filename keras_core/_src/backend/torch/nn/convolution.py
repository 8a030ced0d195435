"""The torch backend table: nn convolution ops.

See keras_core/_src/ops/nn/convolution.py for the declarations. torch's
convolutions are channels-first with symmetric padding only, so inputs are
moved to channels-first and padded explicitly (TensorFlow's "same", the odd
element after). Integer and boolean convolutions (which torch lacks) run
in float64, half precision on CPU in float32, and are cast back.
"""

import torch
import torch.nn.functional as F

from keras_core._src.backend.common import conv_arguments as args

_CONV = {1: F.conv1d, 2: F.conv2d, 3: F.conv3d}
_TRANSPOSE = {1: F.conv_transpose1d, 2: F.conv_transpose2d, 3: F.conv_transpose3d}


def _to_first(x, data_format):
    return x if data_format == "channels_first" else torch.movedim(x, -1, 1)


def _from_first(x, data_format):
    return x if data_format == "channels_first" else torch.movedim(x, 1, -1)


def _compute_dtype(x):
    if not torch.is_floating_point(x):
        return torch.float64
    if x.dtype in (torch.float16, torch.bfloat16) and x.device.type == "cpu":
        return torch.float32
    return x.dtype


def _back(result, dtype):
    if dtype == torch.bool:
        return result != 0
    return result.to(dtype)


def _torch_pads(pads):
    """(before, after) per spatial axis as F.pad's flat list, last axis first."""
    return [p for pair in reversed(pads) for p in pair]


def _conv(op, inputs, kernel, strides, padding, data_format, dilation_rate):
    geometry = args.conv_geometry(
        op, inputs.shape, kernel.shape, strides, padding, data_format, dilation_rate
    )
    groups = args.check_groups(op, geometry.channels, *kernel.shape[-2:])
    rank = len(geometry.window)
    dtype = inputs.dtype
    compute = _compute_dtype(inputs)
    x = _to_first(inputs, geometry.data_format).to(compute)
    # Symmetric padding goes to the kernel: an explicit pad would copy the
    # input (and, channels-last, turn torch's strided view into a
    # channels-first copy that the output must be moved back from).
    if all(before == after for before, after in geometry.pads):
        padding = tuple(before for before, _ in geometry.pads)
    else:
        x = F.pad(x, _torch_pads(geometry.pads))
        padding = 0
    weight = kernel.to(compute).permute(rank + 1, rank, *range(rank)).contiguous()
    result = _CONV[rank](
        x,
        weight,
        stride=geometry.strides,
        padding=padding,
        dilation=geometry.dilation,
        groups=groups,
    )
    return _from_first(_back(result, dtype), geometry.data_format)


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
        inputs.shape,
        kernel.shape,
        strides,
        padding,
        output_padding,
        data_format,
        dilation_rate,
    )
    rank = len(geometry.window)
    dtype = inputs.dtype
    compute = _compute_dtype(inputs)
    x = _to_first(inputs, geometry.data_format).to(compute)
    # Keras's (spatial..., out, in) is torch's (in, out, spatial...).
    weight = kernel.to(compute).permute(rank + 1, rank, *range(rank)).contiguous()
    full = _TRANSPOSE[rank](
        x, weight, stride=geometry.strides, dilation=geometry.dilation
    )
    # Negative padding crops: keep [crop, crop + output), zeros past the end.
    pads = [
        (-crop, out - (size - crop))
        for crop, out, size in zip(crops, outputs, full.shape[2:], strict=True)
    ]
    result = F.pad(full, _torch_pads(pads))
    return _from_first(_back(result, dtype), geometry.data_format)


def _depthwise_kernel(op, inputs, kernel, data_format):
    """The depthwise kernel as a grouped `conv` kernel (one group a channel)."""
    shape = args.check_depthwise(
        op, tuple(inputs.shape), tuple(kernel.shape), data_format
    )
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
