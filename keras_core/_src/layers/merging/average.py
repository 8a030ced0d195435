"""`Average` and `average`: the element-wise mean of a list of tensors."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.config import floatx
from keras_core._src.backend.common.dtypes import is_float_dtype
from keras_core._src.backend.common.dtypes import result_type
from keras_core._src.layers.merging.base_merge import Merge

__all__ = ["Average", "average"]


@keras_public("keras.layers")
class Average(Merge):
    """Averages a list of inputs element-wise.

    The inputs must have the same batch size; their other dimensions
    broadcast (a lower-rank input gets new axes after its batch axis).
    Integer inputs give a float result. Masks merge by logical or.

    Args:
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> x1 = numpy.array([[1.0, 5.0]])
    >>> x2 = numpy.array([[3.0, 2.0]])
    >>> numpy.asarray(keras_core.layers.Average()([x1, x2])).tolist()
    [[2.0, 3.5]]
    """

    def _merge_function(self, inputs):
        result = inputs[0]
        for tensor in inputs[1:]:
            result = ops.add(result, tensor)
        return ops.true_divide(result, len(inputs))

    def _output_dtype(self, dtypes):
        dtype = result_type(*dtypes)
        return dtype if is_float_dtype(dtype) else floatx()


@keras_public("keras.layers")
def average(inputs, **kwargs):
    """Functional form of `Average`: the element-wise mean of `inputs`.

    Args:
        inputs: A list of tensors (at least 1).
        **kwargs: Arguments of the `Average` layer (`name`, `dtype`, ...).

    Returns:
        The element-wise mean of the inputs.

    Example:

    >>> keras_core.layers.average([numpy.ones((2, 3)), numpy.zeros((2, 3))]).shape
    (2, 3)
    """
    return Average(**kwargs)(inputs)
