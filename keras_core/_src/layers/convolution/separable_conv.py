"""`SeparableConv1D` and `SeparableConv2D` (aliases `SeparableConvolution*D`)."""

from keras_core._src.api_export import keras_public
from keras_core._src.layers.convolution.base_separable_conv import BaseSeparableConv

__all__ = [
    "SeparableConv1D",
    "SeparableConv2D",
    "SeparableConvolution1D",
    "SeparableConvolution2D",
]

_ARGS = """
    Args:
        filters: The number of output channels, a positive integer.
        kernel_size: An int or a tuple of {rank} ints: the depthwise
            window size.
        strides: An int or a tuple of {rank} ints: the window's step.
        padding: `"valid"` or `"same"` (case-insensitive).
        data_format: `"channels_last"` or `"channels_first"`;
            `keras_core.config.image_data_format()` when None.
        dilation_rate: An int or a tuple of {rank} ints: the spacing of
            the depthwise kernel's taps.
        depth_multiplier: Depthwise outputs per input channel.
        activation: Activation function (object or name); none by default.
        use_bias: Whether a bias vector is added to the outputs.
        depthwise_initializer: Initializer of the depthwise kernel.
        pointwise_initializer: Initializer of the pointwise kernel.
        bias_initializer: Initializer of the bias.
        depthwise_regularizer: Regularizer applied to the depthwise kernel.
        pointwise_regularizer: Regularizer applied to the pointwise kernel.
        bias_regularizer: Regularizer applied to the bias.
        activity_regularizer: Regularizer applied to the outputs.
        depthwise_constraint: Constraint applied to the depthwise kernel.
        pointwise_constraint: Constraint applied to the pointwise kernel.
        bias_constraint: Constraint applied to the bias.
        **kwargs: Base layer arguments (`name`, `dtype`, `trainable`, ...).

    Returns:
        A tensor of rank {ndim} with `filters` channels: a depthwise
        convolution (`depthwise_kernel`) followed by a pointwise one
        (`pointwise_kernel`), plus bias, through the activation.
"""


def _documented(rank):
    def decorate(cls):
        args = _ARGS.format(rank=rank, ndim=rank + 2).strip()
        cls.__doc__ = cls.__doc__.replace("{args}", args)
        return cls

    return decorate


@keras_public("keras.layers")
@_documented(1)
class SeparableConv1D(BaseSeparableConv):
    """1D separable convolution: a depthwise, then a pointwise convolution.

    Cheaper than a `Conv1D` of the same size: each channel is filtered on
    its own, then a 1-wide convolution mixes the channels.

    {args}

    Example:

    >>> layer = keras_core.layers.SeparableConv1D(4, 3)
    >>> layer(numpy.ones((2, 10, 6))).shape
    (2, 8, 4)
    """

    def __init__(
        self,
        filters,
        kernel_size,
        strides=1,
        padding="valid",
        data_format=None,
        dilation_rate=1,
        depth_multiplier=1,
        activation=None,
        use_bias=True,
        depthwise_initializer="glorot_uniform",
        pointwise_initializer="glorot_uniform",
        bias_initializer="zeros",
        depthwise_regularizer=None,
        pointwise_regularizer=None,
        bias_regularizer=None,
        activity_regularizer=None,
        depthwise_constraint=None,
        pointwise_constraint=None,
        bias_constraint=None,
        **kwargs,
    ):
        super().__init__(
            rank=1,
            depth_multiplier=depth_multiplier,
            filters=filters,
            kernel_size=kernel_size,
            strides=strides,
            padding=padding,
            data_format=data_format,
            dilation_rate=dilation_rate,
            activation=activation,
            use_bias=use_bias,
            depthwise_initializer=depthwise_initializer,
            pointwise_initializer=pointwise_initializer,
            bias_initializer=bias_initializer,
            depthwise_regularizer=depthwise_regularizer,
            pointwise_regularizer=pointwise_regularizer,
            bias_regularizer=bias_regularizer,
            activity_regularizer=activity_regularizer,
            depthwise_constraint=depthwise_constraint,
            pointwise_constraint=pointwise_constraint,
            bias_constraint=bias_constraint,
            **kwargs,
        )


@keras_public("keras.layers")
@_documented(2)
class SeparableConv2D(BaseSeparableConv):
    """2D separable convolution: a depthwise, then a pointwise convolution.

    Cheaper than a `Conv2D` of the same size: each channel is filtered on
    its own, then a 1x1 convolution mixes the channels.

    {args}

    Example:

    >>> layer = keras_core.layers.SeparableConv2D(4, 3, padding="same")
    >>> layer(numpy.ones((2, 5, 5, 6))).shape
    (2, 5, 5, 4)
    """

    def __init__(
        self,
        filters,
        kernel_size,
        strides=(1, 1),
        padding="valid",
        data_format=None,
        dilation_rate=(1, 1),
        depth_multiplier=1,
        activation=None,
        use_bias=True,
        depthwise_initializer="glorot_uniform",
        pointwise_initializer="glorot_uniform",
        bias_initializer="zeros",
        depthwise_regularizer=None,
        pointwise_regularizer=None,
        bias_regularizer=None,
        activity_regularizer=None,
        depthwise_constraint=None,
        pointwise_constraint=None,
        bias_constraint=None,
        **kwargs,
    ):
        super().__init__(
            rank=2,
            depth_multiplier=depth_multiplier,
            filters=filters,
            kernel_size=kernel_size,
            strides=strides,
            padding=padding,
            data_format=data_format,
            dilation_rate=dilation_rate,
            activation=activation,
            use_bias=use_bias,
            depthwise_initializer=depthwise_initializer,
            pointwise_initializer=pointwise_initializer,
            bias_initializer=bias_initializer,
            depthwise_regularizer=depthwise_regularizer,
            pointwise_regularizer=pointwise_regularizer,
            bias_regularizer=bias_regularizer,
            activity_regularizer=activity_regularizer,
            depthwise_constraint=depthwise_constraint,
            pointwise_constraint=pointwise_constraint,
            bias_constraint=bias_constraint,
            **kwargs,
        )


SeparableConvolution1D = SeparableConv1D
SeparableConvolution2D = SeparableConv2D
