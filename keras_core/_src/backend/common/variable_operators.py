"""What a Variable adds to the shared tensor operators: it has a value.

Unlike a KerasTensor, a Variable compares elementwise (`==`), inverts bits
(`~`), and converts to Python and NumPy values.
"""

import numpy

from keras_core._src.backend.common.tensor_operators import TensorOperatorsMixin
from keras_core._src.backend.common.tensor_operators import ops_module


class VariableOperatorsMixin(TensorOperatorsMixin):
    """Operators of objects holding a backend tensor in `.value`."""

    def __eq__(self, other):
        return ops_module().equal(self, other)

    def __ne__(self, other):
        return ops_module().not_equal(self, other)

    def __pos__(self):
        return self.value

    def __invert__(self):
        return ops_module().bitwise_invert(self)

    def __len__(self):
        if not self.shape:
            raise TypeError(f"len() of a 0-d {type(self).__name__} is not defined.")
        return self.shape[0]

    def __iter__(self):
        if not self.shape:
            raise TypeError(f"Iteration over a 0-d {type(self).__name__}.")
        value = self.value
        return (value[i] for i in range(self.shape[0]))

    def __array__(self, dtype=None, copy=None):
        array = numpy.asarray(self.numpy())
        return array if dtype is None else array.astype(dtype)

    def __bool__(self):
        return bool(self.numpy())

    def __int__(self):
        return int(self.numpy())

    def __float__(self):
        return float(self.numpy())

    # Elementwise `__eq__` makes instances unhashable, as tensors are.
    __hash__ = None
