"""`Multiply` and `multiply`: the element-wise product of a list of tensors."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.merging.base_merge import Merge

__all__ = ["Multiply", "multiply"]


@keras_public("keras.layers")
class Multiply(Merge):
    """Multiplies a list of inputs element-wise.

    The inputs must have the same batch size; their other dimensions
    broadcast (a lower-rank input gets new axes after its batch axis).
    Masks merge by logical or.

    Args:
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> x1 = numpy.full((2, 3), 2.0)
    >>> x2 = numpy.full((2, 3), 3.0)
    >>> numpy.asarray(keras_core.layers.Multiply()([x1, x2]))[0, 0]
    6.0
    """

    def _merge_function(self, inputs):
        result = inputs[0]
        for tensor in inputs[1:]:
            result = ops.multiply(result, tensor)
        return result


@keras_public("keras.layers")
def multiply(inputs, **kwargs):
    """Functional form of `Multiply`: the element-wise product of `inputs`.

    Args:
        inputs: A list of tensors (at least 1).
        **kwargs: Arguments of the `Multiply` layer (`name`, `dtype`, ...).

    Returns:
        The product of the inputs.

    Example:

    >>> keras_core.layers.multiply([numpy.ones((2, 3)), numpy.ones((2, 3))]).shape
    (2, 3)
    """
    return Multiply(**kwargs)(inputs)
