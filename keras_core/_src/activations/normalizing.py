"""Activations over an axis: softmax, log-softmax, sparsemax and GLU."""

from keras_core import ops
from keras_core._src.api_export import keras_public

__all__ = ["glu", "log_softmax", "softmax", "sparsemax"]


@keras_public("keras.activations")
def softmax(x, axis=-1):
    """Softmax: `exp(x) / sum(exp(x))` along `axis`, a probability distribution.

    Args:
        x: Input tensor.
        axis: The axis (or tuple of axes) normalized over.

    Returns:
        A tensor of the shape of `x`, summing to 1 along `axis`.

    Example:

    >>> keras_core.activations.softmax([[1.0, 1.0], [0.0, 2.0]])
    array([[0.5       , 0.5       ],
           [0.11920292, 0.8807971 ]], dtype=float32)
    """
    return ops.softmax(x, axis=axis)


@keras_public("keras.activations")
def log_softmax(x, axis=-1):
    """Logarithm of the softmax along `axis`, computed stably.

    Args:
        x: Input tensor.
        axis: The axis (or tuple of axes) normalized over.

    Returns:
        A tensor of the shape of `x`.

    Example:

    >>> keras_core.activations.log_softmax([1.0, 1.0])
    array([-0.6931472, -0.6931472], dtype=float32)
    """
    return ops.log_softmax(x, axis=axis)


@keras_public("keras.activations")
def sparsemax(x, axis=-1):
    """Sparsemax: the Euclidean projection of `x` onto the probability simplex.

    Like softmax it gives a distribution along `axis`, but small entries
    become exactly 0.

    Args:
        x: Input tensor.
        axis: The axis normalized over.

    Returns:
        A tensor of the shape of `x`, summing to 1 along `axis`.

    Example:

    >>> keras_core.activations.sparsemax([1.0, 1.2, 0.1])
    array([0.4, 0.6, 0. ], dtype=float32)
    """
    return ops.sparsemax(x, axis=axis)


@keras_public("keras.activations")
def glu(x, axis=-1):
    """Gated linear unit: `a * sigmoid(b)`, `a` and `b` the halves of `x`.

    Args:
        x: Input tensor; its size along `axis` must be even.
        axis: The axis split in two.

    Returns:
        A tensor with half the size of `x` along `axis`.

    Example:

    >>> keras_core.activations.glu([1.0, 0.0])
    array([0.5], dtype=float32)
    """
    return ops.glu(x, axis=axis)
