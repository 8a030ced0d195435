"""custom_gradient and stop_gradient on JAX."""

import jax


def _as_tuple(gradients):
    return tuple(gradients) if isinstance(gradients, (list, tuple)) else (gradients,)


def custom_gradient(f):
    @jax.custom_gradient
    def forward(*args):
        output, grad_fn = f(*args)

        def vjp(upstream):
            # One cotangent per positional argument, as jax requires.
            return _as_tuple(grad_fn(upstream))

        return output, vjp

    return forward


def stop_gradient(variable):
    return jax.lax.stop_gradient(variable)


def remat(function):
    """`function`, recomputing its activations in backprop (jax.checkpoint)."""
    return jax.checkpoint(function)
