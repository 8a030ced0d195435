"""`Subtract` and `subtract`: the difference of exactly two tensors."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.merging.base_merge import Merge

__all__ = ["Subtract", "subtract"]


@keras_public("keras.layers")
class Subtract(Merge):
    """Subtracts its second input from its first, element-wise.

    It takes a list of exactly two tensors with the same batch size; their
    other dimensions broadcast. Masks merge by logical or.

    Args:
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> x1 = numpy.array([[5.0, 5.0]])
    >>> x2 = numpy.array([[3.0, 2.0]])
    >>> numpy.asarray(keras_core.layers.Subtract()([x1, x2])).tolist()
    [[2.0, 3.0]]
    """

    def _check_input_list(self, input_shape):
        super()._check_input_list(input_shape)
        if len(input_shape) != 2:
            raise ValueError(
                f"{self._layer_label()} should be called on exactly 2 inputs "
                f"(computing x1 - x2). Received {len(input_shape)} inputs with "
                f"shapes {[tuple(shape) for shape in input_shape]}."
            )

    def _merge_function(self, inputs):
        return ops.subtract(inputs[0], inputs[1])


@keras_public("keras.layers")
def subtract(inputs, **kwargs):
    """Functional form of `Subtract`: `inputs[0] - inputs[1]`.

    Args:
        inputs: A list of exactly two tensors.
        **kwargs: Arguments of the `Subtract` layer (`name`, `dtype`, ...).

    Returns:
        The difference of the inputs.

    Example:

    >>> keras_core.layers.subtract([numpy.ones((2, 3)), numpy.ones((2, 3))]).shape
    (2, 3)
    """
    return Subtract(**kwargs)(inputs)
