"""cast and saturate_cast on TensorFlow tensors."""

from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.common.einops_plans import saturate_bounds
from keras_core._src.backend.tensorflow.core import convert_to_tensor
from keras_core._src.backend.tensorflow.tf_import import tf


def cast(x, dtype):
    return convert_to_tensor(x, dtype=dtype)


def saturate_cast(x, dtype):
    bounds = saturate_bounds(standardize_dtype(x.dtype), standardize_dtype(dtype))
    if bounds is not None:
        low, high = (tf.constant(bound, dtype=x.dtype) for bound in bounds)
        x = tf.clip_by_value(x, low, high)
    return convert_to_tensor(x, dtype=dtype)
