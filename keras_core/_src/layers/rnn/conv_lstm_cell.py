"""`ConvLSTMCell`: one step of a convolutional LSTM (private).

The LSTM equations with convolutions in place of matrix products: the
input convolution uses the layer's strides, padding and dilation, the
recurrent one keeps the state's spatial shape (`"same"`, stride 1, no
dilation). The four gates (input, forget, candidate, output) are computed
by one convolution each for the input and the state, on kernels whose last
axis stacks the gates in that order (Keras's weight layout).
"""

from keras_core import ops
from keras_core._src import activations
from keras_core._src.layers.convolution import conv_arguments
from keras_core._src.layers.layer import Layer
from keras_core._src.layers.rnn import cell_arguments
from keras_core._src.layers.rnn.dropout_rnn_cell import DropoutRNNCell
from keras_core._src.random import random_ops as random


class _UnitForgetBias:
    """Bias initializer: `bias_initializer` everywhere but ones for the forget gate."""

    def __init__(self, bias_initializer, filters):
        self.bias_initializer = bias_initializer
        self.filters = filters

    def __call__(self, shape, dtype=None):
        filters = self.filters
        return ops.concatenate(
            [
                self.bias_initializer((filters,), dtype=dtype),
                ops.ones((filters,), dtype=dtype),
                self.bias_initializer((2 * filters,), dtype=dtype),
            ]
        )


class ConvLSTMCell(Layer, DropoutRNNCell):
    """The step of `ConvLSTM1D/2D/3D`: maps `(inputs, [h, c])` to `(h, [h, c])`.

    `inputs` is one time step, `(batch, *spatial, channels)` (channels
    first with `data_format="channels_first"`); `h` and `c` are feature
    maps with `filters` channels over the convolution's output grid.

    Args:
        rank: The number of spatial axes (1, 2 or 3).
        filters: The number of output channels, a positive integer.
        kernel_size: An int or a tuple of `rank` ints.
        strides: An int or a tuple of `rank` ints, for the input
            convolution; > 1 excludes `dilation_rate` > 1.
        padding: `"valid"` or `"same"`, for the input convolution.
        data_format: `"channels_last"` or `"channels_first"`; the global
            image data format when None.
        dilation_rate: An int or a tuple of `rank` ints, for the input
            convolution.
        activation: Activation of the candidate and of the output.
        recurrent_activation: Activation of the gates.
        use_bias: Whether a bias is added to the gates.
        kernel_initializer: Initializer of `kernel`.
        recurrent_initializer: Initializer of `recurrent_kernel`.
        bias_initializer: Initializer of `bias`.
        unit_forget_bias: Whether the forget gate's bias starts at 1.
        kernel_regularizer: Regularizer applied to `kernel`.
        recurrent_regularizer: Regularizer applied to `recurrent_kernel`.
        bias_regularizer: Regularizer applied to `bias`.
        kernel_constraint: Constraint applied to `kernel`.
        recurrent_constraint: Constraint applied to `recurrent_kernel`.
        bias_constraint: Constraint applied to `bias`.
        dropout: Fraction of the input entries dropped in training (one
            mask for the whole sequence), clipped to [0, 1].
        recurrent_dropout: Fraction of the state entries dropped in
            training before the recurrent convolution, clipped to [0, 1].
        seed: Seed of the dropout masks.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).
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
        activation="tanh",
        recurrent_activation="sigmoid",
        use_bias=True,
        kernel_initializer="glorot_uniform",
        recurrent_initializer="orthogonal",
        bias_initializer="zeros",
        unit_forget_bias=True,
        kernel_regularizer=None,
        recurrent_regularizer=None,
        bias_regularizer=None,
        kernel_constraint=None,
        recurrent_constraint=None,
        bias_constraint=None,
        dropout=0.0,
        recurrent_dropout=0.0,
        seed=None,
        **kwargs,
    ):
        super().__init__(**kwargs)
        name = f"ConvLSTM{rank}D"
        self.rank = rank
        self.filters = conv_arguments.check_positive_int(name, "filters", filters)
        self.kernel_size = conv_arguments.standardize_tuple(
            name, "kernel_size", kernel_size, rank
        )
        self.strides = conv_arguments.standardize_tuple(name, "strides", strides, rank)
        self.padding = conv_arguments.standardize_padding(
            name, padding, ("valid", "same")
        )
        self.data_format = conv_arguments.standardize_data_format(name, data_format)
        self.dilation_rate = conv_arguments.standardize_tuple(
            name, "dilation_rate", dilation_rate, rank
        )
        conv_arguments.check_strides_with_dilation(
            name, self.strides, self.dilation_rate
        )
        self.activation = activations.get(activation)
        self.recurrent_activation = activations.get(recurrent_activation)
        self.use_bias = use_bias
        self.unit_forget_bias = unit_forget_bias
        cell_arguments.set_weight_arguments(self, locals())
        self.dropout = cell_arguments.check_rate(name, "dropout", dropout)
        self.recurrent_dropout = cell_arguments.check_rate(
            name, "recurrent_dropout", recurrent_dropout
        )
        self.seed = seed
        if self.dropout > 0 or self.recurrent_dropout > 0:
            self.seed_generator = random.SeedGenerator(seed)
        self._channel_axis = -1 if self.data_format == "channels_last" else 1
        # Two states whose shapes depend on the input's (see `state_shape`).
        self.state_size = [-1, -1]
        self.output_size = -1

    def build(self, input_shape):
        channels = input_shape[self._channel_axis]
        if channels is None:
            raise ValueError(
                f"ConvLSTM{self.rank}D layer '{self.name}': the channel axis of "
                "the inputs must be known (data_format="
                f"'{self.data_format}'). Received one step of shape "
                f"{tuple(input_shape)}. Give the input a static channel size."
            )
        gates = 4 * self.filters
        self.kernel = self.add_weight(
            name="kernel",
            shape=(*self.kernel_size, channels, gates),
            initializer=self.kernel_initializer,
            regularizer=self.kernel_regularizer,
            constraint=self.kernel_constraint,
        )
        self.recurrent_kernel = self.add_weight(
            name="recurrent_kernel",
            shape=(*self.kernel_size, self.filters, gates),
            initializer=self.recurrent_initializer,
            regularizer=self.recurrent_regularizer,
            constraint=self.recurrent_constraint,
        )
        if self.use_bias:
            initializer = self.bias_initializer
            if self.unit_forget_bias:
                initializer = _UnitForgetBias(initializer, self.filters)
            self.bias = self.add_weight(
                name="bias",
                shape=(gates,),
                initializer=initializer,
                regularizer=self.bias_regularizer,
                constraint=self.bias_constraint,
            )
        else:
            self.bias = None

    def state_shape(self, step_shape):
        """The shape of `h` (and `c`) for one input step of shape `step_shape`.

        Args:
            step_shape: `(batch, *spatial, channels)` (channels first with
                `data_format="channels_first"`); None entries stay None.

        Returns:
            The state's shape as a tuple.
        """
        first_spatial = 1 if self.data_format == "channels_last" else 2
        spatial = tuple(
            self._output_length(step_shape[first_spatial + axis], axis)
            for axis in range(self.rank)
        )
        if self.data_format == "channels_last":
            return (step_shape[0], *spatial, self.filters)
        return (step_shape[0], self.filters, *spatial)

    def _output_length(self, length, axis):
        # Plain integer arithmetic, so that it also runs on the dynamic
        # sizes (scalar tensors) of a traced graph.
        if length is None:
            return None
        stride = self.strides[axis]
        if self.padding == "same":
            return (length + stride - 1) // stride
        reach = (self.kernel_size[axis] - 1) * self.dilation_rate[axis]
        return (length - reach - 1) // stride + 1

    def call(self, inputs, states, training=False):
        h, c = states[0], states[1]
        if training and self.dropout > 0:
            inputs = inputs * self.get_dropout_mask(inputs)
        if training and self.recurrent_dropout > 0:
            h = h * self.get_recurrent_dropout_mask(h)
        x = ops.conv(
            inputs,
            self.kernel,
            strides=self.strides,
            padding=self.padding,
            data_format=self.data_format,
            dilation_rate=self.dilation_rate,
        )
        z = x + ops.conv(
            h,
            self.recurrent_kernel,
            strides=1,
            padding="same",
            data_format=self.data_format,
        )
        if self.bias is not None:
            bias = self.bias
            if self.data_format == "channels_first":
                bias = ops.reshape(bias, (4 * self.filters,) + (1,) * self.rank)
            z = z + bias
        gate_i, gate_f, candidate, gate_o = ops.split(z, 4, axis=self._channel_axis)
        gate_i = self.recurrent_activation(gate_i)
        gate_f = self.recurrent_activation(gate_f)
        gate_o = self.recurrent_activation(gate_o)
        c = gate_f * c + gate_i * self.activation(candidate)
        h = gate_o * self.activation(c)
        return h, [h, c]

    def get_config(self):
        return {
            **super().get_config(),
            "filters": self.filters,
            "kernel_size": self.kernel_size,
            "strides": self.strides,
            "padding": self.padding,
            "data_format": self.data_format,
            "dilation_rate": self.dilation_rate,
            "activation": activations.serialize(self.activation),
            "recurrent_activation": activations.serialize(self.recurrent_activation),
            "use_bias": self.use_bias,
            **cell_arguments.initializer_config(self),
            "unit_forget_bias": self.unit_forget_bias,
            **cell_arguments.regularizer_config(self),
            **cell_arguments.constraint_config(self),
            "dropout": self.dropout,
            "recurrent_dropout": self.recurrent_dropout,
            "seed": self.seed,
        }
