"""keras_core.ops.nn: normalization (moments, batch, layer and RMS norms)."""

import warnings

from keras_core._src.backend.common.dtypes import is_float_dtype
from keras_core._src.backend.common.dtypes import result_type
from keras_core._src.ops.op_definition import backend_op

__all__ = [
    "batch_normalization",
    "layer_normalization",
    "moments",
    "rms_normalization",
]

_HALF = ("float16", "bfloat16")


def _float_of(dtype):
    """The float dtype `dtype` computes in: floats stay, others get floatx."""
    return dtype if is_float_dtype(dtype) else result_type(dtype, float)


def _moments_dtypes(x):
    """Statistics are floats: integers and bools give floatx.

    Half-precision inputs are left as they are: the backend accumulates
    them in float32 and casts back (clipped to their range, as Keras does).
    """
    dtype = _float_of(result_type(x))
    return (None if dtype in _HALF else dtype), dtype


def _batch_normalization_dtypes(x, mean, variance, offset, scale):
    """All inputs promoted together, then to a float.

    bfloat16 gives float32, as Keras's NumPy and JAX backends do. Booleans
    are refused (Keras fails on them on every backend).
    """
    dtype = result_type(
        *(t for t in (x, mean, variance, offset, scale) if t is not None)
    )
    if dtype == "bool":
        raise TypeError("boolean inputs are not supported; cast them to a float.")
    dtype = _float_of(dtype)
    if dtype == "bfloat16":
        dtype = "float32"
    return dtype, dtype


def _normalization_dtypes(x, *parameters):
    """Computed in float32 (float64 stays), the result in `x`'s dtype.

    Like Keras, integer and boolean inputs give results of their own dtype
    (the normalized values truncated toward zero).
    """
    dtype = result_type(x)
    compute = dtype if dtype in ("float32", "float64") else "float32"
    return compute, dtype


def _layer_normalization_dtypes(x, gamma, beta, *, kwargs):
    """`_normalization_dtypes`, after checking the extra keywords."""
    _check_layer_normalization_kwargs(kwargs)
    return _normalization_dtypes(x, gamma, beta)


def _check_layer_normalization_kwargs(kwargs):
    unknown = sorted(set(kwargs) - {"rms_scaling"})
    if unknown:
        raise TypeError(
            f"layer_normalization() got unexpected keyword arguments {unknown}; "
            "the only extra keyword it accepts is `rms_scaling`."
        )
    if kwargs.get("rms_scaling"):
        warnings.warn(
            "layer_normalization: `rms_scaling=True` is deprecated: it scales "
            "by the variance, not the root mean square. Use "
            "`keras_core.ops.rms_normalization` for RMS normalization.",
            stacklevel=6,  # the caller of the op
        )


@backend_op("nn", _moments_dtypes)
def moments(x, axes, keepdims=False, synchronized=False):
    """Calculates the mean and variance of `x` over `axes`.

    float16 and bfloat16 inputs are accumulated in float32 and the results
    cast back, clipped to the input dtype's range.

    Args:
        x: Input tensor.
        axes: An axis or a list of axes to reduce.
        keepdims: Whether the reduced axes are kept with size one.
        synchronized: TensorFlow only: whether to aggregate the statistics
            across the replicas of a distribution strategy. Other backends
            raise `NotImplementedError` when it is True.

    Returns:
        A tuple `(mean, variance)`.

    Example:

    >>> x = keras_core.ops.convert_to_tensor([0, 1, 2, 3, 100], dtype="float32")
    >>> keras_core.ops.moments(x, axes=[0])
    (array(21.2, dtype=float32), array(1553.36, dtype=float32))
    """


@backend_op(
    "nn",
    _batch_normalization_dtypes,
    tensors=("x", "mean", "variance", "offset", "scale"),
)
def batch_normalization(x, mean, variance, axis, offset=None, scale=None, epsilon=1e-3):
    """Normalizes `x` by `mean` and `variance` along `axis`.

    Computes `(x - mean) / sqrt(variance + epsilon) * scale + offset`, the
    statistics and parameters (vectors as long as `x.shape[axis]`, or
    scalars) laid along `axis`.

    Args:
        x: Input tensor.
        mean: The mean, one value per entry of `axis`.
        variance: The variance, one value per entry of `axis`.
        axis: Integer, the axis the statistics run along.
        offset: Optional vector added after normalizing.
        scale: Optional vector multiplying the normalized values.
        epsilon: Small float added to the variance. Defaults to 1e-3.

    Returns:
        The normalized tensor.

    Example:

    >>> x = keras_core.ops.convert_to_tensor([[0.1, 0.2], [0.3, 0.4]])
    >>> keras_core.ops.batch_normalization(
    ...     x, mean=[0.2, 0.3], variance=[0.01, 0.01], axis=-1, epsilon=0.0
    ... )
    array([[-1., -1.],
           [ 1.,  1.]], dtype=float32)
    """


@backend_op("nn", _layer_normalization_dtypes, tensors=("x", "gamma", "beta"))
def layer_normalization(x, gamma=None, beta=None, axis=-1, epsilon=None, **kwargs):
    """Layer normalization (Ba et al., 2016) of `x` over `axis`.

    Computes `(x - mean) / sqrt(variance + epsilon) * gamma + beta`, the
    statistics taken over `axis` for each entry of the other axes.
    `gamma` and `beta` broadcast against `x`; ones with one dimension per
    normalized axis are laid along those axes.

    Args:
        x: Input tensor.
        gamma: Optional scale.
        beta: Optional offset.
        axis: The axis or axes to normalize over. Defaults to -1.
        epsilon: Added to the variance. Defaults to `keras_core.config.epsilon()`.
        **kwargs: Only `rms_scaling` (deprecated, as in Keras): when True,
            `x * rsqrt(variance + epsilon) * gamma` (no centering, no `beta`).

    Returns:
        The normalized tensor, of `x`'s dtype.

    Example:

    >>> x = keras_core.ops.arange(5, dtype="float32")
    >>> keras_core.ops.layer_normalization(x)
    array([-1.4142135, -0.7071067,  0.       ,  0.7071067,  1.4142135],
          dtype=float32)
    """


@backend_op("nn", _normalization_dtypes, tensors=("x", "scale"))
def rms_normalization(x, scale=None, axis=-1, epsilon=None):
    """Root Mean Square normalization (Zhang and Sennrich, 2019).

    Computes `x * rsqrt(mean(square(x), axis) + epsilon) * scale`.

    Args:
        x: Input tensor.
        scale: Optional scale, broadcast against `x`; one with one
            dimension per normalized axis is laid along those axes.
        axis: The axis or axes to normalize over. Defaults to -1.
        epsilon: Added to the mean square. Defaults to
            `keras_core.config.epsilon()`.

    Returns:
        The normalized tensor, of `x`'s dtype.

    Example:

    >>> x = keras_core.ops.convert_to_tensor([[3.0, 4.0]])
    >>> keras_core.ops.rms_normalization(x, epsilon=0.0)
    array([[0.8485281, 1.1313708]], dtype=float32)
    """
