"""Rectifier-like activations: linear for large inputs, damped below."""

from keras_core import ops
from keras_core._src.api_export import keras_public

__all__ = [
    "celu",
    "elu",
    "gelu",
    "hard_silu",
    "hard_swish",
    "leaky_relu",
    "mish",
    "relu",
    "relu6",
    "selu",
    "silu",
    "softplus",
    "sparse_plus",
    "squareplus",
    "swish",
]


@keras_public("keras.activations")
def relu(x, negative_slope=0.0, max_value=None, threshold=0.0):
    """Rectified linear unit, optionally leaky, capped and shifted.

    With the defaults it is `max(x, 0)`. In general it returns `max_value`
    for `x >= max_value`, `x` for `threshold <= x < max_value`, and
    `negative_slope * (x - threshold)` below `threshold`.

    Args:
        x: Input tensor.
        negative_slope: Slope below `threshold`.
        max_value: The largest value returned; None for no cap.
        threshold: Where the linear part starts.

    Returns:
        A tensor of the shape and dtype of `x`.

    Example:

    >>> keras_core.activations.relu([-1.0, 0.5, 8.0], max_value=6.0)
    array([0. , 0.5, 6. ], dtype=float32)
    """
    if negative_slope == 0 and max_value is None and threshold == 0:
        return ops.relu(x)
    x = ops.convert_to_tensor(x)
    if negative_slope == 0:
        below = ops.zeros_like(x)
    else:
        below = ops.multiply(ops.subtract(x, threshold), negative_slope)
    # Keras keeps x only strictly above the threshold.
    output = ops.where(ops.greater(x, threshold), x, below)
    if max_value is not None:
        output = ops.minimum(output, ops.cast(max_value, output.dtype))
    return output


@keras_public("keras.activations")
def relu6(x):
    """ReLU capped at 6: `min(max(x, 0), 6)`.

    Args:
        x: Input tensor.

    Returns:
        A tensor of the shape of `x`.

    Example:

    >>> keras_core.activations.relu6([-1.0, 3.0, 8.0])
    array([0., 3., 6.], dtype=float32)
    """
    return ops.relu6(x)


@keras_public("keras.activations")
def leaky_relu(x, negative_slope=0.2):
    """Leaky ReLU: `x` for `x >= 0`, `negative_slope * x` below.

    Args:
        x: Input tensor.
        negative_slope: Slope for negative inputs.

    Returns:
        A tensor of the shape of `x`.

    Example:

    >>> keras_core.activations.leaky_relu([-1.0, 2.0])
    array([-0.2,  2. ], dtype=float32)
    """
    return ops.leaky_relu(x, negative_slope=negative_slope)


@keras_public("keras.activations")
def elu(x, alpha=1.0):
    """Exponential linear unit: `x` for `x > 0`, `alpha * (exp(x) - 1)` below.

    Args:
        x: Input tensor.
        alpha: The value negative inputs saturate to is `-alpha`.

    Returns:
        A tensor of the shape of `x`.

    Example:

    >>> keras_core.activations.elu([-1.0, 2.0])
    array([-0.63212055,  2.        ], dtype=float32)
    """
    return ops.elu(x, alpha=alpha)


@keras_public("keras.activations")
def selu(x):
    """Scaled ELU: `scale * elu(x, alpha)` with the self-normalizing constants.

    `alpha ~= 1.6733` and `scale ~= 1.0507` keep the mean and variance of
    activations stable across layers (use `lecun_normal` initialization).

    Args:
        x: Input tensor.

    Returns:
        A tensor of the shape of `x`.

    Example:

    >>> keras_core.activations.selu([-1.0, 1.0])
    array([-1.1113307,  1.050701 ], dtype=float32)
    """
    return ops.selu(x)


@keras_public("keras.activations")
def celu(x, alpha=1.0):
    """Continuously differentiable ELU.

    It is `max(x, 0) + min(0, alpha * (exp(x / alpha) - 1))`.

    Args:
        x: Input tensor.
        alpha: The scale of the negative part.

    Returns:
        A tensor of the shape of `x`.

    Example:

    >>> keras_core.activations.celu([-1.0, 2.0], alpha=0.5)
    array([-0.43233237,  2.        ], dtype=float32)
    """
    return ops.celu(x, alpha=alpha)


@keras_public("keras.activations")
def gelu(x, approximate=False):
    """Gaussian error linear unit: `x * P(X <= x)` for a standard normal `X`.

    Args:
        x: Input tensor.
        approximate: Whether to use the tanh approximation
            `0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x**3)))`
            instead of the exact `0.5 * x * (1 + erf(x / sqrt(2)))`.

    Returns:
        A tensor of the shape of `x`.

    Example:

    >>> keras_core.activations.gelu([-1.0, 1.0])
    array([-0.15865526,  0.8413447 ], dtype=float32)
    """
    return ops.gelu(x, approximate=approximate)


# `swish` is the same function under its older name; configs say "silu".
@keras_public("keras.activations")
@keras_public("keras.activations", name="swish")
def silu(x):
    """Sigmoid linear unit (swish): `x * sigmoid(x)`.

    Args:
        x: Input tensor.

    Returns:
        A tensor of the shape of `x`.

    Example:

    >>> keras_core.activations.silu([-1.0, 1.0])
    array([-0.26894143,  0.7310586 ], dtype=float32)
    """
    return ops.silu(x)


swish = silu


@keras_public("keras.activations")
@keras_public("keras.activations", name="hard_swish")
def hard_silu(x):
    """Hard SiLU (hard swish): `x * relu6(x + 3) / 6`, a cheap `silu`.

    Args:
        x: Input tensor.

    Returns:
        A tensor of the shape of `x`.

    Example:

    >>> keras_core.activations.hard_silu([-1.0, 1.0])
    array([-0.33333334,  0.6666667 ], dtype=float32)
    """
    return ops.hard_silu(x)


hard_swish = hard_silu


@keras_public("keras.activations")
def mish(x):
    """Mish: `x * tanh(softplus(x))`, a smooth, non-monotonic rectifier.

    Args:
        x: Input tensor.

    Returns:
        A tensor of the shape of `x`.

    Example:

    >>> keras_core.activations.mish([-1.0, 1.0])
    array([-0.30340144,  0.86509836], dtype=float32)
    """
    x = ops.convert_to_tensor(x)
    return ops.multiply(x, ops.tanh(ops.softplus(x)))


@keras_public("keras.activations")
def softplus(x):
    """Softplus: `log(exp(x) + 1)`, a smooth `relu`.

    Args:
        x: Input tensor.

    Returns:
        A tensor of the shape of `x`.

    Example:

    >>> keras_core.activations.softplus([0.0, 2.0])
    array([0.6931472, 2.126928 ], dtype=float32)
    """
    return ops.softplus(x)


@keras_public("keras.activations")
def sparse_plus(x):
    """SparsePlus: 0 below -1, `(x + 1)**2 / 4` on [-1, 1], `x` above 1.

    Args:
        x: Input tensor.

    Returns:
        A tensor of the shape of `x`.

    Example:

    >>> keras_core.activations.sparse_plus([-2.0, 0.0, 2.0])
    array([0.  , 0.25, 2.  ], dtype=float32)
    """
    return ops.sparse_plus(x)


@keras_public("keras.activations")
def squareplus(x, b=4):
    """Squareplus: `(x + sqrt(x**2 + b)) / 2`, a smooth `relu` without exp.

    Args:
        x: Input tensor.
        b: Smoothness near 0 (non-negative); 0 gives `relu`.

    Returns:
        A tensor of the shape of `x`.

    Example:

    >>> keras_core.activations.squareplus([0.0, 2.0])
    array([1.       , 2.4142137], dtype=float32)
    """
    return ops.squareplus(x, b=b)
