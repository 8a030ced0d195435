"""Other elementwise activations: identity, exponential, shrinkage, threshold."""

from keras_core import ops
from keras_core._src.api_export import keras_public

__all__ = [
    "exponential",
    "hard_shrink",
    "linear",
    "soft_shrink",
    "tanh_shrink",
    "threshold",
]


@keras_public("keras.activations")
def linear(x):
    """The identity: returns `x` unchanged (the "no activation" activation).

    Args:
        x: Input tensor.

    Returns:
        `x` itself.

    Example:

    >>> keras_core.activations.linear(3.0)
    3.0
    """
    return x


@keras_public("keras.activations")
def exponential(x):
    """Exponential: `exp(x)`.

    Args:
        x: Input tensor.

    Returns:
        A tensor of the shape of `x`.

    Example:

    >>> keras_core.activations.exponential([0.0, 1.0])
    array([1.       , 2.7182817], dtype=float32)
    """
    return ops.exp(x)


@keras_public("keras.activations")
def soft_shrink(x, threshold=0.5):
    """Soft shrinkage: `x` moved `threshold` towards 0, and 0 within it.

    Args:
        x: Input tensor.
        threshold: Inputs with `abs(x) <= threshold` give 0.

    Returns:
        A tensor of the shape of `x`.

    Example:

    >>> keras_core.activations.soft_shrink([-2.0, 0.2, 1.0])
    array([-1.5,  0. ,  0.5], dtype=float32)
    """
    return ops.soft_shrink(x, threshold=threshold)


@keras_public("keras.activations")
def hard_shrink(x, threshold=0.5):
    """Hard shrinkage: `x` where `abs(x) > threshold`, else 0.

    Args:
        x: Input tensor.
        threshold: Inputs with `abs(x) <= threshold` give 0.

    Returns:
        A tensor of the shape of `x`.

    Example:

    >>> keras_core.activations.hard_shrink([-2.0, 0.2, 1.0])
    array([-2.,  0.,  1.], dtype=float32)
    """
    return ops.hard_shrink(x, threshold=threshold)


@keras_public("keras.activations")
def tanh_shrink(x):
    """Tanh shrinkage: `x - tanh(x)`.

    Args:
        x: Input tensor.

    Returns:
        A tensor of the shape of `x`.

    Example:

    >>> keras_core.activations.tanh_shrink([1.0])
    array([0.23840582], dtype=float32)
    """
    return ops.tanh_shrink(x)


@keras_public("keras.activations")
def threshold(x, threshold, default_value):
    """`x` where `x > threshold`, else `default_value`.

    Args:
        x: Input tensor.
        threshold: Inputs at or below it are replaced.
        default_value: The value that replaces them.

    Returns:
        A tensor of the shape of `x`.

    Example:

    >>> keras_core.activations.threshold([0.0, 2.0], threshold=1.0,
    ...     default_value=-1.0)
    array([-1.,  2.], dtype=float32)
    """
    return ops.threshold(x, threshold, default_value)
