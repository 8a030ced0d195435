"""Activation functions of `keras_core.ops.nn` (relu, sigmoid, softmax...).

Each op maps a tensor elementwise (softmax, log_softmax, sparsemax and glu
along an axis). Result dtypes follow Keras 3: float inputs keep their dtype;
the piecewise-linear ops that stay exact on integers (relu, relu6,
hard_tanh) keep integer and boolean dtypes too; the others give floatx for
integers. Half-precision inputs are computed in float32 and given back in
their own dtype, so no backend needs half-precision kernels.
"""

from keras_core._src.backend.common.dtypes import promotion_type
from keras_core._src.backend.common.dtypes import result_type
from keras_core._src.ops import dtype_rules
from keras_core._src.ops.op_definition import backend_op

__all__ = [
    "celu",
    "elu",
    "gelu",
    "glu",
    "hard_shrink",
    "hard_sigmoid",
    "hard_silu",
    "hard_swish",
    "hard_tanh",
    "leaky_relu",
    "log_sigmoid",
    "log_softmax",
    "relu",
    "relu6",
    "selu",
    "sigmoid",
    "silu",
    "soft_shrink",
    "softmax",
    "softplus",
    "softsign",
    "sparse_plus",
    "sparse_sigmoid",
    "sparsemax",
    "squareplus",
    "swish",
    "tanh_shrink",
    "threshold",
]

_HALF = ("float16", "bfloat16")


def _in_float32_if_half(dtype):
    """`(compute, result)`: half precision computed in float32, given back."""
    return ("float32" if dtype in _HALF else dtype), dtype


def _float_rule(x):
    """Floats keep their dtype; integers and booleans give floatx."""
    return _in_float32_if_half(dtype_rules.promote_to_float(x)[0])


def _float_no_bool_rule(x):
    """Like `_float_rule`, but booleans are refused (as Keras refuses them)."""
    if result_type(x) == "bool":
        raise TypeError("boolean inputs are not supported; cast them to a float.")
    return _float_rule(x)


def _keep_rule(x):
    """Integers and booleans keep their dtype: the op is exact on them."""
    dtype = result_type(x)
    if dtype in _HALF:
        return _in_float32_if_half(dtype)
    return dtype, dtype


def _sparsemax_rule(x, *, axis):
    """Like `_float_rule`; `axis` must be one int (Keras takes no tuple)."""
    if not isinstance(axis, int) or isinstance(axis, bool):
        raise TypeError(f"`axis` must be an int. Received: axis={axis!r}.")
    return _float_rule(x)


def _threshold_rule(x, *, default_value):
    """`x` promoted with `default_value` (a weak Python scalar when one)."""
    return _in_float32_if_half(result_type(x, promotion_type(default_value)))


@backend_op("nn", _keep_rule)
def relu(x):
    """Rectified linear unit: `max(x, 0)`.

    Args:
        x: Input tensor.

    Returns:
        A tensor of the same shape and dtype as `x`.

    Example:

    >>> keras_core.ops.relu([-1.0, 0.0, 2.0])
    array([0., 0., 2.], dtype=float32)
    """


@backend_op("nn", _keep_rule)
def relu6(x):
    """Rectified linear unit capped at 6: `min(max(x, 0), 6)`.

    Args:
        x: Input tensor.

    Returns:
        A tensor of the same shape and dtype as `x`.

    Example:

    >>> keras_core.ops.relu6([-1.0, 3.0, 8.0])
    array([0., 3., 6.], dtype=float32)
    """


@backend_op("nn", _float_no_bool_rule)
def sigmoid(x):
    """Logistic sigmoid: `1 / (1 + exp(-x))`, stable for large `|x|`.

    Args:
        x: Input tensor.

    Returns:
        A tensor of the same shape as `x`, with values in [0, 1].

    Example:

    >>> keras_core.ops.sigmoid([0.0])
    array([0.5], dtype=float32)
    """


@backend_op("nn", _float_rule)
def sparse_sigmoid(x):
    """Piecewise-linear sigmoid: 0 below -1, 1 above 1, `(x + 1) / 2` between.

    Args:
        x: Input tensor.

    Returns:
        A tensor of the same shape as `x`, with values in [0, 1].

    Example:

    >>> keras_core.ops.sparse_sigmoid([-2.0, 0.5, 2.0])
    array([0.  , 0.75, 1.  ], dtype=float32)
    """


@backend_op("nn", _float_rule)
def softplus(x):
    """Softplus: `log(1 + exp(x))`, stable for large `|x|`.

    Args:
        x: Input tensor.

    Returns:
        A tensor of the same shape as `x`.

    Example:

    >>> keras_core.ops.softplus([0.0])
    array([0.6931472], dtype=float32)
    """


@backend_op("nn", _float_rule)
def softsign(x):
    """Softsign: `x / (1 + |x|)`.

    Args:
        x: Input tensor.

    Returns:
        A tensor of the same shape as `x`, with values in (-1, 1).

    Example:

    >>> keras_core.ops.softsign([1.0])
    array([0.5], dtype=float32)
    """


@backend_op("nn", _float_no_bool_rule)
def silu(x):
    """Sigmoid linear unit (also called swish): `x * sigmoid(x)`.

    Args:
        x: Input tensor.

    Returns:
        A tensor of the same shape as `x`.

    Example:

    >>> keras_core.ops.silu([0.0, 1.0])
    array([0.       , 0.7310586], dtype=float32)
    """


# Keras 3 exports the same function under both names.
swish = silu


@backend_op("nn", _float_no_bool_rule)
def log_sigmoid(x):
    """Logarithm of the sigmoid: `-softplus(-x)`, stable for large `|x|`.

    Args:
        x: Input tensor.

    Returns:
        A tensor of the same shape as `x`, with values at most 0.

    Example:

    >>> keras_core.ops.log_sigmoid([0.0])
    array([-0.6931472], dtype=float32)
    """


@backend_op("nn", _float_rule)
def leaky_relu(x, negative_slope=0.2):
    """Leaky rectified linear unit: `x` if `x >= 0`, else `negative_slope * x`.

    Args:
        x: Input tensor.
        negative_slope: The slope below zero.

    Returns:
        A tensor of the same shape as `x`.

    Example:

    >>> keras_core.ops.leaky_relu([-1.0, 2.0])
    array([-0.2,  2. ], dtype=float32)
    """


@backend_op("nn", _float_rule)
def hard_sigmoid(x):
    """Piecewise-linear sigmoid: `relu6(x + 3) / 6`.

    Args:
        x: Input tensor.

    Returns:
        A tensor of the same shape as `x`, with values in [0, 1].

    Example:

    >>> keras_core.ops.hard_sigmoid([-4.0, 0.0, 4.0])
    array([0. , 0.5, 1. ], dtype=float32)
    """


@backend_op("nn", _float_rule)
def hard_silu(x):
    """Hard SiLU (also called hard swish): `x * relu6(x + 3) / 6`.

    Args:
        x: Input tensor.

    Returns:
        A tensor of the same shape as `x`.

    Example:

    >>> keras_core.ops.hard_silu([-4.0, 0.0, 4.0])
    array([-0.,  0.,  4.], dtype=float32)
    """


# Keras 3 exports the same function under both names.
hard_swish = hard_silu


@backend_op("nn", _float_rule)
def elu(x, alpha=1.0):
    """Exponential linear unit: `x` if `x > 0`, else `alpha * (exp(x) - 1)`.

    Args:
        x: Input tensor.
        alpha: The scale of the negative part.

    Returns:
        A tensor of the same shape as `x`.

    Example:

    >>> keras_core.ops.elu([-1.0, 1.0])
    array([-0.63212055,  1.        ], dtype=float32)
    """


@backend_op("nn", _float_rule)
def selu(x):
    """Scaled exponential linear unit: `scale * elu(x, alpha)`.

    `alpha` is 1.6732632423543772 and `scale` 1.0507009873554805, the
    constants that make activations self-normalizing.

    Args:
        x: Input tensor.

    Returns:
        A tensor of the same shape as `x`.

    Example:

    >>> keras_core.ops.selu([1.0])
    array([1.050701], dtype=float32)
    """


@backend_op("nn", _float_rule)
def gelu(x, approximate=True):
    """Gaussian error linear unit: `x * P(X <= x)` for a standard normal X.

    Args:
        x: Input tensor.
        approximate: Whether to use the tanh approximation
            `0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x**3)))`
            instead of the exact `0.5 * x * (1 + erf(x / sqrt(2)))`.

    Returns:
        A tensor of the same shape as `x`.

    Example:

    >>> keras_core.ops.gelu([1.0], approximate=False)
    array([0.8413447], dtype=float32)
    """


@backend_op("nn", _float_rule)
def celu(x, alpha=1.0):
    """Continuously differentiable ELU.

    `max(x, 0) + min(0, alpha * (exp(x / alpha) - 1))`.

    Args:
        x: Input tensor.
        alpha: The scale of the negative part (not 0).

    Returns:
        A tensor of the same shape as `x`.

    Example:

    >>> keras_core.ops.celu([-1.0, 1.0])
    array([-0.63212055,  1.        ], dtype=float32)
    """


@backend_op("nn", _float_no_bool_rule)
def glu(x, axis=-1):
    """Gated linear unit: `a * sigmoid(b)` where `a, b` are halves of `x`.

    Args:
        x: Input tensor.
        axis: The axis split in two halves; its length must be even.

    Returns:
        A tensor shaped as `x` with half the length along `axis`.

    Example:

    >>> keras_core.ops.glu([1.0, 0.0])
    array([0.5], dtype=float32)
    """


@backend_op("nn", _float_rule)
def tanh_shrink(x):
    """Tanh shrink: `x - tanh(x)`.

    Args:
        x: Input tensor.

    Returns:
        A tensor of the same shape as `x`.

    Example:

    >>> keras_core.ops.tanh_shrink([0.0])
    array([0.], dtype=float32)
    """


@backend_op("nn", _keep_rule)
def hard_tanh(x):
    """Hard tanh: `x` clipped to [-1, 1].

    Args:
        x: Input tensor.

    Returns:
        A tensor of the same shape and dtype as `x`.

    Example:

    >>> keras_core.ops.hard_tanh([-2.0, 0.5, 2.0])
    array([-1. ,  0.5,  1. ], dtype=float32)
    """


@backend_op("nn", _float_rule)
def hard_shrink(x, threshold=0.5):
    """Hard shrink: `x` where `|x| > threshold`, else 0.

    Args:
        x: Input tensor.
        threshold: The half width of the band set to zero.

    Returns:
        A tensor of the same shape as `x`.

    Example:

    >>> keras_core.ops.hard_shrink([-1.0, 0.3, 2.0])
    array([-1.,  0.,  2.], dtype=float32)
    """


@backend_op("nn", _float_rule)
def soft_shrink(x, threshold=0.5):
    """Soft shrink: `x` moved `threshold` towards 0, and 0 within the band.

    Args:
        x: Input tensor.
        threshold: The half width of the band set to zero.

    Returns:
        A tensor of the same shape as `x`.

    Example:

    >>> keras_core.ops.soft_shrink([-1.0, 0.3, 2.0])
    array([-0.5,  0. ,  1.5], dtype=float32)
    """


@backend_op("nn", _threshold_rule)
def threshold(x, threshold, default_value):
    """`x` where `x > threshold`, else `default_value`.

    Args:
        x: Input tensor.
        threshold: The value `x` must exceed to be kept.
        default_value: The value given where it does not.

    Returns:
        A tensor of the same shape as `x`, in the dtype of `x` promoted with
        `default_value`.

    Example:

    >>> keras_core.ops.threshold([0.5, 2.0], 1.0, -1.0)
    array([-1.,  2.], dtype=float32)
    """


@backend_op("nn", _float_rule)
def squareplus(x, b=4):
    """Squareplus: `(x + sqrt(x**2 + b)) / 2`, a smooth relu.

    Args:
        x: Input tensor.
        b: The smoothness (at least 0; 0 gives relu).

    Returns:
        A tensor of the same shape as `x`.

    Example:

    >>> keras_core.ops.squareplus([0.0])
    array([1.], dtype=float32)
    """


@backend_op("nn", _float_rule)
def sparse_plus(x):
    """Sparse plus: 0 below -1, `x` above 1, `(x + 1)**2 / 4` between.

    Args:
        x: Input tensor.

    Returns:
        A tensor of the same shape as `x`.

    Example:

    >>> keras_core.ops.sparse_plus([-2.0, 0.0, 2.0])
    array([0.  , 0.25, 2.  ], dtype=float32)
    """


@backend_op("nn", _float_no_bool_rule)
def softmax(x, axis=-1):
    """Softmax: `exp(x) / sum(exp(x))` over `axis`, stable for large inputs.

    Args:
        x: Input tensor.
        axis: The axis (an int), axes (a tuple or list) or None (all axes)
            that are normalized together.

    Returns:
        A tensor of the same shape as `x` that sums to 1 over `axis`.

    Example:

    >>> keras_core.ops.softmax([0.0, 0.0])
    array([0.5, 0.5], dtype=float32)
    """


@backend_op("nn", _float_no_bool_rule)
def log_softmax(x, axis=-1):
    """Logarithm of the softmax: `x - logsumexp(x)` over `axis`.

    Args:
        x: Input tensor.
        axis: The axis (an int), axes (a tuple or list) or None (all axes)
            that are normalized together.

    Returns:
        A tensor of the same shape as `x`.

    Example:

    >>> keras_core.ops.log_softmax([0.0, 0.0])
    array([-0.6931472, -0.6931472], dtype=float32)
    """


@backend_op("nn", _sparsemax_rule)
def sparsemax(x, axis=-1):
    """Sparsemax: the Euclidean projection of `x` onto the probability simplex.

    Like softmax its values sum to 1 over `axis`, but small inputs get
    exactly 0.

    Args:
        x: Input tensor.
        axis: The axis (an int) that is normalized.

    Returns:
        A tensor of the same shape as `x`.

    Example:

    >>> keras_core.ops.sparsemax([1.0, 3.0])
    array([0., 1.], dtype=float32)
    """
