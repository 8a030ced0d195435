"""`SpatialConvolution`: what every convolution layer shares.

The spatial arguments (`kernel_size`, `strides`, `padding`, `data_format`,
`dilation_rate`), the activation, the optional bias and the output-shape
arithmetic are the same for plain, transposed, depthwise and separable
convolutions; the subclasses add their kernels and the op they call.
"""

from keras_core import ops
from keras_core._src import activations
from keras_core._src import constraints
from keras_core._src import initializers
from keras_core._src import regularizers
from keras_core._src.layers import input_spec as input_spec_lib
from keras_core._src.layers.convolution import conv_arguments
from keras_core._src.layers.layer import Layer


class SpatialConvolution(Layer):
    """Base of the convolution layers over `rank` spatial axes.

    Args:
        rank: The number of spatial axes (1, 2 or 3).
        kernel_size: An int or a tuple of `rank` ints: the window size.
        strides: An int or a tuple of `rank` ints: the step of the window.
        padding: `"valid"` or `"same"` (and `"causal"` where the subclass
            lists it in `allowed_paddings`), case-insensitive.
        data_format: `"channels_last"` or `"channels_first"`; the global
            `keras_core.config.image_data_format()` when None.
        dilation_rate: An int or a tuple of `rank` ints: the spacing of
            the window's taps.
        activation: Activation function (object or name); none by default.
        use_bias: Whether a bias vector is added to the outputs.
        bias_initializer: Initializer of the bias vector.
        bias_regularizer: Regularizer applied to the bias.
        bias_constraint: Constraint applied to the bias.
        activity_regularizer: Regularizer applied to the outputs.
        **kwargs: Base layer arguments (`name`, `dtype`, `trainable`, ...).
    """

    allowed_paddings = ("valid", "same")

    def __init__(
        self,
        rank,
        kernel_size,
        strides=1,
        padding="valid",
        data_format=None,
        dilation_rate=1,
        activation=None,
        use_bias=True,
        bias_initializer="zeros",
        bias_regularizer=None,
        bias_constraint=None,
        activity_regularizer=None,
        **kwargs,
    ):
        super().__init__(activity_regularizer=activity_regularizer, **kwargs)
        name = type(self).__name__
        self.rank = rank
        self.kernel_size = conv_arguments.standardize_tuple(
            name, "kernel_size", kernel_size, rank
        )
        self.strides = conv_arguments.standardize_tuple(name, "strides", strides, rank)
        self.padding = conv_arguments.standardize_padding(
            name, padding, self.allowed_paddings
        )
        self.data_format = conv_arguments.standardize_data_format(name, data_format)
        self.dilation_rate = conv_arguments.standardize_tuple(
            name, "dilation_rate", dilation_rate, rank
        )
        self.activation = activations.get(activation)
        self.use_bias = use_bias
        self.bias_initializer = initializers.get(bias_initializer)
        self.bias_regularizer = regularizers.get(bias_regularizer)
        self.bias_constraint = constraints.get(bias_constraint)
        self.input_spec = input_spec_lib.InputSpec(ndim=rank + 2)
        self.bias = None

    @property
    def activation(self):
        """The activation function applied to the outputs."""
        return self._activation

    @activation.setter
    def activation(self, value):
        self._activation = value
        # `call` skips the identity rather than paying a function call.
        self._activation_or_none = None if value is activations.get("linear") else value

    @property
    def channel_axis(self):
        """The axis of the channels: -1 (channels last) or 1 (channels first)."""
        return -1 if self.data_format == "channels_last" else 1

    def _input_channels(self, input_shape):
        """Checks the rank of `input_shape` and returns its channel count.

        Also pins the channel count in `input_spec`, so later calls with
        another number of channels fail with both shapes in the message.
        """
        input_shape = tuple(input_shape)
        if len(input_shape) != self.rank + 2:
            raise ValueError(
                f"{type(self).__name__} layer '{self.name}' expects inputs of "
                f"rank {self.rank + 2} (batch, {self.rank} spatial axes, "
                f"channels), but received input_shape={input_shape}."
            )
        channels = input_shape[self.channel_axis]
        if channels is None:
            raise ValueError(
                f"{type(self).__name__} layer '{self.name}' needs the channel "
                f"axis ({self.channel_axis}, data_format='{self.data_format}') "
                "of its input to be defined to create its kernel. Received: "
                f"input_shape={input_shape}"
            )
        self.input_spec = input_spec_lib.InputSpec(
            ndim=self.rank + 2, axes={self.channel_axis: channels}
        )
        return channels

    def _build_bias(self, size):
        """Creates the bias (when `use_bias`) and its broadcast shape."""
        if not self.use_bias:
            return
        self.bias = self.add_weight(
            name="bias",
            shape=(size,),
            initializer=self.bias_initializer,
            regularizer=self.bias_regularizer,
            constraint=self.bias_constraint,
        )
        # Channels first needs the bias shaped (size, 1, ...) to broadcast.
        self._bias_shape = None
        if self.channel_axis == 1:
            self._bias_shape = (size,) + (1,) * self.rank

    def _add_bias_and_activate(self, outputs):
        bias = self.bias
        if bias is not None:
            value = bias.value
            if self._bias_shape is not None:
                value = ops.reshape(value, self._bias_shape)
            outputs = ops.add(outputs, value)
        activation = self._activation_or_none
        if activation is not None:
            outputs = activation(outputs)
        return outputs

    def _output_spatial_shape(self, spatial_shape):
        """The output's spatial sizes for input sizes `spatial_shape`."""
        return [
            conv_arguments.conv_output_length(
                length,
                self.kernel_size[i],
                self.strides[i],
                self.padding,
                self.dilation_rate[i],
            )
            for i, length in enumerate(spatial_shape)
        ]

    def _output_channels(self, input_channels):
        raise NotImplementedError

    def compute_output_shape(self, input_shape):
        input_shape = tuple(input_shape)
        if len(input_shape) != self.rank + 2:
            raise ValueError(
                f"{type(self).__name__} layer '{self.name}' expects inputs of "
                f"rank {self.rank + 2}, but received input_shape={input_shape}."
            )
        if self.channel_axis == -1:
            spatial_shape = input_shape[1:-1]
        else:
            spatial_shape = input_shape[2:]
        spatial = self._output_spatial_shape(spatial_shape)
        if any(size is not None and size <= 0 for size in spatial):
            raise ValueError(
                f"{type(self).__name__} layer '{self.name}': computed output "
                "size would be zero or negative. Received "
                f"input_shape={input_shape}, kernel_size={self.kernel_size}, "
                f"strides={self.strides}, dilation_rate={self.dilation_rate}, "
                f"padding='{self.padding}'. Use a larger input, a smaller "
                "kernel or padding='same'."
            )
        channels = self._output_channels(input_shape[self.channel_axis])
        if self.channel_axis == -1:
            return (input_shape[0], *spatial, channels)
        return (input_shape[0], channels, *spatial)
