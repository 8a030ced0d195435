"""cast and saturate_cast on NumPy arrays."""

import numpy as np

from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.common.einops_plans import saturate_bounds
from keras_core._src.backend.numpy.core import convert_to_tensor


def cast(x, dtype):
    return convert_to_tensor(x, dtype=dtype)


def saturate_cast(x, dtype):
    bounds = saturate_bounds(standardize_dtype(x.dtype), standardize_dtype(dtype))
    if bounds is not None:
        x = np.clip(x, *bounds).astype(x.dtype)
    return convert_to_tensor(x, dtype=dtype)
