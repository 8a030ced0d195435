"""Gradient control: custom_gradient and stop_gradient."""

from keras_core._src import backend
from keras_core._src.ops import dtype_rules
from keras_core._src.ops.op_definition import backend_op
from keras_core._src.ops.operation import any_symbolic_tensors

__all__ = ["custom_gradient", "stop_gradient"]


def custom_gradient(f):
    """Decorates a function to give it a custom gradient.

    `f(*args)` returns `(y, grad_fn)`: `y` is the output, and
    `grad_fn(upstream)` returns the gradient with respect to each argument
    (a tuple with one entry per argument, or one tensor for one argument)
    given the gradient `upstream` of the loss with respect to `y`. On every
    backend `grad_fn` receives `upstream` as its one positional argument, so
    `def grad_fn(upstream)` and Keras's `def grad_fn(*args, upstream=None)`
    both work.

    Args:
        f: The function to decorate.

    Returns:
        A function computing `y` whose gradient is given by `grad_fn`.

    Example:

    >>> @keras_core.ops.custom_gradient
    ... def clipped_identity(x):
    ...     def grad_fn(upstream):
    ...         return keras_core.ops.clip(upstream, -1.0, 1.0)
    ...     return x, grad_fn
    """

    def decorated(*args):
        if any_symbolic_tensors(args):
            # Symbolically only the output matters: its ops record the graph.
            return f(*args)[0]
        return backend.core_ops.custom_gradient(f)(*args)

    decorated.__name__ = getattr(f, "__name__", "custom_gradient")
    decorated.__doc__ = getattr(f, "__doc__", None)
    return decorated


@backend_op("core_ops", dtype_rules.promote, tensors=("variable",))
def stop_gradient(variable):
    """Returns its input, but blocks gradients from flowing through it.

    Args:
        variable: A tensor or variable.

    Returns:
        The same values, treated as a constant by differentiation.

    Example:

    >>> keras_core.ops.stop_gradient(np.array([1.0, 2.0]))
    Array([1., 2.], dtype=float32)
    """
