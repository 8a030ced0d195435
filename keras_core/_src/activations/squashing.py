"""Squashing activations: sigmoid and tanh shapes that saturate at both ends."""

from keras_core import ops
from keras_core._src.api_export import keras_public

__all__ = [
    "hard_sigmoid",
    "hard_tanh",
    "log_sigmoid",
    "sigmoid",
    "softsign",
    "sparse_sigmoid",
    "tanh",
]


@keras_public("keras.activations")
def sigmoid(x):
    """Sigmoid: `1 / (1 + exp(-x))`, from 0 to 1.

    Args:
        x: Input tensor.

    Returns:
        A tensor of the shape of `x`.

    Example:

    >>> keras_core.activations.sigmoid([0.0, 2.0])
    array([0.5      , 0.8807971], dtype=float32)
    """
    return ops.sigmoid(x)


@keras_public("keras.activations")
def hard_sigmoid(x):
    """Hard sigmoid: `relu6(x + 3) / 6`, a piecewise-linear sigmoid.

    Args:
        x: Input tensor.

    Returns:
        A tensor of the shape of `x`.

    Example:

    >>> keras_core.activations.hard_sigmoid([-4.0, 0.0, 1.5])
    array([0.  , 0.5 , 0.75], dtype=float32)
    """
    return ops.hard_sigmoid(x)


@keras_public("keras.activations")
def sparse_sigmoid(x):
    """Sparse sigmoid: 0 below -1, `(x + 1) / 2` on [-1, 1], 1 above 1.

    Args:
        x: Input tensor.

    Returns:
        A tensor of the shape of `x`.

    Example:

    >>> keras_core.activations.sparse_sigmoid([-2.0, 0.5, 2.0])
    array([0.  , 0.75, 1.  ], dtype=float32)
    """
    return ops.sparse_sigmoid(x)


@keras_public("keras.activations")
def log_sigmoid(x):
    """Logarithm of the sigmoid: `-softplus(-x)`, computed stably.

    Args:
        x: Input tensor.

    Returns:
        A tensor of the shape of `x`.

    Example:

    >>> keras_core.activations.log_sigmoid([0.0])
    array([-0.6931472], dtype=float32)
    """
    return ops.log_sigmoid(x)


@keras_public("keras.activations")
def tanh(x):
    """Hyperbolic tangent: `(exp(x) - exp(-x)) / (exp(x) + exp(-x))`.

    Args:
        x: Input tensor.

    Returns:
        A tensor of the shape of `x`.

    Example:

    >>> keras_core.activations.tanh([0.0, 1.0])
    array([0.       , 0.7615942], dtype=float32)
    """
    return ops.tanh(x)


@keras_public("keras.activations")
def hard_tanh(x):
    """Hard tanh: `x` clipped to [-1, 1].

    Args:
        x: Input tensor.

    Returns:
        A tensor of the shape of `x`.

    Example:

    >>> keras_core.activations.hard_tanh([-2.0, 0.5, 2.0])
    array([-1. ,  0.5,  1. ], dtype=float32)
    """
    return ops.hard_tanh(x)


@keras_public("keras.activations")
def softsign(x):
    """Softsign: `x / (abs(x) + 1)`.

    Args:
        x: Input tensor.

    Returns:
        A tensor of the shape of `x`.

    Example:

    >>> keras_core.activations.softsign([-1.0, 3.0])
    array([-0.5 ,  0.75], dtype=float32)
    """
    return ops.softsign(x)
