"""Creation ops of the NumPy API (zeros, eye, arange, linspace, windows...).

Ops that build a tensor from static arguments alone (`zeros`, `eye`,
`arange`, the window functions) take no tensor input: they are never
symbolic and return `dtype` (floatx by default; `arange` infers it from its
Python numbers as Keras 3 does). `full` and the `*_like` ops take tensors
(the fill value, the model tensor) and may be symbolic. `linspace`,
`logspace` and `geomspace` take tensor `start`/`stop`, giving one sequence
per element along `axis`. 64-bit dtypes are narrowed to 32 bits except on
TensorFlow, as everywhere in keras_core.
"""

from keras_core._src.backend.common.config import floatx
from keras_core._src.backend.common.dtypes import narrowed_dtype
from keras_core._src.backend.common.dtypes import promotion_type
from keras_core._src.backend.common.dtypes import result_type
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.ops import dtype_rules
from keras_core._src.ops.op_definition import backend_op

__all__ = [
    "arange",
    "array",
    "bartlett",
    "blackman",
    "diag",
    "diagflat",
    "empty",
    "empty_like",
    "eye",
    "full",
    "full_like",
    "geomspace",
    "hamming",
    "hanning",
    "identity",
    "kaiser",
    "linspace",
    "logspace",
    "ones",
    "ones_like",
    "tri",
    "tril",
    "triu",
    "vander",
    "zeros",
    "zeros_like",
]


def _requested(dtype):
    """A `dtype=` argument as the backend holds it (None gives floatx)."""
    return narrowed_dtype(standardize_dtype(dtype))


def _given_dtype(*types, dtype=None):
    """Ops without tensor inputs: `dtype`, or floatx when it is None."""
    return None, _requested(dtype)


def _floatx_rule(*types):
    """Window functions: always floatx (they take only Python numbers)."""
    return None, floatx()


def _check_fill(fill_type):
    if result_type(fill_type) == "string":
        raise TypeError("the fill value must be a number or a numeric tensor.")


def _full_rule(fill_type, *, dtype=None):
    """`full`: `dtype` or floatx, whatever the fill value's type (Keras 3)."""
    _check_fill(fill_type)
    dtype = _requested(dtype)
    return dtype, dtype


def _like_rule(x_type, *, dtype=None):
    """`*_like`: `dtype`, else the dtype of `x` (Python numbers: int32, floatx).

    `x` gives only its shape, so it is not converted.
    """
    own = result_type(x_type)
    return None, own if dtype is None else _requested(dtype)


def _full_like_rule(x_type, fill_type, *, dtype=None):
    """`full_like`: like `zeros_like`; the fill value is cast to that dtype."""
    _check_fill(fill_type)
    _, dtype = _like_rule(x_type, dtype=dtype)
    return [None, dtype], dtype


def _array_rule(x_type, *, dtype=None):
    """`array`: `dtype`, else the data's own dtype (Python lists inferred)."""
    dtype = result_type(x_type) if dtype is None else _requested(dtype)
    return dtype, dtype


def _arange_rule(*types, start, stop=None, step=None, dtype=None):
    """`arange`: `dtype`, else the promotion of the given numbers.

    Python ints give int32 and Python floats floatx, as in Keras 3; NumPy
    scalars and 0-d arrays keep their dtypes (weakly promoted with the
    Python numbers).
    """
    if dtype is not None:
        return None, _requested(dtype)
    values = [v for v in (start, stop, step) if v is not None]
    return None, result_type(*[promotion_type(v) for v in values])


def _space_rule(start, stop, *, dtype=None, retstep=False):
    """`linspace`/`logspace`: computed in floats, returned in `dtype`.

    The float dtype is the promotion of `start` and `stop` with a Python
    float (floatx for integers); half precision is computed in float32.
    With `retstep`, the step keeps the float dtype.
    """
    float_dtype = result_type(start, stop, float)
    compute = "float32" if float_dtype in ("float16", "bfloat16") else float_dtype
    result = float_dtype if dtype is None else _requested(dtype)
    if retstep:
        return compute, [result, float_dtype]
    return compute, result


def _logspace_rule(start, stop, *, dtype=None):
    """`logspace`: as `linspace` (it has no `retstep`)."""
    return _space_rule(start, stop, dtype=dtype)


def _geomspace_rule(start, stop, *, dtype=None):
    """`geomspace`: floatx unless `dtype` is given, whatever `start`/`stop`.

    Keras 3 returns float32 for float16 or float64 `start` (where `linspace`
    keeps them); the values are computed in their float dtype (at least
    float32).
    """
    compute, _ = _space_rule(start, stop)
    return compute, floatx() if dtype is None else _requested(dtype)


@backend_op("numpy_api", _given_dtype, tensors=())
def zeros(shape, dtype=None):
    """A tensor of zeros.

    Args:
        shape: An int or a tuple of ints.
        dtype: The dtype of the result; floatx when None.

    Returns:
        A tensor of the given shape filled with zeros.

    Example:

    >>> keras_core.ops.zeros((2,))
    array([0., 0.], dtype=float32)
    """


@backend_op("numpy_api", _given_dtype, tensors=())
def ones(shape, dtype=None):
    """A tensor of ones.

    Args:
        shape: An int or a tuple of ints.
        dtype: The dtype of the result; floatx when None.

    Returns:
        A tensor of the given shape filled with ones.

    Example:

    >>> keras_core.ops.ones((2,), dtype="int32")
    array([1, 1], dtype=int32)
    """


@backend_op("numpy_api", _given_dtype, tensors=())
def empty(shape, dtype=None):
    """A tensor whose values are unspecified (zeros in keras_core).

    Args:
        shape: An int or a tuple of ints.
        dtype: The dtype of the result; floatx when None.

    Returns:
        A tensor of the given shape.

    Example:

    >>> keras_core.ops.empty((2,)).shape
    (2,)
    """


@backend_op("numpy_api", _full_rule, tensors=("fill_value",))
def full(shape, fill_value, dtype=None):
    """A tensor filled with `fill_value`.

    Args:
        shape: An int or a tuple of ints.
        fill_value: A number, or a tensor broadcastable to `shape`.
        dtype: The dtype of the result; floatx when None (also for integer
            fill values, as in Keras 3).

    Returns:
        A tensor of the given shape.

    Example:

    >>> keras_core.ops.full((2,), 3)
    array([3., 3.], dtype=float32)
    """


@backend_op("numpy_api", _like_rule)
def zeros_like(x, dtype=None):
    """A tensor of zeros with the shape (and by default the dtype) of `x`.

    Args:
        x: Input tensor.
        dtype: The dtype of the result; that of `x` when None.

    Returns:
        A tensor of zeros.

    Example:

    >>> keras_core.ops.zeros_like(numpy.array([1, 2], "int8"))
    array([0, 0], dtype=int8)
    """


@backend_op("numpy_api", _like_rule)
def ones_like(x, dtype=None):
    """A tensor of ones with the shape (and by default the dtype) of `x`.

    Args:
        x: Input tensor.
        dtype: The dtype of the result; that of `x` when None.

    Returns:
        A tensor of ones.

    Example:

    >>> keras_core.ops.ones_like(numpy.array([1.0, 2.0], "float32"))
    array([1., 1.], dtype=float32)
    """


@backend_op("numpy_api", _like_rule)
def empty_like(x, dtype=None):
    """An uninitialized (here zero) tensor with the shape of `x`.

    Args:
        x: Input tensor.
        dtype: The dtype of the result; that of `x` when None.

    Returns:
        A tensor with the shape of `x`.

    Example:

    >>> keras_core.ops.empty_like(numpy.ones((2, 3))).shape
    (2, 3)
    """


@backend_op("numpy_api", _full_like_rule, tensors=("x", "fill_value"))
def full_like(x, fill_value, dtype=None):
    """A tensor with the shape of `x` filled with `fill_value`.

    Args:
        x: Input tensor.
        fill_value: A number, or a tensor broadcastable to the shape of `x`;
            cast to the result dtype (2.5 fills an int8 tensor with 2).
        dtype: The dtype of the result; that of `x` when None.

    Returns:
        The filled tensor.

    Example:

    >>> keras_core.ops.full_like(numpy.array([1, 2], "int8"), 2.5)
    array([2, 2], dtype=int8)
    """


@backend_op("numpy_api", _given_dtype, tensors=())
def eye(N, M=None, k=0, dtype=None):
    """A 2-D tensor with ones on a diagonal and zeros elsewhere.

    Args:
        N: Number of rows.
        M: Number of columns; `N` when None.
        k: The diagonal: 0 the main one, positive above, negative below.
        dtype: The dtype of the result; floatx when None.

    Returns:
        A tensor of shape `(N, M)`.

    Example:

    >>> keras_core.ops.eye(2, 3, k=1)
    array([[0., 1., 0.],
           [0., 0., 1.]], dtype=float32)
    """


@backend_op("numpy_api", _given_dtype, tensors=())
def identity(n, dtype=None):
    """The identity matrix of size `n`.

    Args:
        n: Number of rows and columns.
        dtype: The dtype of the result; floatx when None.

    Returns:
        A tensor of shape `(n, n)`.

    Example:

    >>> keras_core.ops.identity(2)
    array([[1., 0.],
           [0., 1.]], dtype=float32)
    """


@backend_op("numpy_api", _given_dtype, tensors=())
def tri(N, M=None, k=0, dtype=None):
    """A tensor with ones at and below a diagonal, zeros elsewhere.

    Args:
        N: Number of rows.
        M: Number of columns; `N` when None.
        k: The diagonal at and below which the tensor is filled.
        dtype: The dtype of the result; floatx when None.

    Returns:
        A tensor of shape `(N, M)`.

    Example:

    >>> keras_core.ops.tri(2)
    array([[1., 0.],
           [1., 1.]], dtype=float32)
    """


@backend_op("numpy_api", dtype_rules.promote)
def tril(x, k=0):
    """The lower triangle of `x` (its last two axes); the rest is zeroed.

    Args:
        x: Input tensor; a 1-D one is first repeated into a square matrix,
            as NumPy does.
        k: The diagonal above which elements are zeroed.

    Returns:
        A tensor of the dtype of `x`.

    Example:

    >>> keras_core.ops.tril([[1, 2], [3, 4]])
    array([[1, 0],
           [3, 4]], dtype=int32)
    """


@backend_op("numpy_api", dtype_rules.promote)
def triu(x, k=0):
    """The upper triangle of `x` (its last two axes); the rest is zeroed.

    Args:
        x: Input tensor; a 1-D one is first repeated into a square matrix,
            as NumPy does.
        k: The diagonal below which elements are zeroed.

    Returns:
        A tensor of the dtype of `x`.

    Example:

    >>> keras_core.ops.triu([[1, 2], [3, 4]])
    array([[1, 2],
           [0, 4]], dtype=int32)
    """


@backend_op("numpy_api", _arange_rule, tensors=())
def arange(start, stop=None, step=None, dtype=None):
    """Evenly spaced values in the half-open interval `[start, stop)`.

    Args:
        start: The first value; with `stop` None, the end (starting at 0).
        stop: The end, excluded.
        step: The spacing (1 when None); it must not be zero.
        dtype: The dtype of the result; by default inferred from the
            numbers (int32 for Python ints, floatx if any is a float).

    Returns:
        A 1-D tensor.

    Example:

    >>> keras_core.ops.arange(3)
    array([0, 1, 2], dtype=int32)
    """


@backend_op("numpy_api", _space_rule, tensors=("start", "stop"))
def linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None, axis=0):
    """`num` evenly spaced values from `start` to `stop`.

    Args:
        start: The first value: a number or a tensor (one sequence per
            element).
        stop: The last value (included when `endpoint`).
        num: Number of values; non-negative.
        endpoint: Whether `stop` is the last value.
        retstep: Whether to also return the spacing.
        dtype: The dtype of the result; by default a float dtype. Integer
            dtypes round towards minus infinity, as NumPy does.
        axis: Where the new axis goes when `start`/`stop` are tensors.

    Returns:
        The values, and with `retstep` a tuple `(values, step)`.

    Example:

    >>> keras_core.ops.linspace(0, 1, 5)
    array([0.  , 0.25, 0.5 , 0.75, 1.  ], dtype=float32)
    """


@backend_op("numpy_api", _logspace_rule, tensors=("start", "stop"))
def logspace(start, stop, num=50, endpoint=True, base=10, dtype=None, axis=0):
    """`num` values evenly spaced on a log scale, from `base**start`.

    Args:
        start: `base**start` is the first value (a number or a tensor).
        stop: `base**stop` is the last value (included when `endpoint`).
        num: Number of values; non-negative.
        endpoint: Whether `base**stop` is the last value.
        base: The base of the log scale.
        dtype: The dtype of the result; by default a float dtype.
        axis: Where the new axis goes when `start`/`stop` are tensors.

    Returns:
        The values.

    Example:

    >>> keras_core.ops.logspace(0, 2, 3)
    array([  1.,  10., 100.], dtype=float32)
    """


@backend_op("numpy_api", _geomspace_rule, tensors=("start", "stop"))
def geomspace(start, stop, num=50, endpoint=True, dtype=None, axis=0):
    """`num` values in geometric progression from `start` to `stop`.

    Args:
        start: The first value (a number or a tensor); not zero.
        stop: The last value (included when `endpoint`); not zero, and of
            the sign of `start`.
        num: Number of values; non-negative.
        endpoint: Whether `stop` is the last value.
        dtype: The dtype of the result; by default a float dtype of at
            least 32 bits.
        axis: Where the new axis goes when `start`/`stop` are tensors.

    Returns:
        The values.

    Example:

    >>> keras_core.ops.geomspace(1, 100, 3)
    array([  1.,  10., 100.], dtype=float32)
    """


@backend_op("numpy_api", _array_rule)
def array(x, dtype=None):
    """A tensor made from `x` (a tensor, NumPy array, list or number).

    Args:
        x: The data.
        dtype: The dtype of the result; by default the data's own (int32
            for Python ints, floatx for Python floats).

    Returns:
        A tensor.

    Example:

    >>> keras_core.ops.array([1, 2])
    array([1, 2], dtype=int32)
    """


@backend_op("numpy_api", dtype_rules.promote)
def diag(x, k=0):
    """A diagonal matrix from a 1-D `x`, or the diagonal of a 2-D `x`.

    Args:
        x: A 1-D or 2-D tensor.
        k: The diagonal: 0 the main one, positive above, negative below.

    Returns:
        A 2-D tensor for a 1-D `x`, a 1-D tensor for a 2-D one.

    Example:

    >>> keras_core.ops.diag([1, 2])
    array([[1, 0],
           [0, 2]], dtype=int32)
    """


@backend_op("numpy_api", dtype_rules.promote)
def diagflat(x, k=0):
    """A diagonal matrix whose diagonal is `x` flattened.

    Args:
        x: Input tensor of any rank.
        k: The diagonal: 0 the main one, positive above, negative below.

    Returns:
        A 2-D tensor of the dtype of `x`.

    Example:

    >>> keras_core.ops.diagflat([[1, 2]])
    array([[1, 0],
           [0, 2]], dtype=int32)
    """


@backend_op("numpy_api", dtype_rules.promote)
def vander(x, N=None, increasing=False):
    """The Vandermonde matrix of a 1-D `x`: columns are powers of `x`.

    Args:
        x: A 1-D tensor.
        N: Number of columns; `len(x)` when None.
        increasing: Whether powers increase from left to right (they
            decrease by default, the last column being `x**0`).

    Returns:
        A tensor of shape `(len(x), N)` in the dtype of `x`.

    Example:

    >>> keras_core.ops.vander([1, 2, 3], N=2)
    array([[1, 1],
           [2, 1],
           [3, 1]], dtype=int32)
    """


@backend_op("numpy_api", _floatx_rule, tensors=())
def bartlett(x):
    """The Bartlett (triangular) window of `x` points.

    Args:
        x: Number of points (a Python number); none for `x < 1`.

    Returns:
        A 1-D floatx tensor peaking at 1 in the middle.

    Example:

    >>> keras_core.ops.bartlett(5)
    array([0. , 0.5, 1. , 0.5, 0. ], dtype=float32)
    """


@backend_op("numpy_api", _floatx_rule, tensors=())
def blackman(x):
    """The Blackman window of `x` points.

    Args:
        x: Number of points (a Python number); none for `x < 1`.

    Returns:
        A 1-D floatx tensor.

    Example:

    >>> keras_core.ops.blackman(3)
    array([-1.3877788e-17,  1.0000000e+00, -1.3877788e-17], dtype=float32)
    """


@backend_op("numpy_api", _floatx_rule, tensors=())
def hamming(x):
    """The Hamming window of `x` points.

    Args:
        x: Number of points (a Python number); none for `x < 1`.

    Returns:
        A 1-D floatx tensor.

    Example:

    >>> keras_core.ops.hamming(3)
    array([0.08, 1.  , 0.08], dtype=float32)
    """


@backend_op("numpy_api", _floatx_rule, tensors=())
def hanning(x):
    """The Hann window of `x` points.

    Args:
        x: Number of points (a Python number); none for `x < 1`.

    Returns:
        A 1-D floatx tensor.

    Example:

    >>> keras_core.ops.hanning(3)
    array([0., 1., 0.], dtype=float32)
    """


@backend_op("numpy_api", _floatx_rule, tensors=())
def kaiser(x, beta):
    """The Kaiser window of `x` points.

    Args:
        x: Number of points (a Python number); none for `x < 1`.
        beta: The shape parameter (0 gives a rectangular window).

    Returns:
        A 1-D floatx tensor.

    Example:

    >>> keras_core.ops.kaiser(3, 0.0)
    array([1., 1., 1.], dtype=float32)
    """
