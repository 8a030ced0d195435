"""NumPy step equations of the recurrent cells and the loop around them.

Independent references for the recurrent layer tests: each step function
takes `(x_t, states, weights)` with NumPy arrays and returns
`(output, new_states)`; `run` loops one over a batch-major sequence with
Keras's masking rules (a masked step keeps the states and repeats the last
output, or outputs zeros with `zero_output_for_mask`).
"""

import numpy as np


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def simple_rnn_step(x, states, weights, activation=np.tanh):
    kernel, recurrent_kernel = weights[0], weights[1]
    bias = weights[2] if len(weights) > 2 else 0.0
    output = activation(x @ kernel + states[0] @ recurrent_kernel + bias)
    return output, [output]


def lstm_step(x, states, weights, activation=np.tanh, recurrent_activation=sigmoid):
    """Gates in Keras's kernel order: input, forget, cell, output."""
    kernel, recurrent_kernel = weights[0], weights[1]
    bias = weights[2] if len(weights) > 2 else 0.0
    h, c = states
    z = x @ kernel + h @ recurrent_kernel + bias
    i, f, g, o = np.split(z, 4, axis=-1)
    i, f, o = recurrent_activation(i), recurrent_activation(f), recurrent_activation(o)
    c = f * c + i * activation(g)
    h = o * activation(c)
    return h, [h, c]


def gru_step(
    x,
    states,
    weights,
    reset_after=True,
    activation=np.tanh,
    recurrent_activation=sigmoid,
):
    """Gates in Keras's kernel order: update (z), reset (r), candidate (h).

    With `reset_after` the bias has shape `(2, 3 * units)` (input bias,
    recurrent bias) and the reset gate multiplies the recurrent projection
    after the matmul; otherwise it multiplies the state before it.
    """
    kernel, recurrent_kernel = weights[0], weights[1]
    if len(weights) > 2:
        bias = weights[2]
        input_bias, recurrent_bias = (bias[0], bias[1]) if reset_after else (bias, 0.0)
    else:
        input_bias, recurrent_bias = 0.0, 0.0
    h = states[0]
    x_proj = x @ kernel + input_bias
    x_z, x_r, x_h = np.split(x_proj, 3, axis=-1)
    u_z, u_r, u_h = np.split(recurrent_kernel, 3, axis=-1)
    if reset_after:
        h_proj = h @ recurrent_kernel + recurrent_bias
        h_z, h_r, h_h = np.split(h_proj, 3, axis=-1)
        z = recurrent_activation(x_z + h_z)
        r = recurrent_activation(x_r + h_r)
        candidate = activation(x_h + r * h_h)
    else:
        z = recurrent_activation(x_z + h @ u_z)
        r = recurrent_activation(x_r + h @ u_r)
        candidate = activation(x_h + (r * h) @ u_h)
    h = z * h + (1.0 - z) * candidate
    return h, [h]


def run(
    step,
    inputs,
    states,
    mask=None,
    go_backwards=False,
    zero_output_for_mask=False,
):
    """Loops `step(x_t, states)` over `(batch, time, ...)` inputs.

    Returns:
        `(outputs, final_states)`: outputs `(batch, time, ...)` in the
        order the steps ran (reversed when `go_backwards`).
    """
    inputs = np.asarray(inputs, dtype="float64")
    states = [np.asarray(s, dtype="float64") for s in states]
    steps = (
        range(inputs.shape[1] - 1, -1, -1) if go_backwards else range(inputs.shape[1])
    )
    outputs = []
    previous = None
    for t in steps:
        output, new_states = step(inputs[:, t], states)
        if mask is not None:
            keep = np.asarray(mask[:, t], bool)
            new_states = [
                np.where(keep.reshape((-1,) + (1,) * (n.ndim - 1)), n, s)
                for n, s in zip(new_states, states, strict=True)
            ]
            if zero_output_for_mask or previous is None:
                fallback = np.zeros_like(output)
            else:
                fallback = previous
            output = np.where(
                keep.reshape((-1,) + (1,) * (output.ndim - 1)), output, fallback
            )
        states = new_states
        previous = output
        outputs.append(output)
    return np.stack(outputs, axis=1), states


class NumpyInitializer:
    """Draws weights with NumPy: random, and cheap to create on every backend
    (no framework random kernel to compile for each new shape)."""

    def __init__(self, seed=0, scale=0.5):
        self.rng = np.random.default_rng(seed)
        self.scale = scale

    def __call__(self, shape, dtype=None):
        return self.rng.normal(scale=self.scale, size=shape).astype(dtype or "float32")


def random_weights(seed=0):
    """Keyword arguments giving a recurrent layer NumPy-drawn weights."""
    return {
        "kernel_initializer": NumpyInitializer(seed),
        "recurrent_initializer": NumpyInitializer(seed + 1),
        "bias_initializer": NumpyInitializer(seed + 2),
    }


# Cheap serializable initializers for layers that are saved: tests then
# draw the weights with `randomize`.
ZEROS = {
    "kernel_initializer": "zeros",
    "recurrent_initializer": "zeros",
    "bias_initializer": "zeros",
}


def randomize(layer, seed=0):
    """Sets every weight of `layer` to NumPy normal draws."""
    rng = np.random.default_rng(seed)
    layer.set_weights(
        [rng.normal(scale=0.5, size=w.shape).astype("float32") for w in layer.weights]
    )


def check_inference_follows_weight_changes(layer, x, reference_step, num_states):
    """Predicts on `x`, changes `layer`'s kernels two ways, predicts again.

    Torch keeps its kernel layout between inference calls; a weight that is
    replaced (`set_weights`) or written in place (`assign`) must still show
    in the next output, which is checked against `reference_step(layer)`.
    """
    import keras_core

    model = keras_core.Sequential([keras_core.Input(x.shape[1:]), layer])
    for change in ("set_weights", "assign"):
        model.predict(x, verbose=0)
        weights = layer.get_weights()
        weights[0] = weights[0] * 0.5
        weights[1] = weights[1][:, ::-1].copy()
        if change == "set_weights":
            layer.set_weights(weights)
        else:
            layer.cell.kernel.assign(weights[0])
            layer.cell.recurrent_kernel.assign(weights[1])
        zeros = [np.zeros((x.shape[0], weights[1].shape[0]))] * num_states
        expected, _ = run(reference_step(layer), x, zeros)
        np.testing.assert_allclose(
            model.predict(x, verbose=0), expected[:, -1], atol=1e-5
        )
