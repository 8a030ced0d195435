"""The jax backend table: products ops.

See keras_core/_src/ops/numpy/products.py for the declarations. Inputs
arrive in the op's compute dtype; jax.numpy has NumPy's meaning for all of
these, so the table calls it, widening int8 matmul to int32 as Keras does.
"""

import jax.numpy as jnp

from keras_core._src.backend.common.op_arguments.products import check_cross
from keras_core._src.backend.common.op_arguments.products import check_diagonal_axes


def matmul(x1, x2):
    if x1.dtype == jnp.int8 and x2.dtype == jnp.int8:
        # Keras 3 accumulates int8 products in int32.
        return jnp.matmul(x1, x2, preferred_element_type=jnp.int32)
    return jnp.matmul(x1, x2)


def dot(x1, x2):
    return jnp.dot(x1, x2)


def tensordot(x1, x2, axes=2):
    return jnp.tensordot(x1, x2, axes=axes)


def inner(x1, x2):
    return jnp.inner(x1, x2)


def outer(x1, x2):
    return jnp.outer(x1, x2)


def vdot(x1, x2):
    return jnp.vdot(x1, x2)


def kron(x1, x2):
    if x1.dtype == jnp.bool_:
        # jax multiplies no booleans; NumPy's product of them is "and".
        return jnp.kron(x1.astype(jnp.int32), x2.astype(jnp.int32)) != 0
    return jnp.kron(x1, x2)


def einsum(subscripts, *operands, **kwargs):
    del kwargs  # `optimize` only: the framework picks the order.
    return jnp.einsum(subscripts, *operands)


def cross(x1, x2, axisa=-1, axisb=-1, axisc=-1, axis=None):
    if axis is not None:
        axisa = axisb = axisc = axis
    check_cross(x1.shape, x2.shape, axisa, axisb)
    return jnp.cross(x1, x2, axisa=axisa, axisb=axisb, axisc=axisc)


def trace(x, offset=0, axis1=0, axis2=1):
    check_diagonal_axes(x.shape, axis1, axis2)
    # jax would widen small integers itself: name the compute dtype.
    return jnp.trace(x, offset=offset, axis1=axis1, axis2=axis2, dtype=x.dtype)


def diagonal(x, offset=0, axis1=0, axis2=1):
    check_diagonal_axes(x.shape, axis1, axis2)
    return jnp.diagonal(x, offset=offset, axis1=axis1, axis2=axis2)


def slogdet(x):
    sign, logabsdet = jnp.linalg.slogdet(x)
    return sign, logabsdet


def clip(x, x_min, x_max):
    if x_min is None and x_max is None:
        # No bound: x as it is (NumPy 2 and Keras 3 agree).
        return x
    return jnp.clip(x, x_min, x_max)
