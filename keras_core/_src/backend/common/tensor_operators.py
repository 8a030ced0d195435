"""Python operators (`+`, `<`, `@`, `[]`...) computed by `keras_core.ops`.

Variables and KerasTensors share them, so `x + 1` has exactly the dtype,
broadcasting and symbolic shape of `keras_core.ops.add(x, 1)` on every
backend: there is one definition of each operation.
"""


def ops_module():
    # Imported on first use: the ops import the backend, which imports this.
    from keras_core import ops

    return ops


class TensorOperatorsMixin:
    """Arithmetic, comparison, logical operators and indexing, via the ops.

    `&`, `|` and `^` are logical (operands read as truth values), as in
    Keras. Subclasses choose `==`, `!=`, `~` and unary `+`, which differ
    between Variables (elementwise, like tensors) and KerasTensors.
    """

    def __add__(self, other):
        return ops_module().add(self, other)

    def __radd__(self, other):
        return ops_module().add(other, self)

    def __sub__(self, other):
        return ops_module().subtract(self, other)

    def __rsub__(self, other):
        return ops_module().subtract(other, self)

    def __mul__(self, other):
        return ops_module().multiply(self, other)

    def __rmul__(self, other):
        return ops_module().multiply(other, self)

    def __truediv__(self, other):
        return ops_module().true_divide(self, other)

    def __rtruediv__(self, other):
        return ops_module().true_divide(other, self)

    def __floordiv__(self, other):
        return ops_module().floor_divide(self, other)

    def __rfloordiv__(self, other):
        return ops_module().floor_divide(other, self)

    def __mod__(self, other):
        return ops_module().mod(self, other)

    def __rmod__(self, other):
        return ops_module().mod(other, self)

    def __pow__(self, other):
        return ops_module().power(self, other)

    def __rpow__(self, other):
        return ops_module().power(other, self)

    def __matmul__(self, other):
        return ops_module().matmul(self, other)

    def __rmatmul__(self, other):
        return ops_module().matmul(other, self)

    def __lt__(self, other):
        return ops_module().less(self, other)

    def __le__(self, other):
        return ops_module().less_equal(self, other)

    def __gt__(self, other):
        return ops_module().greater(self, other)

    def __ge__(self, other):
        return ops_module().greater_equal(self, other)

    def __and__(self, other):
        return ops_module().logical_and(self, other)

    def __rand__(self, other):
        return ops_module().logical_and(other, self)

    def __or__(self, other):
        return ops_module().logical_or(self, other)

    def __ror__(self, other):
        return ops_module().logical_or(other, self)

    def __xor__(self, other):
        return ops_module().logical_xor(self, other)

    def __rxor__(self, other):
        return ops_module().logical_xor(other, self)

    def __neg__(self):
        return ops_module().negative(self)

    def __abs__(self):
        return ops_module().absolute(self)

    def __round__(self, ndigits=None):
        return ops_module().round(self, decimals=ndigits or 0)

    def __getitem__(self, key):
        return ops_module().get_item(self, key)
