"""Helpers shared by the op test tables: gradients on the active backend and
central finite differences as their independent reference."""

import numpy as np

import keras_core

BACKEND = keras_core.config.backend()
RNG = np.random.default_rng(0)


def positive(*shape):
    """float32 samples in [0.5, 2): inside every op's domain."""
    return RNG.uniform(0.5, 2.0, size=shape).astype("float32")


def signed(*shape):
    """float32 samples of either sign, 0.5 or more from 0.

    Kinks and poles at 0 (abs, sign, maximum ties, reciprocal) are not sampled.
    """
    values = RNG.uniform(0.5, 2.0, size=shape) * RNG.choice([-1.0, 1.0], size=shape)
    return values.astype("float32")


def backend_gradients(function, inputs):
    """Gradients of sum(function(*inputs)) for each input, as NumPy arrays.

    jax differentiates in float32 (no x64); torch and tensorflow in float64.
    """
    if BACKEND == "jax":
        import jax

        def total(*xs):
            return function(*xs).sum()

        # Jitted: one compilation instead of one per primitive.
        gradient = jax.jit(jax.grad(total, argnums=tuple(range(len(inputs)))))
        return [np.asarray(g) for g in gradient(*inputs)]
    if BACKEND == "torch":
        import torch

        tensors = [
            torch.tensor(x, dtype=torch.float64, requires_grad=True) for x in inputs
        ]
        function(*tensors).sum().backward()
        return [t.grad.numpy() for t in tensors]
    if BACKEND != "tensorflow":
        raise ValueError(f"The {BACKEND} backend has no gradients.")
    import tensorflow as tf

    variables = [tf.Variable(x, dtype=tf.float64) for x in inputs]
    with tf.GradientTape() as tape:
        total = tf.reduce_sum(function(*variables))
    # Piecewise-constant ops (floor, round) have no registered TF gradient:
    # their derivative is zero, as the finite differences say.
    gradients = tape.gradient(
        total, variables, unconnected_gradients=tf.UnconnectedGradients.ZERO
    )
    return [g.numpy() for g in gradients]


def finite_differences(reference, inputs, step=1e-6):
    """Central differences of sum(reference(*inputs)) for each input."""
    gradients = []
    for index, x in enumerate(inputs):
        gradient = np.zeros_like(x)
        for position in np.ndindex(x.shape):
            up = [y.copy() for y in inputs]
            down = [y.copy() for y in inputs]
            up[index][position] += step
            down[index][position] -= step
            delta = np.sum(reference(*up)) - np.sum(reference(*down))
            gradient[position] = delta / (2 * step)
        gradients.append(gradient)
    return gradients
