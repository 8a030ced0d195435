"""`DepthwiseConv1D` and `DepthwiseConv2D`."""

from keras_core._src.api_export import keras_public
from keras_core._src.layers.convolution.base_depthwise_conv import BaseDepthwiseConv

__all__ = ["DepthwiseConv1D", "DepthwiseConv2D"]

_ARGS = """
    Args:
        kernel_size: An int or a tuple of {rank} ints: the window size.
        strides: An int or a tuple of {rank} ints: the window's step.
        padding: `"valid"` or `"same"` (case-insensitive).
        depth_multiplier: Output channels per input channel, a positive
            integer: output channel `c * depth_multiplier + m` is filter
            `m` of input channel `c`.
        data_format: `"channels_last"` or `"channels_first"`;
            `keras_core.config.image_data_format()` when None.
        dilation_rate: An int or a tuple of {rank} ints: the spacing of
            the kernel's taps.
        activation: Activation function (object or name); none by default.
        use_bias: Whether a bias vector is added to the outputs.
        depthwise_initializer: Initializer of the kernel.
        bias_initializer: Initializer of the bias.
        depthwise_regularizer: Regularizer applied to the kernel.
        bias_regularizer: Regularizer applied to the bias.
        activity_regularizer: Regularizer applied to the outputs.
        depthwise_constraint: Constraint applied to the kernel.
        bias_constraint: Constraint applied to the bias.
        **kwargs: Base layer arguments (`name`, `dtype`, `trainable`, ...).

    Returns:
        A tensor of rank {ndim} with `input_channels * depth_multiplier`
        channels: each channel convolved with its own filters (`kernel`,
        shape `kernel_size + (input_channels, depth_multiplier)`), plus
        bias, through the activation.
"""


def _documented(rank):
    def decorate(cls):
        args = _ARGS.format(rank=rank, ndim=rank + 2).strip()
        cls.__doc__ = cls.__doc__.replace("{args}", args)
        return cls

    return decorate


@keras_public("keras.layers")
@_documented(1)
class DepthwiseConv1D(BaseDepthwiseConv):
    """1D depthwise convolution layer: each channel filtered on its own.

    {args}

    Example:

    >>> layer = keras_core.layers.DepthwiseConv1D(3, depth_multiplier=2)
    >>> layer(numpy.ones((2, 10, 4))).shape
    (2, 8, 8)
    """

    def __init__(
        self,
        kernel_size,
        strides=1,
        padding="valid",
        depth_multiplier=1,
        data_format=None,
        dilation_rate=1,
        activation=None,
        use_bias=True,
        depthwise_initializer="glorot_uniform",
        bias_initializer="zeros",
        depthwise_regularizer=None,
        bias_regularizer=None,
        activity_regularizer=None,
        depthwise_constraint=None,
        bias_constraint=None,
        **kwargs,
    ):
        super().__init__(
            rank=1,
            depth_multiplier=depth_multiplier,
            kernel_size=kernel_size,
            strides=strides,
            padding=padding,
            data_format=data_format,
            dilation_rate=dilation_rate,
            activation=activation,
            use_bias=use_bias,
            depthwise_initializer=depthwise_initializer,
            bias_initializer=bias_initializer,
            depthwise_regularizer=depthwise_regularizer,
            bias_regularizer=bias_regularizer,
            activity_regularizer=activity_regularizer,
            depthwise_constraint=depthwise_constraint,
            bias_constraint=bias_constraint,
            **kwargs,
        )


@keras_public("keras.layers")
@_documented(2)
class DepthwiseConv2D(BaseDepthwiseConv):
    """2D depthwise convolution layer: each channel filtered on its own.

    {args}

    Example:

    >>> layer = keras_core.layers.DepthwiseConv2D(3, padding="same")
    >>> layer(numpy.ones((2, 6, 6, 4))).shape
    (2, 6, 6, 4)
    """

    def __init__(
        self,
        kernel_size,
        strides=(1, 1),
        padding="valid",
        depth_multiplier=1,
        data_format=None,
        dilation_rate=(1, 1),
        activation=None,
        use_bias=True,
        depthwise_initializer="glorot_uniform",
        bias_initializer="zeros",
        depthwise_regularizer=None,
        bias_regularizer=None,
        activity_regularizer=None,
        depthwise_constraint=None,
        bias_constraint=None,
        **kwargs,
    ):
        super().__init__(
            rank=2,
            depth_multiplier=depth_multiplier,
            kernel_size=kernel_size,
            strides=strides,
            padding=padding,
            data_format=data_format,
            dilation_rate=dilation_rate,
            activation=activation,
            use_bias=use_bias,
            depthwise_initializer=depthwise_initializer,
            bias_initializer=bias_initializer,
            depthwise_regularizer=depthwise_regularizer,
            bias_regularizer=bias_regularizer,
            activity_regularizer=activity_regularizer,
            depthwise_constraint=depthwise_constraint,
            bias_constraint=bias_constraint,
            **kwargs,
        )
