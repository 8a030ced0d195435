"""Fused recurrent kernels for LSTM and GRU, where the backend has one.

The backend table's `rnn.lstm`/`rnn.gru` run a whole sequence in one
framework kernel (torch's fused RNN ops), in a loop with the input
projection hoisted out of it (JAX, TensorFlow: `common/gated_steps.py`), or
raise the backend's `FastPathUnavailable`; the layers then run the generic
cell loop. Only the
configuration the kernels compute qualifies: tanh and sigmoid activations,
no recurrent dropout in training, no unrolling (and for GRU
`reset_after=True`); the backend checks the rest (mask layout, dtypes).
"""

from keras_core import ops
from keras_core._src import activations
from keras_core._src import backend


def check_use_cudnn(use_cudnn):
    if use_cudnn not in ("auto", True, False):
        raise ValueError(
            "Invalid valid received for argument `use_cudnn`. Expected one of "
            f"{{'auto', True, False}}. Received: use_cudnn={use_cudnn!r}"
        )


def applies(layer, training):
    """Whether `layer`'s configuration is one a fused kernel computes."""
    cell = layer.cell
    return (
        layer.use_cudnn is not False
        and not layer.unroll
        and cell.activation is activations.get("tanh")
        and cell.recurrent_activation is activations.get("sigmoid")
        and not (training and cell.recurrent_dropout)
        and getattr(cell, "reset_after", True)
    )


def refuse(layer):
    raise ValueError(
        f"Layer '{layer.name}' ({type(layer).__name__}): use_cudnn=True was "
        "specified, but no fused kernel supports this layer configuration on "
        f"the {backend.backend()} backend (it needs activation='tanh', "
        "recurrent_activation='sigmoid', recurrent_dropout=0 in training, "
        "unroll=False and a right-padded mask, on a backend with a fused "
        "kernel). Pass use_cudnn='auto' to fall back to the generic loop."
    )


def run(layer, kind, sequences, mask, training, **initial_states):
    """Runs the backend's fused `kind` kernel; None when it declines."""
    cell = layer.cell
    if training and cell.dropout:
        # Input dropout keeps one mask per sequence: apply it up front.
        input_mask = cell.get_dropout_mask(sequences[:, 0])
        sequences = sequences * ops.expand_dims(input_mask, 1)
    bias = None if cell.bias is None else ops.convert_to_tensor(cell.bias)
    try:
        return getattr(backend.rnn, kind)(
            sequences,
            **initial_states,
            mask=mask,
            kernel=ops.convert_to_tensor(cell.kernel),
            recurrent_kernel=ops.convert_to_tensor(cell.recurrent_kernel),
            bias=bias,
            return_sequences=layer.return_sequences,
            go_backwards=layer.go_backwards,
            zero_output_for_mask=layer.zero_output_for_mask,
        )
    except backend.rnn.FastPathUnavailable:
        return None
