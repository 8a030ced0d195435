"""NumPy dtype objects for keras_core dtype names.

bfloat16 and the float8 types are not NumPy built-ins: `ml_dtypes` (which
JAX, TensorFlow and this package depend on) provides them.
"""

import functools

import ml_dtypes
import numpy

from keras_core._src.backend.common.dtypes import standardize_dtype

_ML_DTYPES = ("bfloat16", "float8_e4m3fn", "float8_e5m2")


@functools.lru_cache(maxsize=64)
def _numpy_dtype_for_name(name):
    if name in _ML_DTYPES:
        return numpy.dtype(getattr(ml_dtypes, name))
    if name == "string":
        return numpy.dtype(numpy.str_)
    return numpy.dtype(name)


def to_numpy_dtype(dtype):
    """Returns the `numpy.dtype` for any dtype `standardize_dtype` accepts."""
    return _numpy_dtype_for_name(standardize_dtype(dtype))
