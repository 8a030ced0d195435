"""`LSTMCell` and `LSTM`: long short-term memory (Hochreiter, 1997).

Weights follow Keras's layout: `kernel` `(input_dim, 4 * units)` and
`recurrent_kernel` `(units, 4 * units)` hold the gates in the order input,
forget, cell, output; `bias` is `(4 * units,)`.
"""

from keras_core import ops
from keras_core._src import activations
from keras_core._src import regularizers
from keras_core._src.api_export import keras_public
from keras_core._src.layers import input_spec as input_spec_lib
from keras_core._src.layers.layer import Layer
from keras_core._src.layers.rnn import cell_arguments
from keras_core._src.layers.rnn import fused
from keras_core._src.layers.rnn.dropout_rnn_cell import DropoutRNNCell
from keras_core._src.layers.rnn.rnn import RNN
from keras_core._src.random.seed_generator import SeedGenerator

__all__ = ["LSTM", "LSTMCell"]


class _UnitForgetBias:
    """The bias initializer with `unit_forget_bias`: ones for the forget gate."""

    def __init__(self, bias_initializer, units):
        self.bias_initializer = bias_initializer
        self.units = units

    def __call__(self, shape, dtype=None):
        units = self.units
        return ops.concatenate(
            [
                self.bias_initializer((units,), dtype=dtype),
                ops.ones((units,), dtype=dtype),
                self.bias_initializer((2 * units,), dtype=dtype),
            ]
        )


@keras_public("keras.layers")
class LSTMCell(Layer, DropoutRNNCell):
    """Cell class for the LSTM layer: one step of long short-term memory.

    With `z = inputs @ kernel + h @ recurrent_kernel + bias` split into
    four gates `i, f, g, o`: `c' = gate(f) * c + gate(i) * tanh(g)` and
    `h' = gate(o) * tanh(c')` (`gate` the recurrent activation, tanh the
    activation). The output is `h'`; the states are `[h', c']`.

    Args:
        units: Positive integer, dimensionality of the output space.
        activation: Activation function; `"tanh"` by default (None means
            linear).
        recurrent_activation: Activation of the gates; `"sigmoid"` by
            default.
        use_bias: Whether the cell uses a bias vector.
        kernel_initializer: Initializer of the `kernel` weights matrix.
        recurrent_initializer: Initializer of the `recurrent_kernel`.
        bias_initializer: Initializer of the bias vector.
        unit_forget_bias: Whether to add 1 to the forget gate's bias at
            initialization (its bias then starts at ones, as Jozefowicz et
            al. recommend).
        kernel_regularizer: Regularizer applied to the `kernel`.
        recurrent_regularizer: Regularizer applied to the `recurrent_kernel`.
        bias_regularizer: Regularizer applied to the bias.
        kernel_constraint: Constraint applied to the `kernel`.
        recurrent_constraint: Constraint applied to the `recurrent_kernel`.
        bias_constraint: Constraint applied to the bias.
        dropout: Fraction (0 to 1) of the inputs to drop in training.
        recurrent_dropout: Fraction (0 to 1) of the state to drop in the
            recurrent transformation, in training.
        seed: Random seed for dropout.
        **kwargs: Base layer arguments (`name`, `dtype`, ...); Keras's
            `implementation` is accepted and ignored.

    Call arguments:
        inputs: A `(batch, features)` tensor, one time step.
        states: The list `[h, c]` of `(batch, units)` previous states.
        training: Whether dropout applies.

    Example:

    >>> cell = keras_core.layers.LSTMCell(4)
    >>> h, (h, c) = cell(numpy.ones((2, 3)), cell.get_initial_state(2))
    >>> h.shape, c.shape
    ((2, 4), (2, 4))
    """

    def __init__(
        self,
        units,
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
        cell_arguments.check_units("LSTMCell", units)
        kwargs.pop("implementation", None)
        super().__init__(**kwargs)
        self.seed = seed
        self.seed_generator = SeedGenerator(seed)
        self.units = units
        self.activation = activations.get(activation)
        self.recurrent_activation = activations.get(recurrent_activation)
        self.use_bias = use_bias
        self.unit_forget_bias = unit_forget_bias
        cell_arguments.set_weight_arguments(self, locals())
        self.dropout = cell_arguments.check_rate("LSTMCell", "dropout", dropout)
        self.recurrent_dropout = cell_arguments.check_rate(
            "LSTMCell", "recurrent_dropout", recurrent_dropout
        )
        self.state_size = [units, units]
        self.output_size = units
        self.bias = None

    def build(self, input_shape):
        units = self.units
        self.kernel = self.add_weight(
            shape=(input_shape[-1], 4 * units),
            name="kernel",
            initializer=self.kernel_initializer,
            regularizer=self.kernel_regularizer,
            constraint=self.kernel_constraint,
        )
        self.recurrent_kernel = self.add_weight(
            shape=(units, 4 * units),
            name="recurrent_kernel",
            initializer=self.recurrent_initializer,
            regularizer=self.recurrent_regularizer,
            constraint=self.recurrent_constraint,
        )
        if self.use_bias:
            initializer = self.bias_initializer
            if self.unit_forget_bias:
                initializer = _UnitForgetBias(initializer, units)
            self.bias = self.add_weight(
                shape=(4 * units,),
                name="bias",
                initializer=initializer,
                regularizer=self.bias_regularizer,
                constraint=self.bias_constraint,
            )

    def call(self, inputs, states, training=False):
        h, c = states[0], states[1]
        recurrent_input = h
        if training:
            input_mask = self.get_dropout_mask(inputs)
            state_mask = self.get_recurrent_dropout_mask(h)
            if input_mask is not None:
                inputs = inputs * input_mask
            if state_mask is not None:
                recurrent_input = h * state_mask
        z = ops.matmul(inputs, self.kernel) + ops.matmul(
            recurrent_input, self.recurrent_kernel
        )
        if self.bias is not None:
            z = z + self.bias
        z_i, z_f, z_g, z_o = ops.split(z, 4, axis=-1)
        gate = self.recurrent_activation
        c = gate(z_f) * c + gate(z_i) * self.activation(z_g)
        h = gate(z_o) * self.activation(c)
        return h, [h, c]

    def get_initial_state(self, batch_size=None):
        """Returns `[h, c]`, two `(batch_size, units)` zero tensors.

        Args:
            batch_size: The number of sequences in the batch.
        """
        zeros = cell_arguments.zeros_state(batch_size, self.units, self.compute_dtype)
        return [zeros, zeros]

    def get_config(self):
        return {
            **super().get_config(),
            "units": self.units,
            "activation": activations.serialize(self.activation),
            "recurrent_activation": activations.serialize(self.recurrent_activation),
            "use_bias": self.use_bias,
            "unit_forget_bias": self.unit_forget_bias,
            **cell_arguments.initializer_config(self),
            **cell_arguments.regularizer_config(self),
            **cell_arguments.constraint_config(self),
            "dropout": self.dropout,
            "recurrent_dropout": self.recurrent_dropout,
            "seed": self.seed,
        }


@keras_public("keras.layers")
class LSTM(RNN):
    """Long Short-Term Memory layer (Hochreiter, 1997).

    Runs an `LSTMCell` over the time axis (see `RNN` for the loop
    arguments). With the default activations, no recurrent dropout and no
    unrolling, the layer takes a fast path: torch's fused LSTM kernel
    (also for right-padded masks), and on JAX and TensorFlow a loop whose
    input projection runs once for all steps before it (any mask). Otherwise,
    and on NumPy, it runs the generic cell loop.

    Args:
        units: Positive integer, dimensionality of the output space.
        activation: Activation function; `"tanh"` by default.
        recurrent_activation: Activation of the gates; `"sigmoid"` by
            default.
        use_bias: Whether the layer uses a bias vector.
        kernel_initializer: Initializer of the `kernel` weights matrix.
        recurrent_initializer: Initializer of the `recurrent_kernel`.
        bias_initializer: Initializer of the bias vector.
        unit_forget_bias: Whether the forget gate's bias starts at ones.
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
        seed: Random seed for dropout.
        return_sequences: Whether to return every step's output.
        return_state: Whether to return the last states `h, c` after the
            output.
        go_backwards: Whether to process the sequence backwards.
        stateful: Whether each batch starts from the previous batch's
            final states.
        unroll: Whether to unroll the loop.
        use_cudnn: `"auto"` (use a fused kernel when one applies), True
            (require one: an error otherwise) or False (never).
        **kwargs: Base layer arguments and `zero_output_for_mask`.

    Call arguments:
        sequences: A `(batch, timesteps, features)` tensor.
        initial_state: The list `[h, c]` of `(batch, units)` initial states.
        mask: A boolean `(batch, timesteps)` tensor.
        training: Whether dropout applies.

    Example:

    >>> layer = keras_core.layers.LSTM(4, return_state=True)
    >>> output, h, c = layer(numpy.ones((2, 3, 5)))
    >>> output.shape, c.shape
    ((2, 4), (2, 4))
    """

    def __init__(
        self,
        units,
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
        activity_regularizer=None,
        kernel_constraint=None,
        recurrent_constraint=None,
        bias_constraint=None,
        dropout=0.0,
        recurrent_dropout=0.0,
        seed=None,
        return_sequences=False,
        return_state=False,
        go_backwards=False,
        stateful=False,
        unroll=False,
        use_cudnn="auto",
        **kwargs,
    ):
        fused.check_use_cudnn(use_cudnn)
        kwargs.pop("implementation", None)
        cell = LSTMCell(
            units,
            activation=activation,
            recurrent_activation=recurrent_activation,
            use_bias=use_bias,
            kernel_initializer=kernel_initializer,
            recurrent_initializer=recurrent_initializer,
            bias_initializer=bias_initializer,
            unit_forget_bias=unit_forget_bias,
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
            name="lstm_cell",
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
        self.use_cudnn = use_cudnn
        self.input_spec = input_spec_lib.InputSpec(ndim=3)

    units = cell_arguments.cell_property("units")
    activation = cell_arguments.cell_property("activation")
    recurrent_activation = cell_arguments.cell_property("recurrent_activation")
    use_bias = cell_arguments.cell_property("use_bias")
    unit_forget_bias = cell_arguments.cell_property("unit_forget_bias")
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

    def inner_loop(self, sequences, initial_state, mask, training=False):
        if fused.applies(self, training):
            h, c = initial_state[0], initial_state[1]
            result = fused.run(
                self,
                "lstm",
                sequences,
                mask,
                training,
                initial_state_h=h,
                initial_state_c=c,
            )
            if result is not None:
                return result
        # Like Keras, an LSTM that asked for a fused kernel fails without one
        # (a GRU falls back quietly).
        if self.use_cudnn is True:
            fused.refuse(self)
        return super().inner_loop(sequences, initial_state, mask, training=training)

    def get_config(self):
        config = super().get_config()
        del config["cell"]
        return {
            **config,
            "units": self.units,
            "activation": activations.serialize(self.activation),
            "recurrent_activation": activations.serialize(self.recurrent_activation),
            "use_bias": self.use_bias,
            **cell_arguments.initializer_config(self),
            "unit_forget_bias": self.unit_forget_bias,
            **cell_arguments.regularizer_config(self),
            "activity_regularizer": regularizers.serialize(self.activity_regularizer),
            **cell_arguments.constraint_config(self),
            "dropout": self.dropout,
            "recurrent_dropout": self.recurrent_dropout,
            "seed": self.cell.seed,
        }

    @classmethod
    def from_config(cls, config):
        return Layer.from_config.__func__(cls, config)
