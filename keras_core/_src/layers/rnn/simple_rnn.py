"""`SimpleRNNCell` and `SimpleRNN`: `h_t = activation(x_t W + h_{t-1} U + b)`."""

from keras_core import ops
from keras_core._src import activations
from keras_core._src import regularizers
from keras_core._src.api_export import keras_public
from keras_core._src.layers import input_spec as input_spec_lib
from keras_core._src.layers.layer import Layer
from keras_core._src.layers.rnn import cell_arguments
from keras_core._src.layers.rnn.dropout_rnn_cell import DropoutRNNCell
from keras_core._src.layers.rnn.rnn import RNN
from keras_core._src.random.seed_generator import SeedGenerator

__all__ = ["SimpleRNN", "SimpleRNNCell"]


@keras_public("keras.layers")
class SimpleRNNCell(Layer, DropoutRNNCell):
    """Cell class for SimpleRNN: one step of a fully-connected RNN.

    Computes `output = activation(inputs @ kernel + states[0] @
    recurrent_kernel + bias)`; the output is also the new state.

    Args:
        units: Positive integer, dimensionality of the output space.
        activation: Activation function; `"tanh"` by default (None means
            linear).
        use_bias: Whether the cell uses a bias vector.
        kernel_initializer: Initializer of the `kernel` weights matrix,
            used for the linear transformation of the inputs.
        recurrent_initializer: Initializer of the `recurrent_kernel`
            weights matrix, used for the linear transformation of the state.
        bias_initializer: Initializer of the bias vector.
        kernel_regularizer: Regularizer applied to the `kernel`.
        recurrent_regularizer: Regularizer applied to the `recurrent_kernel`.
        bias_regularizer: Regularizer applied to the bias.
        kernel_constraint: Constraint applied to the `kernel`.
        recurrent_constraint: Constraint applied to the `recurrent_kernel`.
        bias_constraint: Constraint applied to the bias.
        dropout: Fraction (0 to 1) of the inputs to drop in training.
        recurrent_dropout: Fraction (0 to 1) of the state to drop in
            training.
        seed: Random seed for dropout.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Call arguments:
        sequence: A `(batch, features)` tensor, one time step.
        states: A list holding the `(batch, units)` previous state.
        training: Whether dropout applies.

    Example:

    >>> cell = keras_core.layers.SimpleRNNCell(4)
    >>> output, states = cell(numpy.ones((2, 3)), [numpy.zeros((2, 4))])
    >>> output.shape
    (2, 4)
    """

    def __init__(
        self,
        units,
        activation="tanh",
        use_bias=True,
        kernel_initializer="glorot_uniform",
        recurrent_initializer="orthogonal",
        bias_initializer="zeros",
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
        cell_arguments.check_units("SimpleRNNCell", units)
        super().__init__(**kwargs)
        self.seed = seed
        self.seed_generator = SeedGenerator(seed)
        self.units = units
        self.activation = activations.get(activation)
        self.use_bias = use_bias
        cell_arguments.set_weight_arguments(self, locals())
        self.dropout = cell_arguments.check_rate("SimpleRNNCell", "dropout", dropout)
        self.recurrent_dropout = cell_arguments.check_rate(
            "SimpleRNNCell", "recurrent_dropout", recurrent_dropout
        )
        self.state_size = units
        self.output_size = units
        self.bias = None

    def build(self, input_shape):
        self.kernel = self.add_weight(
            shape=(input_shape[-1], self.units),
            name="kernel",
            initializer=self.kernel_initializer,
            regularizer=self.kernel_regularizer,
            constraint=self.kernel_constraint,
        )
        self.recurrent_kernel = self.add_weight(
            shape=(self.units, self.units),
            name="recurrent_kernel",
            initializer=self.recurrent_initializer,
            regularizer=self.recurrent_regularizer,
            constraint=self.recurrent_constraint,
        )
        if self.use_bias:
            self.bias = self.add_weight(
                shape=(self.units,),
                name="bias",
                initializer=self.bias_initializer,
                regularizer=self.bias_regularizer,
                constraint=self.bias_constraint,
            )

    def call(self, sequence, states, training=False):
        previous = states[0] if isinstance(states, (list, tuple)) else states
        if training:
            input_mask = self.get_dropout_mask(sequence)
            state_mask = self.get_recurrent_dropout_mask(previous)
            if input_mask is not None:
                sequence = sequence * input_mask
            if state_mask is not None:
                previous = previous * state_mask
        hidden = ops.matmul(sequence, self.kernel)
        if self.bias is not None:
            hidden = hidden + self.bias
        output = hidden + ops.matmul(previous, self.recurrent_kernel)
        if self.activation is not None:
            output = self.activation(output)
        new_state = [output] if isinstance(states, (list, tuple)) else output
        return output, new_state

    def get_initial_state(self, batch_size=None):
        """Returns `[zeros((batch_size, units))]`.

        Args:
            batch_size: The number of sequences in the batch.
        """
        return [cell_arguments.zeros_state(batch_size, self.units, self.compute_dtype)]

    def get_config(self):
        return {
            **super().get_config(),
            "units": self.units,
            "activation": activations.serialize(self.activation),
            "use_bias": self.use_bias,
            **cell_arguments.initializer_config(self),
            **cell_arguments.regularizer_config(self),
            **cell_arguments.constraint_config(self),
            "dropout": self.dropout,
            "recurrent_dropout": self.recurrent_dropout,
            "seed": self.seed,
        }


@keras_public("keras.layers")
class SimpleRNN(RNN):
    """Fully-connected RNN where the output is fed back as the next input.

    Runs a `SimpleRNNCell` over the time axis (see `RNN` for the loop
    arguments and `SimpleRNNCell` for the step).

    Args:
        units: Positive integer, dimensionality of the output space.
        activation: Activation function; `"tanh"` by default.
        use_bias: Whether the layer uses a bias vector.
        kernel_initializer: Initializer of the `kernel` weights matrix.
        recurrent_initializer: Initializer of the `recurrent_kernel`.
        bias_initializer: Initializer of the bias vector.
        kernel_regularizer: Regularizer applied to the `kernel`.
        recurrent_regularizer: Regularizer applied to the `recurrent_kernel`.
        bias_regularizer: Regularizer applied to the bias.
        activity_regularizer: Regularizer applied to the output.
        kernel_constraint: Constraint applied to the `kernel`.
        recurrent_constraint: Constraint applied to the `recurrent_kernel`.
        bias_constraint: Constraint applied to the bias.
        dropout: Fraction (0 to 1) of the inputs to drop in training.
        recurrent_dropout: Fraction (0 to 1) of the state to drop in
            training.
        return_sequences: Whether to return every step's output.
        return_state: Whether to return the last state after the output.
        go_backwards: Whether to process the sequence backwards.
        stateful: Whether each batch starts from the previous batch's
            final state.
        unroll: Whether to unroll the loop.
        seed: Random seed for dropout.
        **kwargs: Base layer arguments and `zero_output_for_mask`.

    Call arguments:
        sequences: A `(batch, timesteps, features)` tensor.
        initial_state: The `(batch, units)` initial state (or a list of it).
        mask: A boolean `(batch, timesteps)` tensor.
        training: Whether dropout applies.

    Example:

    >>> layer = keras_core.layers.SimpleRNN(4, return_state=True)
    >>> output, state = layer(numpy.ones((2, 3, 5)))
    >>> output.shape, state.shape
    ((2, 4), (2, 4))
    """

    def __init__(
        self,
        units,
        activation="tanh",
        use_bias=True,
        kernel_initializer="glorot_uniform",
        recurrent_initializer="orthogonal",
        bias_initializer="zeros",
        kernel_regularizer=None,
        recurrent_regularizer=None,
        bias_regularizer=None,
        activity_regularizer=None,
        kernel_constraint=None,
        recurrent_constraint=None,
        bias_constraint=None,
        dropout=0.0,
        recurrent_dropout=0.0,
        return_sequences=False,
        return_state=False,
        go_backwards=False,
        stateful=False,
        unroll=False,
        seed=None,
        **kwargs,
    ):
        cell = SimpleRNNCell(
            units,
            activation=activation,
            use_bias=use_bias,
            kernel_initializer=kernel_initializer,
            recurrent_initializer=recurrent_initializer,
            bias_initializer=bias_initializer,
            kernel_regularizer=kernel_regularizer,
            recurrent_regularizer=recurrent_regularizer,
            bias_regularizer=bias_regularizer,
            kernel_constraint=kernel_constraint,
            recurrent_constraint=recurrent_constraint,
            bias_constraint=bias_constraint,
            dropout=dropout,
            recurrent_dropout=recurrent_dropout,
            seed=seed,
            dtype=kwargs.get("dtype"),
            trainable=kwargs.get("trainable", True),
            name="simple_rnn_cell",
        )
        super().__init__(
            cell,
            return_sequences=return_sequences,
            return_state=return_state,
            go_backwards=go_backwards,
            stateful=stateful,
            unroll=unroll,
            activity_regularizer=activity_regularizer,
            **kwargs,
        )
        self.input_spec = input_spec_lib.InputSpec(ndim=3)

    units = cell_arguments.cell_property("units")
    activation = cell_arguments.cell_property("activation")
    use_bias = cell_arguments.cell_property("use_bias")
    kernel_initializer = cell_arguments.cell_property("kernel_initializer")
    recurrent_initializer = cell_arguments.cell_property("recurrent_initializer")
    bias_initializer = cell_arguments.cell_property("bias_initializer")
    kernel_regularizer = cell_arguments.cell_property("kernel_regularizer")
    recurrent_regularizer = cell_arguments.cell_property("recurrent_regularizer")
    bias_regularizer = cell_arguments.cell_property("bias_regularizer")
    kernel_constraint = cell_arguments.cell_property("kernel_constraint")
    recurrent_constraint = cell_arguments.cell_property("recurrent_constraint")
    bias_constraint = cell_arguments.cell_property("bias_constraint")
    dropout = cell_arguments.cell_property("dropout")
    recurrent_dropout = cell_arguments.cell_property("recurrent_dropout")

    def get_config(self):
        config = super().get_config()
        del config["cell"]
        # Keras leaves `seed` out of SimpleRNN's config (its cell keeps it).
        return {
            **config,
            "units": self.units,
            "activation": activations.serialize(self.activation),
            "use_bias": self.use_bias,
            **cell_arguments.initializer_config(self),
            **cell_arguments.regularizer_config(self),
            "activity_regularizer": regularizers.serialize(self.activity_regularizer),
            **cell_arguments.constraint_config(self),
            "dropout": self.dropout,
            "recurrent_dropout": self.recurrent_dropout,
        }

    @classmethod
    def from_config(cls, config):
        return Layer.from_config.__func__(cls, config)
