"""The numpy backend table: products ops.

See keras_core/_src/ops/numpy/products.py for the declarations. Inputs
arrive in the op's compute dtype; NumPy gives the meaning itself, so these
mostly call it, widening int8 matmul to int32 and taking results back to
the compute dtype where NumPy widens them (trace).
"""

import warnings

import ml_dtypes
import numpy as np

from keras_core._src.backend.common.op_arguments.products import check_cross
from keras_core._src.backend.common.op_arguments.products import check_diagonal_axes


def matmul(x1, x2):
    if x1.dtype == np.int8 and x2.dtype == np.int8:
        # Keras 3 accumulates int8 products in int32.
        x1, x2 = x1.astype("int32"), x2.astype("int32")
    return np.matmul(x1, x2)


def dot(x1, x2):
    return np.dot(x1, x2)


def tensordot(x1, x2, axes=2):
    return np.tensordot(x1, x2, axes=axes)


def inner(x1, x2):
    return np.inner(x1, x2)


def outer(x1, x2):
    return np.outer(x1, x2)


def vdot(x1, x2):
    return np.vdot(x1, x2)


def kron(x1, x2):
    return np.kron(x1, x2)


def einsum(subscripts, *operands, **kwargs):
    del kwargs  # `optimize` only: the framework picks the order.
    if operands and operands[0].dtype == ml_dtypes.bfloat16:
        # NumPy's einsum has no bfloat16 loop: sum in float32, round back.
        wide = [x.astype("float32") for x in operands]
        return np.einsum(subscripts, *wide).astype(ml_dtypes.bfloat16)
    return np.einsum(subscripts, *operands)


def cross(x1, x2, axisa=-1, axisb=-1, axisc=-1, axis=None):
    if axis is not None:
        axisa = axisb = axisc = axis
    check_cross(x1.shape, x2.shape, axisa, axisb)
    with warnings.catch_warnings():
        # NumPy 2 deprecates 2-vectors, which Keras 3 still takes.
        warnings.simplefilter("ignore", DeprecationWarning)
        return np.cross(x1, x2, axisa=axisa, axisb=axisb, axisc=axisc)


def trace(x, offset=0, axis1=0, axis2=1):
    check_diagonal_axes(x.shape, axis1, axis2)
    return np.asarray(np.trace(x, offset=offset, axis1=axis1, axis2=axis2)).astype(
        x.dtype
    )


def diagonal(x, offset=0, axis1=0, axis2=1):
    check_diagonal_axes(x.shape, axis1, axis2)
    return np.diagonal(x, offset=offset, axis1=axis1, axis2=axis2)


def slogdet(x):
    sign, logabsdet = np.linalg.slogdet(x)
    return sign, logabsdet


def clip(x, x_min, x_max):
    if x_min is None and x_max is None:
        # No bound: x as it is (NumPy 2 and Keras 3 agree).
        return x
    return np.clip(x, x_min, x_max)
