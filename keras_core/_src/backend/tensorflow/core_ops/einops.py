"""rearrange on TensorFlow tensors."""

from keras_core._src.backend.common.einops_plans import rearrange_plan
from keras_core._src.backend.tensorflow.tf_import import tf


def rearrange(tensor, pattern, **axes_lengths):
    split, permutation, output = rearrange_plan(
        tuple(tensor.shape), pattern, axes_lengths
    )
    # Unknown sizes (None inside a tf.function) are inferred by reshape.
    split = [-1 if size is None else size for size in split]
    output = [-1 if size is None else size for size in output]
    return tf.reshape(tf.transpose(tf.reshape(tensor, split), permutation), output)
