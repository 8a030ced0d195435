"""`dense_projection`: `x @ kernel + bias` as one op (private).

Dense layers call it on every step: one dispatch instead of a matmul and an
add, and on torch one fused kernel (`addmm`/`linear`). It is not public:
Keras has no such op, and `ops.matmul` + `ops.add` give the same values.
"""

from keras_core._src.backend.common.dtypes import result_type
from keras_core._src.ops.op_definition import backend_op

__all__ = []


def _projection_rule(x, kernel, bias):
    """All operands in their promoted dtype (Python scalars are refused)."""
    types = [t for t in (x, kernel, bias) if t is not None]
    if any(not isinstance(t, str) for t in types):
        raise TypeError("dense_projection takes tensors, not Python scalars.")
    return result_type(*types), None


@backend_op("nn", _projection_rule, tensors=("x", "kernel", "bias"))
def dense_projection(x, kernel, bias=None):
    """Returns `x @ kernel + bias`, contracting the last axis of `x`.

    Args:
        x: A tensor of rank >= 1 whose last axis has `kernel.shape[0]`
            entries.
        kernel: A 2-D tensor `(input_dim, units)`.
        bias: An optional 1-D tensor `(units,)`.

    Returns:
        A tensor of shape `x.shape[:-1] + (units,)`.

    Example:

    >>> dense_projection(numpy.ones((2, 3)), numpy.ones((3, 4)), numpy.ones(4))
    """
