"""Vector and matrix norms: `norm`, as `numpy.linalg.norm`.

Result dtypes follow Keras 3.15: float inputs keep their dtype (float16
and bfloat16 included), integers and bools give floatx.
"""

from keras_core._src.backend.common.config import floatx
from keras_core._src.backend.common.dtypes import is_float_dtype
from keras_core._src.backend.common.dtypes import result_type
from keras_core._src.ops.op_definition import backend_op

__all__ = ["norm"]


def _norm_rule(dtype):
    """Floats keep their dtype; integers and bools are computed in floatx."""
    dtype = result_type(dtype)
    if not is_float_dtype(dtype):
        dtype = floatx()
    return dtype, dtype


@backend_op("linalg", _norm_rule)
def norm(x, ord=None, axis=None, keepdims=False):
    """Vector or matrix norms, as `numpy.linalg.norm`.

    Args:
        x: A tensor.
        ord: The order. Vector norms (one axis): None or 2 (Euclidean),
            any number `p` (`sum(|x|^p)^(1/p)`), `inf`/`-inf` (largest /
            smallest magnitude), 0 (count of nonzeros). Matrix norms (two
            axes): None or `"fro"` (Frobenius), `"nuc"` (sum of singular
            values), 1/-1 (largest / smallest column sum of magnitudes),
            `inf`/`-inf` (row sums), 2/-2 (largest / smallest singular
            value).
        axis: None, an int (vector norms) or two ints (matrix norms).
            None with `ord=None` is the 2-norm of every entry; None with
            another `ord` needs `x` of rank 1 or 2.
        keepdims: Whether the reduced axes are kept with length 1.

    Returns:
        The norms, in `x`'s float dtype (floatx for integer inputs).

    Example:

    >>> keras_core.ops.norm(numpy.array([3.0, -4.0]))
    array(5., dtype=float32)
    >>> keras_core.ops.norm(numpy.array([[1.0, 2.0], [3.0, 4.0]]), ord=1)
    array(6., dtype=float32)
    """
