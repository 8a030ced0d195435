"""Initializers filling a tensor with fixed values: Constant, Zeros, Ones."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.config import floatx
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.initializers.initializer import Initializer
from keras_core._src.saving import serialization_lib


@keras_public("keras.initializers")
class Constant(Initializer):
    """Fills the tensor with a value, broadcast to the requested shape.

    Args:
        value: A Python scalar, or a list, array or tensor that broadcasts
            to the shapes it is asked for.

    Example:

    >>> initializer = keras_core.initializers.Constant(10.0)
    >>> initializer((2, 2))
    array([[10., 10.],
           [10., 10.]], dtype=float32)
    """

    def __init__(self, value=0.0):
        self.value = value

    def __call__(self, shape, dtype=None):
        dtype = standardize_dtype(dtype or floatx())
        value = ops.convert_to_tensor(self.value, dtype=dtype)
        try:
            return ops.broadcast_to(value, shape)
        except Exception as error:
            raise ValueError(
                f"Constant: the value of shape {tuple(ops.shape(value))} cannot be "
                f"broadcast to the requested shape {tuple(shape)}. Give a scalar "
                "or a value whose shape broadcasts to it."
            ) from error

    def get_config(self):
        return {"value": serialization_lib.serialize_keras_object(self.value)}

    @classmethod
    def from_config(cls, config):
        value = serialization_lib.deserialize_keras_object(config["value"])
        return cls(value=value)


@keras_public("keras.initializers")
class Zeros(Initializer):
    """Fills the tensor with zeros (of any dtype).

    Example:

    >>> keras_core.initializers.Zeros()((3,), dtype="int32")
    array([0, 0, 0], dtype=int32)
    """

    def __call__(self, shape, dtype=None):
        return ops.zeros(shape, dtype=standardize_dtype(dtype or floatx()))


@keras_public("keras.initializers")
class Ones(Initializer):
    """Fills the tensor with ones (of any dtype).

    Example:

    >>> keras_core.initializers.Ones()((2,))
    array([1., 1.], dtype=float32)
    """

    def __call__(self, shape, dtype=None):
        return ops.ones(shape, dtype=standardize_dtype(dtype or floatx()))
