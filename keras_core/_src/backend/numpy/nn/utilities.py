"""The numpy backend table: nn encoding and measuring ops.

See keras_core/_src/ops/nn/utilities.py for the declarations. Indices arrive
as integers; indices outside `[0, num_classes)` encode as all zeros.
"""

import numpy as np

from keras_core._src.backend.common.config import epsilon as default_epsilon
from keras_core._src.backend.common.config import floatx
from keras_core._src.backend.common.dtypes import narrowed_dtype
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.common.numpy_dtypes import to_numpy_dtype


def _dtype(dtype):
    return to_numpy_dtype(narrowed_dtype(standardize_dtype(dtype or floatx())))


def one_hot(x, num_classes, axis=-1, dtype=None, sparse=False):
    classes = np.arange(num_classes).reshape((1,) * x.ndim + (num_classes,))
    encoded = (x[..., None] == classes).astype(_dtype(dtype))
    return np.moveaxis(encoded, -1, axis)


def _num_classes(num_classes, kwargs):
    # `num_tokens` is the older name Keras 3 still reads.
    return kwargs["num_tokens"] if num_classes is None else num_classes


def multi_hot(inputs, num_classes=None, axis=-1, dtype=None, sparse=False, **kwargs):
    encoded = one_hot(inputs, _num_classes(num_classes, kwargs), axis, dtype, sparse)
    return np.max(encoded, axis=0 if inputs.ndim == 1 else 1)


def normalize(x, axis=-1, order=2, epsilon=None):
    axis = tuple(axis) if isinstance(axis, list) else axis
    norm = np.sum(np.abs(x) ** order, axis=axis, keepdims=True) ** (1 / order)
    floor = default_epsilon() if epsilon is None else epsilon
    return (x / np.maximum(norm, floor)).astype(x.dtype)


def psnr(x1, x2, max_val):
    if tuple(x1.shape) != tuple(x2.shape):
        raise ValueError(
            "psnr: x1 and x2 must have the same shape. "
            f"Received: x1.shape={tuple(x1.shape)}, x2.shape={tuple(x2.shape)}."
        )
    mse = np.mean((x1 - x2) ** 2)
    with np.errstate(divide="ignore"):
        value = 20 * np.log10(max_val) - 10 * np.log10(mse)
    return np.asarray(value, dtype=x1.dtype)


def polar(abs_, angle):
    real = abs_ * np.cos(angle)
    imaginary = abs_ * np.sin(angle)
    complex_dtype = np.complex128 if real.dtype == np.float64 else np.complex64
    return (real + 1j * imaginary).astype(complex_dtype)
