"""`BaseConvTranspose`: the transposed convolution behind `Conv*DTranspose`."""

from keras_core import ops
from keras_core._src import activations
from keras_core._src import constraints
from keras_core._src import initializers
from keras_core._src import regularizers
from keras_core._src.layers.convolution import conv_arguments
from keras_core._src.layers.convolution.spatial_conv import SpatialConvolution


class BaseConvTranspose(SpatialConvolution):
    """N-D transposed convolution (the gradient of a convolution).

    Maps each input position to a `kernel_size` window of the output, so
    `strides` upsample: with `padding="same"` and no `output_padding` the
    output is `input * strides` long. The kernel has shape
    `kernel_size + (filters, input_channels)`.

    Args:
        rank: The number of spatial axes.
        filters: The number of output channels, a positive integer.
        kernel_size: An int or a tuple of `rank` ints.
        strides: An int or a tuple of `rank` ints; > 1 excludes
            `dilation_rate` > 1.
        padding: `"valid"` or `"same"`.
        output_padding: None, or an int or tuple of `rank` ints, each
            smaller than its stride: extra length added at the end of each
            spatial axis (picks one of the lengths a strided convolution
            could have come from). None infers it.
        data_format: `"channels_last"` or `"channels_first"`.
        dilation_rate: An int or a tuple of `rank` ints.
        activation: Activation function; none by default.
        use_bias: Whether a bias vector is added.
        kernel_initializer: Initializer of the kernel.
        bias_initializer: Initializer of the bias.
        kernel_regularizer: Regularizer applied to the kernel.
        bias_regularizer: Regularizer applied to the bias.
        activity_regularizer: Regularizer applied to the outputs.
        kernel_constraint: Constraint applied to the kernel.
        bias_constraint: Constraint applied to the bias.
        **kwargs: Base layer arguments (`name`, `dtype`, `trainable`, ...).
    """

    def __init__(
        self,
        rank,
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
        name = type(self).__name__
        conv_arguments.check_positive_int(name, "filters", filters)
        super().__init__(
            rank,
            kernel_size,
            strides=strides,
            padding=padding,
            data_format=data_format,
            dilation_rate=dilation_rate,
            activation=activation,
            use_bias=use_bias,
            bias_initializer=bias_initializer,
            bias_regularizer=bias_regularizer,
            bias_constraint=bias_constraint,
            activity_regularizer=activity_regularizer,
            **kwargs,
        )
        conv_arguments.check_strides_with_dilation(
            name, self.strides, self.dilation_rate
        )
        if output_padding is not None:
            output_padding = conv_arguments.standardize_tuple(
                name, "output_padding", output_padding, rank, allow_zero=True
            )
            for axis, (pad, stride) in enumerate(
                zip(output_padding, self.strides, strict=True)
            ):
                if pad >= stride:
                    raise ValueError(
                        f"{name}: `output_padding` must be strictly less than "
                        f"`strides` for all dimensions. At dimension {axis}, "
                        f"`output_padding` is {pad} but `strides` is {stride}. "
                        f"Received: output_padding={output_padding}, "
                        f"strides={self.strides}"
                    )
        self.filters = filters
        self.output_padding = output_padding
        self.kernel_initializer = initializers.get(kernel_initializer)
        self.kernel_regularizer = regularizers.get(kernel_regularizer)
        self.kernel_constraint = constraints.get(kernel_constraint)

    def build(self, input_shape):
        channels = self._input_channels(input_shape)
        self.compute_output_shape(input_shape)
        self.kernel = self.add_weight(
            name="kernel",
            shape=(*self.kernel_size, self.filters, channels),
            initializer=self.kernel_initializer,
            regularizer=self.kernel_regularizer,
            constraint=self.kernel_constraint,
        )
        self._build_bias(self.filters)

    def call(self, inputs):
        outputs = ops.conv_transpose(
            inputs,
            self.kernel.value,
            strides=self.strides,
            padding=self.padding,
            output_padding=self.output_padding,
            data_format=self.data_format,
            dilation_rate=self.dilation_rate,
        )
        return self._add_bias_and_activate(outputs)

    def _output_spatial_shape(self, spatial_shape):
        return [
            conv_arguments.transpose_output_length(
                length,
                self.kernel_size[i],
                self.strides[i],
                self.padding,
                None if self.output_padding is None else self.output_padding[i],
                self.dilation_rate[i],
            )
            for i, length in enumerate(spatial_shape)
        ]

    def _output_channels(self, input_channels):
        return self.filters

    def get_config(self):
        return {
            **super().get_config(),
            "filters": self.filters,
            "kernel_size": self.kernel_size,
            "strides": self.strides,
            "padding": self.padding,
            "output_padding": self.output_padding,
            "data_format": self.data_format,
            "dilation_rate": self.dilation_rate,
            "activation": activations.serialize(self.activation),
            "use_bias": self.use_bias,
            "kernel_initializer": initializers.serialize(self.kernel_initializer),
            "bias_initializer": initializers.serialize(self.bias_initializer),
            "kernel_regularizer": regularizers.serialize(self.kernel_regularizer),
            "bias_regularizer": regularizers.serialize(self.bias_regularizer),
            "activity_regularizer": regularizers.serialize(self.activity_regularizer),
            "kernel_constraint": constraints.serialize(self.kernel_constraint),
            "bias_constraint": constraints.serialize(self.bias_constraint),
        }
