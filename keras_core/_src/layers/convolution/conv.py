"""`Conv1D`, `Conv2D` and `Conv3D` (aliases `Convolution1D/2D/3D`)."""

from keras_core._src.api_export import keras_public
from keras_core._src.layers.convolution.base_conv import BaseConv

__all__ = [
    "Conv1D",
    "Conv2D",
    "Conv3D",
    "Convolution1D",
    "Convolution2D",
    "Convolution3D",
]

_ARGS = """
    Args:
        filters: The number of output channels, a positive integer.
        kernel_size: An int or a tuple of {rank} ints: the window size.
        strides: An int or a tuple of {rank} ints: the window's step. A
            stride > 1 cannot be combined with a `dilation_rate` > 1.
        padding: {padding} (case-insensitive). `"valid"` means no padding;
            `"same"` pads evenly so that the output has
            `ceil(input / strides)` positions.{causal}
        data_format: `"channels_last"` (inputs `(batch, *spatial,
            channels)`) or `"channels_first"` (`(batch, channels,
            *spatial)`); `keras_core.config.image_data_format()` when None.
        dilation_rate: An int or a tuple of {rank} ints: the spacing of
            the kernel's taps (atrous convolution).
        groups: A positive integer dividing `filters` and the input
            channels: the channels split into `groups` independent
            convolutions whose outputs are concatenated.
        activation: Activation function (object or name); none by default.
        use_bias: Whether a bias vector is added to the outputs.
        kernel_initializer: Initializer of the kernel.
        bias_initializer: Initializer of the bias.
        kernel_regularizer: Regularizer applied to the kernel.
        bias_regularizer: Regularizer applied to the bias.
        activity_regularizer: Regularizer applied to the outputs.
        kernel_constraint: Constraint applied to the kernel.
        bias_constraint: Constraint applied to the bias.
        **kwargs: Base layer arguments (`name`, `dtype`, `trainable`, ...)
            and `lora_rank`/`lora_alpha` to build with LoRA enabled.

    Returns:
        A tensor of rank {ndim}: `activation(conv(inputs, kernel) + bias)`.
"""


def _documented(rank, causal=False):
    def decorate(cls):
        cls.__doc__ = cls.__doc__.replace(
            "{args}",
            _ARGS.format(
                rank=rank,
                ndim=rank + 2,
                padding='`"valid"`, `"same"` or `"causal"`'
                if causal
                else '`"valid"` or `"same"`',
                causal=(
                    ' `"causal"` pads on the left only, so output `t` '
                    "depends on inputs up to `t` (temporal models)."
                )
                if causal
                else "",
            ).strip(),
        )
        return cls

    return decorate


@keras_public("keras.layers")
@_documented(1, causal=True)
class Conv1D(BaseConv):
    """1D convolution layer (e.g. temporal convolution).

    Convolves a `kernel` of shape `(kernel_size, input_channels // groups,
    filters)` over the single spatial axis of the inputs.

    {args}

    Example:

    >>> layer = keras_core.layers.Conv1D(4, 3, padding="causal")
    >>> layer(numpy.ones((2, 10, 8))).shape
    (2, 10, 4)
    """

    allowed_paddings = ("valid", "same", "causal")

    def __init__(
        self,
        filters,
        kernel_size,
        strides=1,
        padding="valid",
        data_format=None,
        dilation_rate=1,
        groups=1,
        activation=None,
        use_bias=True,
        kernel_initializer="glorot_uniform",
        bias_initializer="zeros",
        kernel_regularizer=None,
        bias_regularizer=None,
        activity_regularizer=None,
        kernel_constraint=None,
        bias_constraint=None,
        **kwargs,
    ):
        super().__init__(
            rank=1,
            filters=filters,
            kernel_size=kernel_size,
            strides=strides,
            padding=padding,
            data_format=data_format,
            dilation_rate=dilation_rate,
            groups=groups,
            activation=activation,
            use_bias=use_bias,
            kernel_initializer=kernel_initializer,
            bias_initializer=bias_initializer,
            kernel_regularizer=kernel_regularizer,
            bias_regularizer=bias_regularizer,
            activity_regularizer=activity_regularizer,
            kernel_constraint=kernel_constraint,
            bias_constraint=bias_constraint,
            **kwargs,
        )


@keras_public("keras.layers")
@_documented(2)
class Conv2D(BaseConv):
    """2D convolution layer (e.g. spatial convolution over images).

    Convolves a `kernel` of shape `kernel_size + (input_channels // groups,
    filters)` over the two spatial axes of the inputs.

    {args}

    Example:

    >>> layer = keras_core.layers.Conv2D(4, 3, strides=2, padding="same")
    >>> layer(numpy.ones((2, 9, 9, 3))).shape
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
        groups=1,
        activation=None,
        use_bias=True,
        kernel_initializer="glorot_uniform",
        bias_initializer="zeros",
        kernel_regularizer=None,
        bias_regularizer=None,
        activity_regularizer=None,
        kernel_constraint=None,
        bias_constraint=None,
        **kwargs,
    ):
        super().__init__(
            rank=2,
            filters=filters,
            kernel_size=kernel_size,
            strides=strides,
            padding=padding,
            data_format=data_format,
            dilation_rate=dilation_rate,
            groups=groups,
            activation=activation,
            use_bias=use_bias,
            kernel_initializer=kernel_initializer,
            bias_initializer=bias_initializer,
            kernel_regularizer=kernel_regularizer,
            bias_regularizer=bias_regularizer,
            activity_regularizer=activity_regularizer,
            kernel_constraint=kernel_constraint,
            bias_constraint=bias_constraint,
            **kwargs,
        )


@keras_public("keras.layers")
@_documented(3)
class Conv3D(BaseConv):
    """3D convolution layer (e.g. spatial convolution over volumes).

    Convolves a `kernel` of shape `kernel_size + (input_channels // groups,
    filters)` over the three spatial axes of the inputs.

    {args}

    Example:

    >>> layer = keras_core.layers.Conv3D(4, 3)
    >>> layer(numpy.ones((2, 5, 6, 7, 3))).shape
    (2, 3, 4, 5, 4)
    """

    def __init__(
        self,
        filters,
        kernel_size,
        strides=(1, 1, 1),
        padding="valid",
        data_format=None,
        dilation_rate=(1, 1, 1),
        groups=1,
        activation=None,
        use_bias=True,
        kernel_initializer="glorot_uniform",
        bias_initializer="zeros",
        kernel_regularizer=None,
        bias_regularizer=None,
        activity_regularizer=None,
        kernel_constraint=None,
        bias_constraint=None,
        **kwargs,
    ):
        super().__init__(
            rank=3,
            filters=filters,
            kernel_size=kernel_size,
            strides=strides,
            padding=padding,
            data_format=data_format,
            dilation_rate=dilation_rate,
            groups=groups,
            activation=activation,
            use_bias=use_bias,
            kernel_initializer=kernel_initializer,
            bias_initializer=bias_initializer,
            kernel_regularizer=kernel_regularizer,
            bias_regularizer=bias_regularizer,
            activity_regularizer=activity_regularizer,
            kernel_constraint=kernel_constraint,
            bias_constraint=bias_constraint,
            **kwargs,
        )


Convolution1D = Conv1D
Convolution2D = Conv2D
Convolution3D = Conv3D
