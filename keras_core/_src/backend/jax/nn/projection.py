"""The jax backend's `dense_projection`."""

from keras_core._src.backend.jax.numpy_api.products import matmul

__all__ = ["dense_projection"]


def dense_projection(x, kernel, bias=None):
    outputs = matmul(x, kernel)
    return outputs if bias is None else outputs + bias
