"""The tensorflow backend table: nn encoding and measuring ops.

See keras_core/_src/ops/nn/utilities.py for the declarations. Indices arrive
as integers; indices outside `[0, num_classes)` encode as all zeros.
"""

import math

from keras_core._src.backend.common.config import epsilon as default_epsilon
from keras_core._src.backend.common.config import floatx
from keras_core._src.backend.common.dtypes import narrowed_dtype
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.tensorflow.tf_import import tf


def _dtype(dtype):
    return tf.as_dtype(narrowed_dtype(standardize_dtype(dtype or floatx())))


def one_hot(x, num_classes, axis=-1, dtype=None, sparse=False):
    # tf.one_hot already encodes indices outside [0, num_classes) as zeros.
    rank = x.shape.rank
    axis = axis % (rank + 1)
    dtype = _dtype(dtype)
    # tf.one_hot has no boolean kernel: encode in int32 and cast.
    kernel_dtype = tf.int32 if dtype == tf.bool else dtype
    encoded = tf.one_hot(
        tf.cast(x, tf.int64), num_classes, axis=axis, dtype=kernel_dtype
    )
    return tf.cast(encoded, dtype)


def _num_classes(num_classes, kwargs):
    # `num_tokens` is the older name Keras 3 still reads.
    return kwargs["num_tokens"] if num_classes is None else num_classes


def multi_hot(inputs, num_classes=None, axis=-1, dtype=None, sparse=False, **kwargs):
    encoded = one_hot(inputs, _num_classes(num_classes, kwargs), axis, dtype, sparse)
    return tf.reduce_max(encoded, axis=0 if inputs.shape.rank == 1 else 1)


def normalize(x, axis=-1, order=2, epsilon=None):
    axis = list(axis) if isinstance(axis, (tuple, list)) else axis
    floor = default_epsilon() if epsilon is None else epsilon
    if order == 2:
        # sqrt of the floored sum of squares: finite gradients at zero.
        squares = tf.reduce_sum(x * x, axis=axis, keepdims=True)
        return x * tf.math.rsqrt(tf.maximum(squares, floor * floor))
    norm = tf.reduce_sum(tf.abs(x) ** order, axis=axis, keepdims=True) ** (1 / order)
    return x / tf.maximum(norm, floor)


def psnr(x1, x2, max_val):
    if tuple(x1.shape) != tuple(x2.shape):
        raise ValueError(
            "psnr: x1 and x2 must have the same shape. "
            f"Received: x1.shape={tuple(x1.shape)}, x2.shape={tuple(x2.shape)}."
        )
    mse = tf.reduce_mean((x1 - x2) ** 2)
    return 20 * math.log10(max_val) - 10 * tf.math.log(mse) / math.log(10.0)


def polar(abs_, angle):
    return tf.complex(abs_ * tf.cos(angle), abs_ * tf.sin(angle))
