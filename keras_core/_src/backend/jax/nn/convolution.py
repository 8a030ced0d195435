"""The jax backend table: nn convolution ops.

See keras_core/_src/ops/nn/convolution.py for the declarations. Paddings
come from `conv_arguments` (TensorFlow's "same") and are passed to
`lax.conv_general_dilated` explicitly; the transposed convolution is the
input-dilated convolution with the flipped kernel, cropped as Keras does.
"""

import jax.numpy as jnp
from jax import lax

from keras_core._src.backend.common import conv_arguments as args


def _dimension_numbers(rank, data_format):
    spatial = "DHW"[3 - rank :]
    lhs = f"N{spatial}C" if data_format == "channels_last" else f"NC{spatial}"
    return (lhs, f"{spatial}IO", lhs)


def _conv(op, inputs, kernel, strides, padding, data_format, dilation_rate):
    geometry = args.conv_geometry(
        op, inputs.shape, kernel.shape, strides, padding, data_format, dilation_rate
    )
    groups = args.check_groups(op, geometry.channels, *kernel.shape[-2:])
    dtype = inputs.dtype
    if dtype == jnp.bool_:
        # XLA has no boolean convolution: count in int32, then test for any.
        inputs, kernel = inputs.astype(jnp.int32), kernel.astype(jnp.int32)
    result = lax.conv_general_dilated(
        inputs,
        kernel,
        window_strides=geometry.strides,
        padding=geometry.pads,
        rhs_dilation=geometry.dilation,
        dimension_numbers=_dimension_numbers(
            len(geometry.window), geometry.data_format
        ),
        feature_group_count=groups,
    )
    return result != 0 if dtype == jnp.bool_ else result


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
    pads = []
    for axis in range(rank):
        extent = (geometry.window[axis] - 1) * geometry.dilation[axis] + 1
        dilated = (geometry.spatial[axis] - 1) * geometry.strides[axis] + 1
        before = extent - 1 - crops[axis]
        pads.append((before, outputs[axis] - dilated + crops[axis]))
    # (spatial..., out, in) flipped is the (spatial..., in, out) kernel of
    # the convolution whose input gradient this is.
    flipped = jnp.flip(kernel, axis=tuple(range(rank))).swapaxes(-1, -2)
    dtype = inputs.dtype
    if dtype == jnp.bool_:
        inputs, flipped = inputs.astype(jnp.int32), flipped.astype(jnp.int32)
    result = lax.conv_general_dilated(
        inputs,
        flipped,
        window_strides=(1,) * rank,
        padding=pads,
        lhs_dilation=geometry.strides,
        rhs_dilation=geometry.dilation,
        dimension_numbers=_dimension_numbers(rank, geometry.data_format),
    )
    return result != 0 if dtype == jnp.bool_ else result


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
