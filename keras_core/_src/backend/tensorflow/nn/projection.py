"""The tensorflow backend's `dense_projection`."""

from keras_core._src.backend.tensorflow.numpy_api.products import matmul
from keras_core._src.backend.tensorflow.tf_import import tf

__all__ = ["dense_projection"]


def dense_projection(x, kernel, bias=None):
    if x.dtype.is_floating and x.shape.rank >= 2 and kernel.shape.rank == 2:
        return _flat_projection(x, kernel, bias)
    outputs = matmul(x, kernel)
    return outputs if bias is None else outputs + bias


def _flat_projection(x, kernel, bias):
    # A 2-D MatMul and BiasAdd on the flattened leading axes: a broadcast
    # BatchMatMul's kernel gradient is a per-example product summed
    # afterwards, and a broadcast add's gradient a Sum with reshapes.
    if x.shape.rank == 2:
        outputs = tf.linalg.matmul(x, kernel)
        return outputs if bias is None else tf.nn.bias_add(outputs, bias)
    leading = tf.shape(x)[:-1]
    outputs = tf.linalg.matmul(tf.reshape(x, [-1, tf.shape(x)[-1]]), kernel)
    if bias is not None:
        outputs = tf.nn.bias_add(outputs, bias)
    outputs = tf.reshape(outputs, tf.concat([leading, tf.shape(kernel)[-1:]], 0))
    outputs.set_shape(x.shape[:-1].concatenate(kernel.shape[-1:]))
    return outputs
