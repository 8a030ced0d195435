"""`GRUCell` and `GRU`: the gated recurrent unit (Cho et al., 2014).

Weights follow Keras's layout: `kernel` `(input_dim, 3 * units)` and
`recurrent_kernel` `(units, 3 * units)` hold the update (z), reset (r) and
candidate (h) parts in that order. With `reset_after=True` (the default,
cuDNN's variant) the bias is `(2, 3 * units)`: input bias and recurrent
bias; otherwise `(3 * units,)`.
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

__all__ = ["GRU", "GRUCell"]


@keras_public("keras.layers")
class GRUCell(Layer, DropoutRNNCell):
    """Cell class for the GRU layer: one step of a gated recurrent unit.

    `z = gate(x W_z + h U_z)`, `r = gate(x W_r + h U_r)` and the candidate
    `h~ = tanh(x W_h + r * (h U_h))` (with `reset_after`, else
    `tanh(x W_h + (r * h) U_h)`); the new state is `z * h + (1 - z) * h~`,
    also the output. `gate` is the recurrent activation, tanh the
    activation.

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
        kernel_regularizer: Regularizer applied to the `kernel`.
        recurrent_regularizer: Regularizer applied to the `recurrent_kernel`.
        bias_regularizer: Regularizer applied to the bias.
        kernel_constraint: Constraint applied to the `kernel`.
        recurrent_constraint: Constraint applied to the `recurrent_kernel`.
        bias_constraint: Constraint applied to the bias.
        dropout: Fraction (0 to 1) of the inputs to drop in training.
        recurrent_dropout: Fraction (0 to 1) of the state to drop in the
            recurrent transformation, in training.
        reset_after: Whether the reset gate applies after the recurrent
            matrix multiplication (True, cuDNN-compatible) or before.
        seed: Random seed for dropout.
        **kwargs: Base layer arguments (`name`, `dtype`, ...); Keras's
            `implementation` is accepted and ignored.

    Call arguments:
        inputs: A `(batch, features)` tensor, one time step.
        states: A list holding the `(batch, units)` previous state.
        training: Whether dropout applies.

    Example:

    >>> cell = keras_core.layers.GRUCell(4)
    >>> output, states = cell(numpy.ones((2, 3)), cell.get_initial_state(2))
    >>> output.shape
    (2, 4)
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
        kernel_regularizer=None,
        recurrent_regularizer=None,
        bias_regularizer=None,
        kernel_constraint=None,
        recurrent_constraint=None,
        bias_constraint=None,
        dropout=0.0,
        recurrent_dropout=0.0,
        reset_after=True,
        seed=None,
        **kwargs,
    ):
        cell_arguments.check_units("GRUCell", units)
        kwargs.pop("implementation", None)
        super().__init__(**kwargs)
        self.seed = seed
        self.seed_generator = SeedGenerator(seed)
        self.units = units
        self.activation = activations.get(activation)
        self.recurrent_activation = activations.get(recurrent_activation)
        self.use_bias = use_bias
        cell_arguments.set_weight_arguments(self, locals())
        self.dropout = cell_arguments.check_rate("GRUCell", "dropout", dropout)
        self.recurrent_dropout = cell_arguments.check_rate(
            "GRUCell", "recurrent_dropout", recurrent_dropout
        )
        self.reset_after = reset_after
        self.state_size = units
        self.output_size = units
        self.bias = None

    def build(self, input_shape):
        units = self.units
        self.kernel = self.add_weight(
            shape=(input_shape[-1], 3 * units),
            name="kernel",
            initializer=self.kernel_initializer,
            regularizer=self.kernel_regularizer,
            constraint=self.kernel_constraint,
        )
        self.recurrent_kernel = self.add_weight(
            shape=(units, 3 * units),
            name="recurrent_kernel",
            initializer=self.recurrent_initializer,
            regularizer=self.recurrent_regularizer,
            constraint=self.recurrent_constraint,
        )
        if self.use_bias:
            self.bias = self.add_weight(
                shape=(2, 3 * units) if self.reset_after else (3 * units,),
                name="bias",
                initializer=self.bias_initializer,
                regularizer=self.bias_regularizer,
                constraint=self.bias_constraint,
            )

    def call(self, inputs, states, training=False):
        h = states[0] if isinstance(states, (list, tuple)) else states
        recurrent_input = h
        if training:
            input_mask = self.get_dropout_mask(inputs)
            state_mask = self.get_recurrent_dropout_mask(h)
            if input_mask is not None:
                inputs = inputs * input_mask
            if state_mask is not None:
                recurrent_input = h * state_mask
        input_bias = recurrent_bias = None
        if self.bias is not None:
            if self.reset_after:
                input_bias, recurrent_bias = self.bias[0], self.bias[1]
            else:
                input_bias = self.bias
        x = ops.matmul(inputs, self.kernel)
        if input_bias is not None:
            x = x + input_bias
        x_z, x_r, x_h = ops.split(x, 3, axis=-1)
        gate = self.recurrent_activation
        if self.reset_after:
            projected = ops.matmul(recurrent_input, self.recurrent_kernel)
            if recurrent_bias is not None:
                projected = projected + recurrent_bias
            h_z, h_r, h_h = ops.split(projected, 3, axis=-1)
            z = gate(x_z + h_z)
            r = gate(x_r + h_r)
            candidate = x_h + r * h_h
        else:
            units = self.units
            kernel = self.recurrent_kernel
            projected = ops.matmul(recurrent_input, kernel[:, : 2 * units])
            h_z, h_r = ops.split(projected, 2, axis=-1)
            z = gate(x_z + h_z)
            r = gate(x_r + h_r)
            candidate = x_h + ops.matmul(r * recurrent_input, kernel[:, 2 * units :])
        if self.activation is not None:
            candidate = self.activation(candidate)
        h = z * h + (1.0 - z) * candidate
        new_state = [h] if isinstance(states, (list, tuple)) else h
        return h, new_state

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
            "recurrent_activation": activations.serialize(self.recurrent_activation),
            "use_bias": self.use_bias,
            **cell_arguments.initializer_config(self),
            **cell_arguments.regularizer_config(self),
            **cell_arguments.constraint_config(self),
            "dropout": self.dropout,
            "recurrent_dropout": self.recurrent_dropout,
            "reset_after": self.reset_after,
            "seed": self.seed,
        }


@keras_public("keras.layers")
class GRU(RNN):
    """Gated Recurrent Unit layer (Cho et al., 2014).

    Runs a `GRUCell` over the time axis (see `RNN` for the loop
    arguments). With the default activations, `reset_after=True`, no
    recurrent dropout and no unrolling, the layer takes a fast path: torch's
    fused GRU kernel (also for right-padded masks), and on JAX and TensorFlow
    a loop whose input projection runs once for all steps before it.
    Otherwise, and on NumPy, it runs the generic cell loop.

    Args:
        units: Positive integer, dimensionality of the output space.
        activation: Activation function; `"tanh"` by default.
        recurrent_activation: Activation of the gates; `"sigmoid"` by
            default.
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
        seed: Random seed for dropout.
        return_sequences: Whether to return every step's output.
        return_state: Whether to return the last state after the output.
        go_backwards: Whether to process the sequence backwards.
        stateful: Whether each batch starts from the previous batch's
            final state.
        unroll: Whether to unroll the loop.
        reset_after: Whether the reset gate applies after the recurrent
            matrix multiplication (True) or before.
        use_cudnn: `"auto"` or True (use a fused kernel when one applies)
            or False (never).
        **kwargs: Base layer arguments and `zero_output_for_mask`.

    Call arguments:
        sequences: A `(batch, timesteps, features)` tensor.
        initial_state: The `(batch, units)` initial state (or a list of it).
        mask: A boolean `(batch, timesteps)` tensor.
        training: Whether dropout applies.

    Example:

    >>> layer = keras_core.layers.GRU(4, return_sequences=True)
    >>> layer(numpy.ones((2, 3, 5))).shape
    (2, 3, 4)
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
        reset_after=True,
        use_cudnn="auto",
        **kwargs,
    ):
        fused.check_use_cudnn(use_cudnn)
        kwargs.pop("implementation", None)
        cell = GRUCell(
            units,
            activation=activation,
            recurrent_activation=recurrent_activation,
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
            reset_after=reset_after,
            seed=seed,
            dtype=kwargs.get("dtype"),
            trainable=kwargs.get("trainable", True),
            name="gru_cell",
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
    reset_after = cell_arguments.cell_property("reset_after")

    def inner_loop(self, sequences, initial_state, mask, training=False):
        if fused.applies(self, training):
            state = initial_state[0]
            result = fused.run(
                self, "gru", sequences, mask, training, initial_state=state
            )
            if result is not None:
                return result
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
            **cell_arguments.regularizer_config(self),
            "activity_regularizer": regularizers.serialize(self.activity_regularizer),
            **cell_arguments.constraint_config(self),
            "dropout": self.dropout,
            "recurrent_dropout": self.recurrent_dropout,
            "reset_after": self.reset_after,
            "seed": self.cell.seed,
        }

    @classmethod
    def from_config(cls, config):
        return Layer.from_config.__func__(cls, config)
