"""`Conv1DTranspose`, `Conv2DTranspose`, `Conv3DTranspose` (and aliases)."""

from keras_core._src.api_export import keras_public
from keras_core._src.layers.convolution.base_conv_transpose import BaseConvTranspose

__all__ = [
    "Conv1DTranspose",
    "Conv2DTranspose",
    "Conv3DTranspose",
    "Convolution1DTranspose",
    "Convolution2DTranspose",
    "Convolution3DTranspose",
]

_ARGS = """
    Args:
        filters: The number of output channels, a positive integer.
        kernel_size: An int or a tuple of {rank} ints: the window size.
        strides: An int or a tuple of {rank} ints: the upsampling factor. A
            stride > 1 cannot be combined with a `dilation_rate` > 1.
        padding: `"valid"` or `"same"` (case-insensitive). With `"same"`
            (and no `output_padding`) the output is `input * strides`
            long; with `"valid"`, `input * strides + max(kernel - strides,
            0)`.
        output_padding: None, or an int or a tuple of {rank} ints, each
            smaller than its stride: the amount added at the end of each
            spatial axis, choosing among the input lengths a strided
            convolution maps to the same output length. None infers it.
        data_format: `"channels_last"` or `"channels_first"`;
            `keras_core.config.image_data_format()` when None.
        dilation_rate: An int or a tuple of {rank} ints: the spacing of
            the kernel's taps.
        activation: Activation function (object or name); none by default.
        use_bias: Whether a bias vector is added to the outputs.
        kernel_initializer: Initializer of the kernel.
        bias_initializer: Initializer of the bias.
        kernel_regularizer: Regularizer applied to the kernel.
        bias_regularizer: Regularizer applied to the bias.
        activity_regularizer: Regularizer applied to the outputs.
        kernel_constraint: Constraint applied to the kernel.
        bias_constraint: Constraint applied to the bias.
        **kwargs: Base layer arguments (`name`, `dtype`, `trainable`, ...).

    Returns:
        A tensor of rank {ndim}: the transposed convolution of the inputs
        with `kernel` (shape `kernel_size + (filters, input_channels)`),
        plus bias, through the activation.
"""


def _documented(rank):
    def decorate(cls):
        args = _ARGS.format(rank=rank, ndim=rank + 2).strip()
        cls.__doc__ = cls.__doc__.replace("{args}", args)
        return cls

    return decorate


@keras_public("keras.layers")
@_documented(1)
class Conv1DTranspose(BaseConvTranspose):
    """1D transposed convolution layer (sometimes called deconvolution).

    Goes the opposite way of a `Conv1D`: from something shaped like its
    output to something shaped like its input, upsampling by `strides`.

    {args}

    Example:

    >>> layer = keras_core.layers.Conv1DTranspose(4, 3, strides=2, padding="same")
    >>> layer(numpy.ones((2, 5, 8))).shape
    (2, 10, 4)
    """

    def __init__(
        self,
        filters,
        kernel_size,
        strides=1,
        padding="valid",
        output_padding=None,
        data_format=None,
        dilation_rate=1,
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
            output_padding=output_padding,
            data_format=data_format,
            dilation_rate=dilation_rate,
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
class Conv2DTranspose(BaseConvTranspose):
    """2D transposed convolution layer (sometimes called deconvolution).

    Goes the opposite way of a `Conv2D`: from something shaped like its
    output to something shaped like its input, upsampling by `strides`.

    {args}

    Example:

    >>> layer = keras_core.layers.Conv2DTranspose(4, 3, strides=2, padding="same")
    >>> layer(numpy.ones((2, 5, 6, 8))).shape
    (2, 10, 12, 4)
    """

    def __init__(
        self,
        filters,
        kernel_size,
        strides=(1, 1),
        padding="valid",
        output_padding=None,
        data_format=None,
        dilation_rate=(1, 1),
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
            output_padding=output_padding,
            data_format=data_format,
            dilation_rate=dilation_rate,
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
class Conv3DTranspose(BaseConvTranspose):
    """3D transposed convolution layer (sometimes called deconvolution).

    Goes the opposite way of a `Conv3D`: from something shaped like its
    output to something shaped like its input, upsampling by `strides`.
    (As in Keras, `data_format` comes before `output_padding` here.)

    {args}

    Example:

    >>> layer = keras_core.layers.Conv3DTranspose(4, 2, strides=2)
    >>> layer(numpy.ones((2, 3, 4, 5, 8))).shape
    (2, 6, 8, 10, 4)
    """

    def __init__(
        self,
        filters,
        kernel_size,
        strides=(1, 1, 1),
        padding="valid",
        data_format=None,
        output_padding=None,
        dilation_rate=(1, 1, 1),
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
            output_padding=output_padding,
            data_format=data_format,
            dilation_rate=dilation_rate,
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


Convolution1DTranspose = Conv1DTranspose
Convolution2DTranspose = Conv2DTranspose
Convolution3DTranspose = Conv3DTranspose
