"""`BaseConv`: the N-D convolution behind `Conv1D`, `Conv2D` and `Conv3D`."""

from keras_core import ops
from keras_core._src import activations
from keras_core._src import constraints
from keras_core._src import initializers
from keras_core._src import regularizers
from keras_core._src.layers.convolution import conv_arguments
from keras_core._src.layers.convolution.spatial_conv import SpatialConvolution
from keras_core._src.layers.core import lora


class BaseConv(SpatialConvolution):
    """N-D convolution: `activation(conv(inputs, kernel) + bias)`.

    The kernel has shape `kernel_size + (input_channels // groups, filters)`.
    With `groups > 1` the channels split into `groups` independent
    convolutions whose outputs are concatenated.

    Args:
        rank: The number of spatial axes.
        filters: The number of output channels, a positive integer.
        kernel_size: An int or a tuple of `rank` ints.
        strides: An int or a tuple of `rank` ints; > 1 excludes
            `dilation_rate` > 1.
        padding: `"valid"` or `"same"` (`"causal"` for `Conv1D`).
        data_format: `"channels_last"` or `"channels_first"`.
        dilation_rate: An int or a tuple of `rank` ints.
        groups: A positive integer dividing both `filters` and the input
            channels.
        activation: Activation function; none by default.
        use_bias: Whether a bias vector is added.
        kernel_initializer: Initializer of the kernel.
        bias_initializer: Initializer of the bias.
        kernel_regularizer: Regularizer applied to the kernel.
        bias_regularizer: Regularizer applied to the bias.
        activity_regularizer: Regularizer applied to the outputs.
        kernel_constraint: Constraint applied to the kernel.
        bias_constraint: Constraint applied to the bias.
        lora_rank: Optional positive integer: build the layer with LoRA
            enabled at this rank (see `enable_lora`).
        lora_alpha: Optional scale of the LoRA update (`lora_alpha /
            lora_rank`); `lora_rank` by default.
        **kwargs: Base layer arguments (`name`, `dtype`, `trainable`, ...).
    """

    def __init__(
        self,
        rank,
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
        lora_rank=None,
        lora_alpha=None,
        **kwargs,
    ):
        name = type(self).__name__
        conv_arguments.check_positive_int(name, "filters", filters)
        conv_arguments.check_positive_int(name, "groups", groups)
        if filters % groups:
            raise ValueError(
                f"{name}: the number of filters must be evenly divisible by the "
                f"number of groups. Received: groups={groups}, filters={filters}."
            )
        lora.check_lora_rank(name, lora_rank)
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
        self.filters = filters
        self.groups = groups
        self.kernel_initializer = initializers.get(kernel_initializer)
        self.kernel_regularizer = regularizers.get(kernel_regularizer)
        self.kernel_constraint = constraints.get(kernel_constraint)
        self.lora_rank = lora_rank
        self.lora_alpha = lora_alpha if lora_alpha is not None else lora_rank
        self.lora_enabled = False

    def build(self, input_shape):
        channels = self._input_channels(input_shape)
        if channels % self.groups:
            raise ValueError(
                f"{type(self).__name__} layer '{self.name}': the number of input "
                "channels must be evenly divisible by the number of groups. "
                f"Received groups={self.groups}, but the input has {channels} "
                f"channels (full input shape is {tuple(input_shape)})."
            )
        self.compute_output_shape(input_shape)
        self._kernel = self.add_weight(
            name="kernel",
            shape=(*self.kernel_size, channels // self.groups, self.filters),
            initializer=self.kernel_initializer,
            regularizer=self.kernel_regularizer,
            constraint=self.kernel_constraint,
        )
        self._build_bias(self.filters)
        if self.lora_rank:
            self.enable_lora(self.lora_rank, lora_alpha=self.lora_alpha)

    @property
    def kernel(self):
        """The kernel: the variable, or its LoRA-merged value when enabled."""
        if self.lora_enabled:
            return lora.merged_weight(
                self._kernel.value,
                self.lora_kernel_a,
                self.lora_kernel_b,
                self.lora_alpha,
                self.lora_rank,
            )
        return self._kernel

    def enable_lora(
        self, rank, lora_alpha=None, a_initializer="he_uniform", b_initializer="zeros"
    ):
        """Freezes `kernel` and trains a low-rank update of it instead.

        Adds `lora_kernel_a` (`kernel_size + (input_channels // groups,
        rank)`) and `lora_kernel_b` (`(rank, filters)`); the layer then
        convolves with `kernel + (lora_alpha / rank) * lora_kernel_a @
        lora_kernel_b`.

        Args:
            rank: The rank of the update, a positive integer.
            lora_alpha: The scale numerator; `rank` by default.
            a_initializer: Initializer of `lora_kernel_a`.
            b_initializer: Initializer of `lora_kernel_b` (zeros, so the
                layer starts out unchanged).

        Example:

        >>> layer = keras_core.layers.Conv1D(4, 3)
        >>> layer.build((None, 8, 2))
        >>> layer.enable_lora(2)
        >>> [w.name for w in layer.trainable_weights]
        ['bias', 'lora_kernel_a', 'lora_kernel_b']
        """
        self.lora_kernel_a, self.lora_kernel_b = lora.add_lora_weights(
            self,
            "_kernel",
            rank,
            lora_alpha,
            a_initializer,
            b_initializer,
            names=("lora_kernel_a", "lora_kernel_b"),
            regularizer=self.kernel_regularizer,
        )

    def convolution_op(self, inputs, kernel):
        """Convolves `inputs` with `kernel` using the layer's settings.

        Args:
            inputs: A tensor of rank `rank + 2` in the layer's data format.
            kernel: A kernel of shape `kernel_size + (in // groups, out)`.

        Returns:
            The convolution, before bias and activation.
        """
        padding = self.padding
        if padding == "causal":
            # Causal = left padding by the dilated kernel's reach, then valid,
            # so output t sees inputs up to t only.
            reach = self.dilation_rate[0] * (self.kernel_size[0] - 1)
            widths = [[0, 0], [0, 0], [0, 0]]
            widths[1 if self.data_format == "channels_last" else 2] = [reach, 0]
            inputs = ops.pad(inputs, widths)
            padding = "valid"
        return ops.conv(
            inputs,
            kernel,
            strides=self.strides,
            padding=padding,
            data_format=self.data_format,
            dilation_rate=self.dilation_rate,
        )

    def call(self, inputs):
        kernel = self.kernel if self.lora_enabled else self._kernel.value
        return self._add_bias_and_activate(self.convolution_op(inputs, kernel))

    def _output_channels(self, input_channels):
        return self.filters

    def get_config(self):
        config = {
            **super().get_config(),
            "filters": self.filters,
            "kernel_size": self.kernel_size,
            "strides": self.strides,
            "padding": self.padding,
            "data_format": self.data_format,
            "dilation_rate": self.dilation_rate,
            "groups": self.groups,
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
        return lora.lora_config(self, config)
