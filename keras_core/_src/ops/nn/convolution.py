"""Convolutions: conv, conv_transpose, depthwise_conv and separable_conv.

Inputs are (batch, spatial..., channels) for "channels_last" or (batch,
channels, spatial...) for "channels_first" (the configured
`keras_core.config.image_data_format()` when None), with 1, 2 or 3 spatial
axes. Kernels are always (spatial..., in, out) (`conv_transpose`: (spatial...,
out, in)). "same" padding pads as TensorFlow does: the output has
ceil(size / stride) positions and an odd padding element goes after.
"""

from keras_core._src.backend.common.dtypes import result_type
from keras_core._src.ops.op_definition import backend_op

__all__ = ["conv", "conv_transpose", "depthwise_conv", "separable_conv"]


def _conv_rule(*types):
    """Inputs and kernels promoted together; the result in that dtype.

    Keras 3 requires equal dtypes; promoting instead accepts mixed ones.
    """
    dtype = result_type(*types)
    return dtype, dtype


@backend_op("nn", _conv_rule, tensors=("inputs", "kernel"))
def conv(inputs, kernel, strides=1, padding="valid", data_format=None, dilation_rate=1):
    """General N-D convolution (cross-correlation, as in deep learning).

    Args:
        inputs: Tensor of rank 3, 4 or 5 (1, 2 or 3 spatial axes).
        kernel: Tensor of shape (spatial..., in_channels, out_channels).
            Input channels that are a multiple of `in_channels` make a
            grouped convolution.
        strides: Int or tuple of ints, the step of the window per axis.
        padding: "valid" (no padding) or "same" (output size
            ceil(size / stride)).
        data_format: "channels_last", "channels_first" or None (the
            configured image data format).
        dilation_rate: Int or tuple of ints, the spacing of kernel taps.

    Returns:
        The convolved tensor, in the layout of `inputs`.

    >>> x = keras_core.ops.ones((1, 5, 2))
    >>> keras_core.ops.conv(x, keras_core.ops.ones((3, 2, 4))).shape
    (1, 3, 4)
    """


@backend_op("nn", _conv_rule, tensors=("inputs", "kernel"))
def conv_transpose(
    inputs,
    kernel,
    strides=1,
    padding="valid",
    output_padding=None,
    data_format=None,
    dilation_rate=1,
):
    """Transposed convolution (the gradient of `conv` with respect to inputs).

    Args:
        inputs: Tensor of rank 3, 4 or 5.
        kernel: Tensor of shape (spatial..., out_channels, in_channels).
        strides: Int or tuple of ints.
        padding: "valid" or "same".
        output_padding: None, or int or tuple of ints: extra positions at
            the end of each spatial axis of the output (None: output size
            size * stride for "same").
        data_format: "channels_last", "channels_first" or None.
        dilation_rate: Int or tuple of ints.

    Returns:
        The transposed convolution, in the layout of `inputs`.

    >>> x = keras_core.ops.ones((1, 4, 2))
    >>> keras_core.ops.conv_transpose(
    ...     x, keras_core.ops.ones((3, 5, 2)), strides=2).shape
    (1, 9, 5)
    """


@backend_op("nn", _conv_rule, tensors=("inputs", "kernel"))
def depthwise_conv(
    inputs, kernel, strides=1, padding="valid", data_format=None, dilation_rate=1
):
    """Depthwise convolution: each input channel convolved on its own.

    Args:
        inputs: Tensor of rank 3, 4 or 5.
        kernel: Tensor of shape (spatial..., in_channels, multiplier):
            output channel `c * multiplier + m` is channel `c` convolved
            with `kernel[..., c, m]`.
        strides: Int or tuple of ints.
        padding: "valid" or "same".
        data_format: "channels_last", "channels_first" or None.
        dilation_rate: Int or tuple of ints.

    Returns:
        Tensor with in_channels * multiplier channels.

    >>> x = keras_core.ops.ones((1, 5, 2))
    >>> keras_core.ops.depthwise_conv(x, keras_core.ops.ones((3, 2, 2))).shape
    (1, 3, 4)
    """


@backend_op(
    "nn", _conv_rule, tensors=("inputs", "depthwise_kernel", "pointwise_kernel")
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
    """Depthwise convolution followed by a pointwise (1x1) convolution.

    Args:
        inputs: Tensor of rank 3, 4 or 5.
        depthwise_kernel: Tensor of shape (spatial..., in_channels,
            multiplier), as for `depthwise_conv`.
        pointwise_kernel: Tensor of shape (1..., in_channels * multiplier,
            out_channels).
        strides: Int or tuple of ints (of the depthwise step).
        padding: "valid" or "same".
        data_format: "channels_last", "channels_first" or None.
        dilation_rate: Int or tuple of ints.

    Returns:
        Tensor with out_channels channels.

    >>> x = keras_core.ops.ones((1, 5, 2))
    >>> keras_core.ops.separable_conv(
    ...     x, keras_core.ops.ones((3, 2, 1)), keras_core.ops.ones((1, 2, 4))
    ... ).shape
    (1, 3, 4)
    """
