"""LSTM and GRU steps on pre-projected inputs, for backends without kernels.

JAX and TensorFlow on CPU have no fused recurrent kernel, but the input
half of every gate does not depend on the state: `inputs @ kernel + bias`
runs as one matrix product over all time steps before the loop, and each
step only multiplies the state by the recurrent kernel. That is what a
hand-written `lax.scan`/`tf.scan` LSTM does; the generic cell loop instead
multiplies one time step's inputs per iteration. The backends' `rnn.lstm`
and `rnn.gru` write the loop (`lax.scan`, `tf.while_loop`) around these
steps; the gate order and equations are Keras's (see `LSTMCell`, `GRUCell`).
"""


class GateFunctions:
    """The array functions the steps need, from one backend.

    Args:
        sigmoid: The gates' activation.
        tanh: The candidate's and the output's activation.
        where: `where(condition, x, y)` broadcasting a `(batch, 1)` condition.
        zeros_like: Zeros shaped like a tensor.
        split: `split(x, parts)` along the last axis (one op, where slices
            would be one op each and one gradient op each).
    """

    def __init__(self, sigmoid, tanh, where, zeros_like, split):
        self.split = split
        self.sigmoid = sigmoid
        self.tanh = tanh
        self.where = where
        self.zeros_like = zeros_like


def lstm_step(functions, projected_t, states, recurrent_kernel):
    """One LSTM step; `projected_t` is `x_t @ kernel + bias`, `states` `[h, c]`."""
    h, c = states
    z_i, z_f, z_c, z_o = functions.split(projected_t + h @ recurrent_kernel, 4)
    c = functions.sigmoid(z_f) * c + functions.sigmoid(z_i) * functions.tanh(z_c)
    return [functions.sigmoid(z_o) * functions.tanh(c), c]


def gru_step(functions, projected_t, states, recurrent_kernel, recurrent_bias):
    """One GRU step (`reset_after=True`); `states` is `[h]`."""
    (h,) = states
    recurrent = h @ recurrent_kernel
    if recurrent_bias is not None:
        recurrent = recurrent + recurrent_bias
    x_update, x_reset, x_candidate = functions.split(projected_t, 3)
    h_update, h_reset, h_candidate = functions.split(recurrent, 3)
    update = functions.sigmoid(x_update + h_update)
    reset = functions.sigmoid(x_reset + h_reset)
    candidate = functions.tanh(x_candidate + reset * h_candidate)
    return [update * h + (1 - update) * candidate]


def split_gru_bias(bias):
    """Keras's `(2, 3 * units)` GRU bias as (input bias, recurrent bias)."""
    if bias is None:
        return None, None
    return bias[0], bias[1]


def masked_step(functions, mask_t, new_states, states, previous, zero_output):
    """Keeps the states of masked rows; their output repeats (or is zero).

    Args:
        functions: A `GateFunctions`.
        mask_t: `(batch, 1)` booleans, True where the step is valid.
        new_states: The step's states; the first is its output.
        states: The states before the step.
        previous: The previous step's output.
        zero_output: Whether masked rows output zeros instead of `previous`.

    Returns:
        `(output, states)`.
    """
    kept = [
        functions.where(mask_t, new, old)
        for new, old in zip(new_states, states, strict=True)
    ]
    fallback = functions.zeros_like(previous) if zero_output else previous
    return functions.where(mask_t, new_states[0], fallback), kept
