"""`Maximum` and `maximum`: the element-wise maximum of a list of tensors."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.merging.base_merge import Merge

__all__ = ["Maximum", "maximum"]


@keras_public("keras.layers")
class Maximum(Merge):
    """Takes the element-wise maximum of a list of inputs.

    The inputs must have the same batch size; their other dimensions
    broadcast (a lower-rank input gets new axes after its batch axis).
    Masks merge by logical or.

    Args:
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> x1 = numpy.array([[1.0, 5.0]])
    >>> x2 = numpy.array([[3.0, 2.0]])
    >>> numpy.asarray(keras_core.layers.Maximum()([x1, x2])).tolist()
    [[3.0, 5.0]]
    """

    def _merge_function(self, inputs):
        result = inputs[0]
        for tensor in inputs[1:]:
            result = ops.maximum(result, tensor)
        return result


@keras_public("keras.layers")
def maximum(inputs, **kwargs):
    """Functional form of `Maximum`: the element-wise maximum of `inputs`.

    Args:
        inputs: A list of tensors (at least 1).
        **kwargs: Arguments of the `Maximum` layer (`name`, `dtype`, ...).

    Returns:
        The element-wise maximum of the inputs.

    Example:

    >>> keras_core.layers.maximum([numpy.ones((2, 3)), numpy.zeros((2, 3))]).shape
    (2, 3)
    """
    return Maximum(**kwargs)(inputs)
