"""`Add` and `add`: the element-wise sum of a list of tensors."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.merging.base_merge import Merge

__all__ = ["Add", "add"]


@keras_public("keras.layers")
class Add(Merge):
    """Adds a list of inputs element-wise.

    The inputs must have the same batch size; their other dimensions
    broadcast (a lower-rank input gets new axes after its batch axis).
    Masks merge by logical or.

    Args:
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> x1 = numpy.ones((2, 3))
    >>> x2 = numpy.full((2, 3), 2.0)
    >>> keras_core.layers.Add()([x1, x2]).shape
    (2, 3)
    """

    def _merge_function(self, inputs):
        result = inputs[0]
        for tensor in inputs[1:]:
            result = ops.add(result, tensor)
        return result


@keras_public("keras.layers")
def add(inputs, **kwargs):
    """Functional form of `Add`: the element-wise sum of `inputs`.

    Args:
        inputs: A list of tensors (at least 1).
        **kwargs: Arguments of the `Add` layer (`name`, `dtype`, ...).

    Returns:
        The sum of the inputs.

    Example:

    >>> keras_core.layers.add([numpy.ones((2, 3)), numpy.ones((2, 3))]).shape
    (2, 3)
    """
    return Add(**kwargs)(inputs)
