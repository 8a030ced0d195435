"""Encoding and measuring ops of `keras_core.ops.nn`.

`one_hot` and `multi_hot` encode class indices (indices outside
`[0, num_classes)` encode as all zeros), `normalize` scales vectors to unit
norm, `psnr` measures the peak signal-to-noise ratio of two signals and
`polar` builds complex numbers from magnitudes and angles.
"""

from keras_core._src.backend.common.config import floatx
from keras_core._src.backend.common.dtypes import is_float_dtype
from keras_core._src.backend.common.dtypes import narrowed_dtype
from keras_core._src.backend.common.dtypes import result_type
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.ops import dtype_rules
from keras_core._src.ops.op_definition import backend_op

__all__ = ["multi_hot", "normalize", "one_hot", "polar", "psnr"]

_HALF = ("float16", "bfloat16")


def _encoding_rule(x, *, dtype=None, sparse=False):
    """Indices are read as int32 (floats truncated); the result is `dtype`.

    `dtype` defaults to floatx. The backend makes the encoding in it. Sparse
    results are refused: this library has no sparse tensors.
    """
    if sparse:
        raise ValueError(
            "sparse=True is not supported; the result is always dense. "
            "Received: sparse=True."
        )
    index_dtype = result_type(x)
    compute = index_dtype if index_dtype.startswith(("int", "uint")) else "int32"
    if dtype is None:
        return compute, floatx()
    # As the backend holds it (float64 is float32 without 64-bit support).
    return compute, narrowed_dtype(standardize_dtype(dtype))


def _float_result(x):
    """Floats keep their dtype (half precision computed in float32); others
    give floatx."""
    dtype = dtype_rules.promote_to_float(x)[0]
    return ("float32" if dtype in _HALF else dtype), dtype


def _multi_hot_rule(inputs, *, num_classes=None, dtype=None, sparse=False, kwargs):
    """As `_encoding_rule`; `num_classes` (or `num_tokens=`) is required."""
    if num_classes is None and kwargs.get("num_tokens") is None:
        raise ValueError("argument `num_classes` must be specified.")
    return _encoding_rule(inputs, dtype=dtype, sparse=sparse)


def _normalize_rule(x, *, order=2):
    """As `_float_result`; `order` must be an int of at least 1."""
    if not isinstance(order, int) or isinstance(order, bool) or order < 1:
        raise ValueError(f"`order` must be an int >= 1. Received: order={order!r}.")
    return _float_result(x)


def _psnr_rule(x1, x2):
    """Both signals in their promoted float dtype; booleans are refused."""
    if result_type(x1, x2) == "bool":
        raise TypeError("boolean inputs are not supported; cast them to a float.")
    return _float_result(result_type(x1, x2))


def _polar_rule(abs_, angle):
    """Real inputs in their promoted float dtype; a complex result.

    complex128 where float64 is kept (TensorFlow), complex64 otherwise.
    """
    dtype = result_type(abs_, angle, float)
    if not is_float_dtype(dtype):
        raise TypeError(f"expected real inputs, got {dtype}.")
    compute = "float32" if dtype in _HALF else dtype
    return compute, "complex128" if dtype == "float64" else "complex64"


@backend_op("nn", _encoding_rule)
def one_hot(x, num_classes, axis=-1, dtype=None, sparse=False):
    """One-hot encodes integer class indices.

    Args:
        x: Tensor of class indices (floats are truncated). Indices outside
            `[0, num_classes)` encode as all zeros.
        num_classes: The number of classes, the length of the new axis.
        axis: Where the new class axis goes (-1: last).
        dtype: The result dtype; floatx by default.
        sparse: Must be False: sparse results are not supported.

    Returns:
        A tensor with one more axis than `x`, 1 at each index and 0 elsewhere.

    Example:

    >>> keras_core.ops.one_hot(numpy.array([0, 2]), 3)
    array([[1., 0., 0.],
           [0., 0., 1.]], dtype=float32)
    """


@backend_op("nn", _multi_hot_rule, tensors=("inputs",))
def multi_hot(inputs, num_classes=None, axis=-1, dtype=None, sparse=False, **kwargs):
    """Multi-hot encodes sets of integer class indices.

    A 1-D `inputs` is one set of indices. For higher ranks, axis 1 of the
    one-hot encoding `one_hot(inputs, num_classes, axis)` is reduced (the
    second axis of `inputs` when `axis` is -1): each position is 1 where any
    index along it names the class.

    Args:
        inputs: Tensor of class indices.
        num_classes: The number of classes (`num_tokens=` is also read, as
            in Keras 3).
        axis: Where the class axis goes in the one-hot encoding.
        dtype: The result dtype; floatx by default.
        sparse: Must be False: sparse results are not supported.
        **kwargs: `num_tokens`, the older name of `num_classes`.

    Returns:
        The multi-hot encoding.

    Example:

    >>> keras_core.ops.multi_hot(numpy.array([[0, 2], [1, 1]]), 3)
    array([[1., 0., 1.],
           [0., 1., 0.]], dtype=float32)
    """


@backend_op("nn", _normalize_rule)
def normalize(x, axis=-1, order=2, epsilon=None):
    """Divides `x` by its `order`-norm over `axis`: `x / max(norm, epsilon)`.

    Args:
        x: Input tensor.
        axis: The axis (an int), axes (a tuple or list) or None (all axes)
            the norm is taken over.
        order: The order of the norm, an int of at least 1.
        epsilon: The smallest norm divided by (so zero vectors stay zero);
            `keras_core.config.epsilon()` by default.

    Returns:
        A tensor of the same shape as `x`.

    Example:

    >>> keras_core.ops.normalize([3.0, 4.0])
    array([0.6, 0.8], dtype=float32)
    """


@backend_op("nn", _psnr_rule, tensors=("x1", "x2"))
def psnr(x1, x2, max_val):
    """Peak signal-to-noise ratio: `20 log10(max_val) - 10 log10(mse)`.

    Args:
        x1: The first signal.
        x2: The second signal, of the same shape.
        max_val: The largest value a signal can take (1.0 or 255 for images).

    Returns:
        A scalar in decibels (inf for identical signals).

    Example:

    >>> keras_core.ops.psnr([0.0, 1.0], [0.0, 0.9], 1.0)
    array(23.0103, dtype=float32)
    """


@backend_op("nn", _polar_rule, tensors=("abs_", "angle"))
def polar(abs_, angle):
    """Complex numbers from magnitudes and angles: `abs_ * exp(1j * angle)`.

    Args:
        abs_: The magnitudes, a real tensor.
        angle: The angles in radians, a real tensor broadcastable with
            `abs_`.

    Returns:
        A complex tensor (complex64; complex128 for float64 inputs on
        TensorFlow).

    Example:

    >>> keras_core.ops.polar([2.0], [0.0])
    array([2.+0.j], dtype=complex64)
    """
