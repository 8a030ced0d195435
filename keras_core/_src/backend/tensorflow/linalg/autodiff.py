"""The tensorflow backend table: forward-mode derivatives.

See keras_core/_src/ops/linalg/autodiff.py for `jvp`.
"""

from keras_core._src.backend.tensorflow.core import convert_to_tensor
from keras_core._src.backend.tensorflow.tf_import import tf
from keras_core._src.tree import tree_api


def jvp(fun, primals, tangents, has_aux=False):
    primals = tree_api.map_structure(convert_to_tensor, tuple(primals))
    # Each tangent in its primal's dtype, as jax and torch require.
    tangents = tree_api.map_structure(
        lambda t, p: convert_to_tensor(t, dtype=p.dtype), tuple(tangents), primals
    )
    with tf.autodiff.ForwardAccumulator(
        tree_api.flatten(primals), tree_api.flatten(tangents)
    ) as accumulator:
        outputs = fun(*primals)
        if has_aux:
            outputs, aux = outputs
    derivatives = tree_api.map_structure(
        lambda output: accumulator.jvp(
            output, unconnected_gradients=tf.UnconnectedGradients.ZERO
        ),
        outputs,
    )
    if has_aux:
        return outputs, derivatives, aux
    return outputs, derivatives
