"""`ConvLSTM1D`, `ConvLSTM2D`, `ConvLSTM3D`: LSTMs over feature maps.

Each is an `RNN` over a `ConvLSTMCell` (see `conv_lstm_cell.py`) whose
states are feature maps. The layer's config is flat (the cell's arguments
beside the recurrent ones, no `cell` entry) and its weights live in the
cell, as in Keras: `conv_lstm2d/conv_lstm_cell/kernel`.
"""

from keras_core import ops
from keras_core._src import regularizers
from keras_core._src.api_export import keras_public
from keras_core._src.layers import input_spec as input_spec_lib
from keras_core._src.layers.layer import Layer
from keras_core._src.layers.rnn import cell_arguments
from keras_core._src.layers.rnn.conv_lstm_cell import ConvLSTMCell
from keras_core._src.layers.rnn.rnn import RNN

__all__ = ["ConvLSTM1D", "ConvLSTM2D", "ConvLSTM3D"]

# Arguments that configure the cell; the layer reads them back from it.
_CELL_ARGUMENTS = (
    "filters",
    "kernel_size",
    "strides",
    "padding",
    "data_format",
    "dilation_rate",
    "activation",
    "recurrent_activation",
    "use_bias",
    "kernel_initializer",
    "recurrent_initializer",
    "bias_initializer",
    "unit_forget_bias",
    "kernel_regularizer",
    "recurrent_regularizer",
    "bias_regularizer",
    "kernel_constraint",
    "recurrent_constraint",
    "bias_constraint",
    "dropout",
    "recurrent_dropout",
    "seed",
)


class ConvLSTM(RNN):
    """Convolutional LSTM over `rank` spatial axes (the base of ConvLSTMnD).

    Args:
        rank: The number of spatial axes (1, 2 or 3).
        filters: The number of output channels, a positive integer.
        kernel_size: An int or a tuple of `rank` ints.
        strides: An int or a tuple of `rank` ints, for the input
            convolution; > 1 excludes `dilation_rate` > 1.
        padding: `"valid"` or `"same"`, for the input convolution (the
            recurrent one always keeps the state's shape).
        data_format: `"channels_last"` (steps `(*spatial, channels)`) or
            `"channels_first"` (`(channels, *spatial)`); the global image
            data format when None.
        dilation_rate: An int or a tuple of `rank` ints, for the input
            convolution.
        activation: Activation of the candidate and of the output.
        recurrent_activation: Activation of the input, forget and output
            gates.
        use_bias: Whether a bias is added to the gates.
        kernel_initializer: Initializer of the input kernel.
        recurrent_initializer: Initializer of the recurrent kernel.
        bias_initializer: Initializer of the bias.
        unit_forget_bias: Whether the forget gate's bias starts at 1.
        kernel_regularizer: Regularizer applied to the input kernel.
        recurrent_regularizer: Regularizer applied to the recurrent kernel.
        bias_regularizer: Regularizer applied to the bias.
        activity_regularizer: Regularizer applied to the outputs.
        kernel_constraint: Constraint applied to the input kernel.
        recurrent_constraint: Constraint applied to the recurrent kernel.
        bias_constraint: Constraint applied to the bias.
        dropout: Fraction of the input entries dropped in training.
        recurrent_dropout: Fraction of the state entries dropped in training.
        seed: Seed of the dropout masks.
        return_sequences: Whether to return every step's output rather than
            the last one.
        return_state: Whether to return the final `h` and `c` after the
            output.
        go_backwards: Whether to process the sequence backwards.
        stateful: Whether the final states of a batch are the initial
            states of the next one.
        **kwargs: `unroll`, `zero_output_for_mask` (see `RNN`) and the base
            layer arguments (`name`, `dtype`, ...).
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
        **kwargs,
    ):
        cell = ConvLSTMCell(
            rank=rank,
            filters=filters,
            kernel_size=kernel_size,
            strides=strides,
            padding=padding,
            data_format=data_format,
            dilation_rate=dilation_rate,
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
            name="conv_lstm_cell",
            dtype=kwargs.get("dtype"),
        )
        super().__init__(
            cell,
            return_sequences=return_sequences,
            return_state=return_state,
            go_backwards=go_backwards,
            stateful=stateful,
            activity_regularizer=activity_regularizer,
            **kwargs,
        )
        self.rank = rank
        self.input_spec = input_spec_lib.InputSpec(ndim=rank + 3)

    def build(self, sequences_shape, initial_state_shape=None):
        if self.stateful and None in tuple(sequences_shape[2:]):
            raise ValueError(
                f"{type(self).__name__} layer '{self.name}': with "
                "`stateful=True` the spatial and channel sizes of the input "
                "must be static (the states are kept in variables). Received "
                f"input shape {tuple(sequences_shape)}."
            )
        step_shape = (sequences_shape[0], *sequences_shape[2:])
        self._state_shape = self.cell.state_shape(step_shape)[1:]
        super().build(sequences_shape, initial_state_shape)

    def get_initial_state(self, batch_size):
        """Returns zero `h` and `c` maps for a batch (the layer must be built).

        Args:
            batch_size: The number of sequences in the batch.

        Returns:
            A list `[h, c]` of zero tensors of shape `(batch_size,
            *state_shape)`.
        """
        shape = (batch_size, *self._state_shape)
        return [ops.zeros(shape, dtype=self.compute_dtype) for _ in range(2)]

    def call(self, sequences, initial_state=None, mask=None, training=False):
        if initial_state is None and not self.stateful:
            # From the actual input rather than the build shape: the
            # spatial sizes may have been unknown when the layer was built.
            step_shape = [
                ops.shape(sequences)[axis] if size is None else size
                for axis, size in enumerate(sequences.shape)
            ]
            step_shape = (step_shape[0], *step_shape[2:])
            zeros = ops.zeros(
                self.cell.state_shape(step_shape), dtype=self.compute_dtype
            )
            initial_state = [zeros, zeros]
        return super().call(
            sequences, initial_state=initial_state, mask=mask, training=training
        )

    def compute_output_shape(self, sequences_shape, initial_state_shape=None):
        step_shape = (sequences_shape[0], *sequences_shape[2:])
        state_shape = self.cell.state_shape(step_shape)
        if self.return_sequences:
            output_shape = (state_shape[0], sequences_shape[1], *state_shape[1:])
        else:
            output_shape = state_shape
        if self.return_state:
            return (output_shape, state_shape, state_shape)
        return output_shape

    def get_config(self):
        config = {
            key: value for key, value in super().get_config().items() if key != "cell"
        }
        cell_config = {
            **self.cell.get_config(),
            "activity_regularizer": regularizers.serialize(self.activity_regularizer),
        }
        # Keras's key order: the activity regularizer among the others.
        order = (*_CELL_ARGUMENTS[:16], "activity_regularizer", *_CELL_ARGUMENTS[16:])
        config.update({key: cell_config[key] for key in order})
        return config

    @classmethod
    def from_config(cls, config, custom_objects=None):
        return Layer.from_config.__func__(cls, config)


for _name in _CELL_ARGUMENTS:
    setattr(ConvLSTM, _name, cell_arguments.cell_property(_name))


@keras_public("keras.layers")
class ConvLSTM1D(ConvLSTM):
    """1D convolutional LSTM: an LSTM whose products are 1D convolutions.

    Inputs are `(batch, time, steps, channels)` (`(batch, time, channels,
    steps)` with `data_format="channels_first"`); the states `h` and `c`
    are maps with `filters` channels over the convolution's output grid.

    Args:
        filters: The number of output channels, a positive integer.
        kernel_size: An int or a tuple of 1 int.
        strides: An int or a tuple of 1 int, for the input convolution.
        padding: `"valid"` or `"same"`, for the input convolution.
        data_format: `"channels_last"` or `"channels_first"`; the global
            image data format when None.
        dilation_rate: An int or a tuple of 1 int.
        activation: Activation of the candidate and of the output.
        recurrent_activation: Activation of the gates.
        use_bias: Whether a bias is added to the gates.
        kernel_initializer: Initializer of the input kernel.
        recurrent_initializer: Initializer of the recurrent kernel.
        bias_initializer: Initializer of the bias.
        unit_forget_bias: Whether the forget gate's bias starts at 1.
        kernel_regularizer: Regularizer applied to the input kernel.
        recurrent_regularizer: Regularizer applied to the recurrent kernel.
        bias_regularizer: Regularizer applied to the bias.
        activity_regularizer: Regularizer applied to the outputs.
        kernel_constraint: Constraint applied to the input kernel.
        recurrent_constraint: Constraint applied to the recurrent kernel.
        bias_constraint: Constraint applied to the bias.
        dropout: Fraction of the input entries dropped in training.
        recurrent_dropout: Fraction of the state entries dropped in training.
        seed: Seed of the dropout masks.
        return_sequences: Whether to return every step's output.
        return_state: Whether to return the final `h` and `c` too.
        go_backwards: Whether to process the sequence backwards.
        stateful: Whether a batch's final states start the next batch.
        **kwargs: `unroll`, `zero_output_for_mask` and base layer arguments.

    Example:

    >>> layer = keras_core.layers.ConvLSTM1D(4, 3, padding="same")
    >>> layer(numpy.ones((2, 5, 8, 3))).shape
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
        **kwargs,
    ):
        super().__init__(1, **_arguments(locals()), **kwargs)


@keras_public("keras.layers")
class ConvLSTM2D(ConvLSTM):
    """2D convolutional LSTM: an LSTM whose products are 2D convolutions.

    Inputs are `(batch, time, rows, cols, channels)` (`(batch, time,
    channels, rows, cols)` with `data_format="channels_first"`); the states
    `h` and `c` are maps with `filters` channels over the convolution's
    output grid.

    Args:
        filters: The number of output channels, a positive integer.
        kernel_size: An int or a tuple of 2 ints.
        strides: An int or a tuple of 2 ints, for the input convolution.
        padding: `"valid"` or `"same"`, for the input convolution.
        data_format: `"channels_last"` or `"channels_first"`; the global
            image data format when None.
        dilation_rate: An int or a tuple of 2 ints.
        activation: Activation of the candidate and of the output.
        recurrent_activation: Activation of the gates.
        use_bias: Whether a bias is added to the gates.
        kernel_initializer: Initializer of the input kernel.
        recurrent_initializer: Initializer of the recurrent kernel.
        bias_initializer: Initializer of the bias.
        unit_forget_bias: Whether the forget gate's bias starts at 1.
        kernel_regularizer: Regularizer applied to the input kernel.
        recurrent_regularizer: Regularizer applied to the recurrent kernel.
        bias_regularizer: Regularizer applied to the bias.
        activity_regularizer: Regularizer applied to the outputs.
        kernel_constraint: Constraint applied to the input kernel.
        recurrent_constraint: Constraint applied to the recurrent kernel.
        bias_constraint: Constraint applied to the bias.
        dropout: Fraction of the input entries dropped in training.
        recurrent_dropout: Fraction of the state entries dropped in training.
        seed: Seed of the dropout masks.
        return_sequences: Whether to return every step's output.
        return_state: Whether to return the final `h` and `c` too.
        go_backwards: Whether to process the sequence backwards.
        stateful: Whether a batch's final states start the next batch.
        **kwargs: `unroll`, `zero_output_for_mask` and base layer arguments.

    Example:

    >>> layer = keras_core.layers.ConvLSTM2D(4, 3, return_sequences=True)
    >>> layer(numpy.ones((2, 5, 6, 6, 3))).shape
    (2, 5, 4, 4, 4)
    """

    def __init__(
        self,
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
        **kwargs,
    ):
        super().__init__(2, **_arguments(locals()), **kwargs)


@keras_public("keras.layers")
class ConvLSTM3D(ConvLSTM):
    """3D convolutional LSTM: an LSTM whose products are 3D convolutions.

    Inputs are `(batch, time, dim1, dim2, dim3, channels)` (channels after
    `time` with `data_format="channels_first"`); the states `h` and `c` are
    maps with `filters` channels over the convolution's output grid.

    Args:
        filters: The number of output channels, a positive integer.
        kernel_size: An int or a tuple of 3 ints.
        strides: An int or a tuple of 3 ints, for the input convolution.
        padding: `"valid"` or `"same"`, for the input convolution.
        data_format: `"channels_last"` or `"channels_first"`; the global
            image data format when None.
        dilation_rate: An int or a tuple of 3 ints.
        activation: Activation of the candidate and of the output.
        recurrent_activation: Activation of the gates.
        use_bias: Whether a bias is added to the gates.
        kernel_initializer: Initializer of the input kernel.
        recurrent_initializer: Initializer of the recurrent kernel.
        bias_initializer: Initializer of the bias.
        unit_forget_bias: Whether the forget gate's bias starts at 1.
        kernel_regularizer: Regularizer applied to the input kernel.
        recurrent_regularizer: Regularizer applied to the recurrent kernel.
        bias_regularizer: Regularizer applied to the bias.
        activity_regularizer: Regularizer applied to the outputs.
        kernel_constraint: Constraint applied to the input kernel.
        recurrent_constraint: Constraint applied to the recurrent kernel.
        bias_constraint: Constraint applied to the bias.
        dropout: Fraction of the input entries dropped in training.
        recurrent_dropout: Fraction of the state entries dropped in training.
        seed: Seed of the dropout masks.
        return_sequences: Whether to return every step's output.
        return_state: Whether to return the final `h` and `c` too.
        go_backwards: Whether to process the sequence backwards.
        stateful: Whether a batch's final states start the next batch.
        **kwargs: `unroll`, `zero_output_for_mask` and base layer arguments.

    Example:

    >>> layer = keras_core.layers.ConvLSTM3D(2, 2)
    >>> layer(numpy.ones((1, 3, 4, 4, 4, 1))).shape
    (1, 3, 3, 3, 2)
    """

    def __init__(
        self,
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
        **kwargs,
    ):
        super().__init__(3, **_arguments(locals()), **kwargs)


def _arguments(local_values):
    """The named constructor arguments of a ConvLSTMnD `__init__`."""
    return {
        key: value
        for key, value in local_values.items()
        if key not in ("self", "kwargs", "__class__")
    }
