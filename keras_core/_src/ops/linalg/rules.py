"""Result-dtype rules of the linalg ops, as Keras 3.15 gives them.

Keras follows NumPy's linear algebra here: float32 and float64 keep their
dtype, other inputs (integers, bools, bfloat16) are computed in float64
(narrowed to float32 where the backend holds 64 bits so), and float16 is
refused, as LAPACK has no half precision. The ops NumPy composes from a
float32 identity (cholesky_inverse, lu_factor, solve_triangular) promote
with float32 instead, so they take float16.
"""

from keras_core._src.backend.common.dtypes import narrowed_dtype
from keras_core._src.backend.common.dtypes import result_type


def linalg_dtype(*types):
    """The one float dtype NumPy's linear algebra computes `types` in."""
    if any(result_type(t) == "float16" for t in types if t is not None):
        raise TypeError("float16 is not supported: cast to float32.")
    dtype = result_type(*types)
    if dtype not in ("float32", "float64"):
        dtype = narrowed_dtype("float64")
    return dtype


def linalg_rule(*types):
    """Inputs and results in `linalg_dtype` (det, inv, solve, svd...)."""
    dtype = linalg_dtype(*types)
    return dtype, dtype


def with_float32_rule(*types):
    """Inputs and results promoted with float32 (float16 -> float32)."""
    dtype = result_type(*types, "float32")
    return dtype, dtype
