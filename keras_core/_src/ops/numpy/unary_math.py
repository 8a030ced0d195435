"""Element-wise unary math ops: logarithms, exponentials, trigonometry.

Most of these ops compute in floating point: integer and boolean inputs
become floats (floatx for Python numbers), as in Keras 3. `sign` and `square`
keep the input's dtype.
"""

from keras_core._src.backend.common.dtypes import is_int_dtype
from keras_core._src.backend.common.dtypes import result_type
from keras_core._src.ops import dtype_rules
from keras_core._src.ops.op_definition import backend_op

__all__ = [
    "arccos",
    "arccosh",
    "arcsin",
    "arcsinh",
    "arctan",
    "arctanh",
    "cbrt",
    "cos",
    "cosh",
    "deg2rad",
    "exp2",
    "expm1",
    "i0",
    "log",
    "log1p",
    "log2",
    "log10",
    "rad2deg",
    "reciprocal",
    "sign",
    "sin",
    "sinc",
    "sinh",
    "square",
    "tan",
    "tanh",
]


def _square_rule(x_type):
    """`promote`, except that booleans square to int32 (as Keras 3 does)."""
    dtype = result_type(x_type)
    if dtype == "bool":
        return "int32", "int32"
    return dtype, dtype


def _to_float_keeping_int64(x_type):
    """`promote_to_float`, except that a kept int64 becomes float64.

    Keras 3 on TensorFlow computes `cbrt`, `deg2rad`, `rad2deg` and `i0` of
    int64 in float64 (most float ops give float32 there). Where 64-bit
    results are narrowed, `result_type("int64")` is int32 and this is
    `promote_to_float`.
    """
    if x_type is not int and is_int_dtype(x_type) and result_type(x_type) == "int64":
        return "float64", "float64"
    return dtype_rules.promote_to_float(x_type)


@backend_op("numpy_api", dtype_rules.promote_numeric)
def sign(x):
    """The sign of each element: -1, 0 or 1 (NaN stays NaN).

    Args:
        x: A numeric tensor (booleans are refused, as in NumPy).

    Returns:
        A tensor of the dtype of `x` holding -1, 0 or 1.

    Example:

    >>> keras_core.ops.sign([-2.0, 0.0, 3.0])
    array([-1.,  0.,  1.], dtype=float32)
    """


@backend_op("numpy_api", _square_rule)
def square(x):
    """Squares each element.

    Args:
        x: A tensor.

    Returns:
        `x * x` in the dtype of `x` (int32 for booleans).

    Example:

    >>> keras_core.ops.square([-2.0, 3.0])
    array([4., 9.], dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote_to_float)
def exp2(x):
    """Computes `2 ** x` element-wise.

    Args:
        x: A tensor.

    Returns:
        `2 ** x`, as floats (floatx for integer inputs).

    Example:

    >>> keras_core.ops.exp2([0.0, 3.0])
    array([1., 8.], dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote_to_float)
def expm1(x):
    """Computes `exp(x) - 1`, accurate for `x` near zero.

    Args:
        x: A tensor.

    Returns:
        `exp(x) - 1`, as floats (floatx for integer inputs).

    Example:

    >>> keras_core.ops.expm1([0.0, 1e-10])
    array([0.e+00, 1.e-10], dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote_to_float)
def log(x):
    """The natural logarithm of each element.

    Args:
        x: A tensor. `log(0)` is `-inf` and negative inputs give NaN.

    Returns:
        `ln(x)`, as floats (floatx for integer inputs).

    Example:

    >>> keras_core.ops.log([1.0, 0.0])
    array([  0., -inf], dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote_to_float)
def log2(x):
    """The base-2 logarithm of each element.

    Args:
        x: A tensor. `log2(0)` is `-inf` and negative inputs give NaN.

    Returns:
        `log2(x)`, as floats (floatx for integer inputs).

    Example:

    >>> keras_core.ops.log2([1.0, 8.0])
    array([0., 3.], dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote_to_float)
def log10(x):
    """The base-10 logarithm of each element.

    Args:
        x: A tensor. `log10(0)` is `-inf` and negative inputs give NaN.

    Returns:
        `log10(x)`, as floats (floatx for integer inputs).

    Example:

    >>> keras_core.ops.log10([1.0, 10.0])
    array([0., 1.], dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote_to_float)
def log1p(x):
    """Computes `log(1 + x)`, accurate for `x` near zero.

    Args:
        x: A tensor. `log1p(-1)` is `-inf`; below -1 gives NaN.

    Returns:
        `log(1 + x)`, as floats (floatx for integer inputs).

    Example:

    >>> keras_core.ops.log1p([0.0, -1.0])
    array([  0., -inf], dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote_to_float)
def sin(x):
    """The sine of each element, in radians.

    Args:
        x: A tensor of angles in radians.

    Returns:
        `sin(x)`, as floats (floatx for integer inputs).

    Example:

    >>> keras_core.ops.sin([0.0])
    array([0.], dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote_to_float)
def cos(x):
    """The cosine of each element, in radians.

    Args:
        x: A tensor of angles in radians.

    Returns:
        `cos(x)`, as floats (floatx for integer inputs).

    Example:

    >>> keras_core.ops.cos([0.0])
    array([1.], dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote_to_float)
def tan(x):
    """The tangent of each element, in radians.

    Args:
        x: A tensor of angles in radians.

    Returns:
        `tan(x)`, as floats (floatx for integer inputs).

    Example:

    >>> keras_core.ops.tan([0.0])
    array([0.], dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote_to_float)
def arcsin(x):
    """The inverse sine of each element.

    Args:
        x: A tensor; values outside [-1, 1] give NaN.

    Returns:
        Angles in radians in [-pi/2, pi/2], as floats (floatx for integers).

    Example:

    >>> keras_core.ops.arcsin([0.0, 1.0])
    array([0.       , 1.5707964], dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote_to_float)
def arccos(x):
    """The inverse cosine of each element.

    Args:
        x: A tensor; values outside [-1, 1] give NaN.

    Returns:
        Angles in radians in [0, pi], as floats (floatx for integers).

    Example:

    >>> keras_core.ops.arccos([1.0, 0.0])
    array([0.       , 1.5707964], dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote_to_float)
def arctan(x):
    """The inverse tangent of each element.

    Args:
        x: A tensor.

    Returns:
        Angles in radians in (-pi/2, pi/2), as floats (floatx for integers).

    Example:

    >>> keras_core.ops.arctan([0.0, 1.0])
    array([0.       , 0.7853982], dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote_to_float)
def sinh(x):
    """The hyperbolic sine of each element.

    Args:
        x: A tensor.

    Returns:
        `sinh(x)`, as floats (floatx for integer inputs).

    Example:

    >>> keras_core.ops.sinh([0.0])
    array([0.], dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote_to_float)
def cosh(x):
    """The hyperbolic cosine of each element.

    Args:
        x: A tensor.

    Returns:
        `cosh(x)`, as floats (floatx for integer inputs).

    Example:

    >>> keras_core.ops.cosh([0.0])
    array([1.], dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote_to_float)
def tanh(x):
    """The hyperbolic tangent of each element.

    Args:
        x: A tensor.

    Returns:
        `tanh(x)` in (-1, 1), as floats (floatx for integer inputs).

    Example:

    >>> keras_core.ops.tanh([0.0])
    array([0.], dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote_to_float)
def arcsinh(x):
    """The inverse hyperbolic sine of each element.

    Args:
        x: A tensor.

    Returns:
        `arcsinh(x)`, as floats (floatx for integer inputs).

    Example:

    >>> keras_core.ops.arcsinh([0.0])
    array([0.], dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote_to_float)
def arccosh(x):
    """The inverse hyperbolic cosine of each element.

    Args:
        x: A tensor; values below 1 give NaN.

    Returns:
        `arccosh(x)`, as floats (floatx for integer inputs).

    Example:

    >>> keras_core.ops.arccosh([1.0])
    array([0.], dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote_to_float)
def arctanh(x):
    """The inverse hyperbolic tangent of each element.

    Args:
        x: A tensor; +-1 give +-inf and values outside [-1, 1] give NaN.

    Returns:
        `arctanh(x)`, as floats (floatx for integer inputs).

    Example:

    >>> keras_core.ops.arctanh([0.0])
    array([0.], dtype=float32)
    """


@backend_op("numpy_api", _to_float_keeping_int64)
def cbrt(x):
    """The real cube root of each element (negative for negative inputs).

    Args:
        x: A tensor.

    Returns:
        `x ** (1/3)` with the sign of `x`, as floats (floatx for integers).

    Example:

    >>> keras_core.ops.cbrt([-8.0, 1.0])
    array([-2.,  1.], dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote_to_float)
def reciprocal(x):
    """Computes `1 / x` element-wise.

    Args:
        x: A tensor. `1 / 0` is `inf`.

    Returns:
        `1 / x`, as floats (floatx for integer inputs).

    Example:

    >>> keras_core.ops.reciprocal([2.0, 4.0])
    array([0.5 , 0.25], dtype=float32)
    """


@backend_op("numpy_api", _to_float_keeping_int64)
def deg2rad(x):
    """Converts angles from degrees to radians.

    Args:
        x: A tensor of angles in degrees.

    Returns:
        `x * pi / 180`, as floats (floatx for integer inputs).

    Example:

    >>> keras_core.ops.deg2rad([180.0])
    array([3.1415927], dtype=float32)
    """


@backend_op("numpy_api", _to_float_keeping_int64)
def rad2deg(x):
    """Converts angles from radians to degrees.

    Args:
        x: A tensor of angles in radians.

    Returns:
        `x * 180 / pi`, as floats (floatx for integer inputs).

    Example:

    >>> keras_core.ops.rad2deg([numpy.pi])
    array([180.], dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote_to_float)
def sinc(x):
    """The normalized sinc function, `sin(pi * x) / (pi * x)`, 1 at 0.

    Args:
        x: A tensor.

    Returns:
        `sinc(x)`, as floats (floatx for integer inputs).

    Example:

    >>> keras_core.ops.sinc([0.0, 0.5])
    array([1.        , 0.63661975], dtype=float32)
    """


@backend_op("numpy_api", _to_float_keeping_int64)
def i0(x):
    """The modified Bessel function of the first kind, order 0.

    Args:
        x: A tensor.

    Returns:
        `I0(x)`, as floats (floatx for integer inputs).

    Example:

    >>> keras_core.ops.i0([1.0])
    array([1.2660661], dtype=float32)
    """
