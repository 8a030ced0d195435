"""NumPy-style operators for objects holding a backend tensor in `.value`.

Operands are promoted with keras_core's rules (`dtypes.result_type`, Python
scalars weak) before the framework's own operator runs, so `int8_var + 1`
is int8 and `int_var / 2` is floatx on every backend, as `keras_core.ops`
would give.
"""

import numpy

from keras_core._src.backend.common.dtypes import promotion_type
from keras_core._src.backend.common.dtypes import result_type

_PYTHON_SCALARS = (bool, int, float, complex)


def _add(a, b):
    return a + b


def _sub(a, b):
    return a - b


def _mul(a, b):
    return a * b


def _truediv(a, b):
    return a / b


def _floordiv(a, b):
    return a // b


def _mod(a, b):
    return a % b


def _pow(a, b):
    return a**b


def _lt(a, b):
    return a < b


def _le(a, b):
    return a <= b


def _gt(a, b):
    return a > b


def _ge(a, b):
    return a >= b


def _eq(a, b):
    return a == b


def _ne(a, b):
    return a != b


def _and(a, b):
    return a & b


def _or(a, b):
    return a | b


def _xor(a, b):
    return a ^ b


class TensorOperatorsMixin:
    """Arithmetic, comparison, logical operators and indexing via `.value`."""

    def _matmul(self, a, b):
        """Backends whose `@` lacks NumPy's 1-D rules override this."""
        return a @ b

    def _operands(self, other, reflected, extra_dtype=None):
        if isinstance(other, TensorOperatorsMixin):
            other = other.value
        elif not isinstance(other, _PYTHON_SCALARS) and not hasattr(other, "dtype"):
            other = self._convert_to_tensor(other)
        mine = self.value
        types = [promotion_type(mine), promotion_type(other)]
        if extra_dtype is not None:
            types.append(extra_dtype)
        dtype = result_type(*types)
        mine = self._convert_to_tensor(mine, dtype=dtype)
        other = self._convert_to_tensor(other, dtype=dtype)
        return (other, mine) if reflected else (mine, other)

    def _binary(self, operator, other, reflected=False, extra_dtype=None):
        a, b = self._operands(other, reflected, extra_dtype)
        return operator(a, b)

    def _logical(self, operator, other, reflected=False):
        if isinstance(other, TensorOperatorsMixin):
            other = other.value
        a = self._convert_to_tensor(self.value, dtype="bool")
        b = self._convert_to_tensor(other, dtype="bool")
        return operator(b, a) if reflected else operator(a, b)

    def __add__(self, other):
        return self._binary(_add, other)

    def __radd__(self, other):
        return self._binary(_add, other, reflected=True)

    def __sub__(self, other):
        return self._binary(_sub, other)

    def __rsub__(self, other):
        return self._binary(_sub, other, reflected=True)

    def __mul__(self, other):
        return self._binary(_mul, other)

    def __rmul__(self, other):
        return self._binary(_mul, other, reflected=True)

    def __truediv__(self, other):
        # True division of integers gives floats: promote with a weak float.
        return self._binary(_truediv, other, extra_dtype=float)

    def __rtruediv__(self, other):
        return self._binary(_truediv, other, reflected=True, extra_dtype=float)

    def __floordiv__(self, other):
        return self._binary(_floordiv, other)

    def __rfloordiv__(self, other):
        return self._binary(_floordiv, other, reflected=True)

    def __mod__(self, other):
        return self._binary(_mod, other)

    def __rmod__(self, other):
        return self._binary(_mod, other, reflected=True)

    def __pow__(self, other):
        return self._binary(_pow, other)

    def __rpow__(self, other):
        return self._binary(_pow, other, reflected=True)

    def __matmul__(self, other):
        return self._binary(self._matmul, other)

    def __rmatmul__(self, other):
        return self._binary(self._matmul, other, reflected=True)

    def __lt__(self, other):
        return self._binary(_lt, other)

    def __le__(self, other):
        return self._binary(_le, other)

    def __gt__(self, other):
        return self._binary(_gt, other)

    def __ge__(self, other):
        return self._binary(_ge, other)

    def __eq__(self, other):
        return self._binary(_eq, other)

    def __ne__(self, other):
        return self._binary(_ne, other)

    # Like Keras, `&`, `|` and `^` are logical: operands are read as booleans.
    def __and__(self, other):
        return self._logical(_and, other)

    def __rand__(self, other):
        return self._logical(_and, other, reflected=True)

    def __or__(self, other):
        return self._logical(_or, other)

    def __ror__(self, other):
        return self._logical(_or, other, reflected=True)

    def __xor__(self, other):
        return self._logical(_xor, other)

    def __rxor__(self, other):
        return self._logical(_xor, other, reflected=True)

    def __neg__(self):
        return -self.value

    def __pos__(self):
        return self.value

    def __abs__(self):
        return abs(self.value)

    def __invert__(self):
        return ~self.value

    def __getitem__(self, key):
        return self.value[key]

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
