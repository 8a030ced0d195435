"""custom_gradient and stop_gradient on TensorFlow."""

from keras_core._src.backend.tensorflow.tf_import import tf


def custom_gradient(f):
    @tf.custom_gradient
    def forward(*args):
        output, grad_fn = f(*args)

        def gradient(*upstream):
            return grad_fn(*upstream)

        return output, gradient

    return forward


def stop_gradient(variable):
    return tf.stop_gradient(variable)


def remat(function):
    """`function`, recomputing its activations in backprop (recompute_grad)."""
    return tf.recompute_grad(function)
