"""The tensorflow backend table: creation ops.

See keras_core/_src/ops/numpy/creation.py for the declarations. `dtype`
arguments arrive as given (None included) and are resolved here the way the
dtype rules resolve them (TensorFlow keeps int64 and float64). Shapes,
sizes and window lengths are static Python values, so every op compiles
with XLA. TensorFlow lacks multiplication for wide unsigned integers:
`vander` multiplies those in int64 and wraps back.
"""

import math

from keras_core._src.backend.common.dtypes import is_int_dtype
from keras_core._src.backend.common.dtypes import narrowed_dtype
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.common.op_arguments.creation import check_num
from keras_core._src.backend.common.op_arguments.creation import creation_shape
from keras_core._src.backend.common.op_arguments.creation import static_number
from keras_core._src.backend.tensorflow.tf_import import tf


def _dtype(dtype):
    """`dtype` as held here (floatx for None)."""
    return narrowed_dtype(standardize_dtype(dtype))


def _like_dtype(x, dtype):
    return x.dtype if dtype is None else _dtype(dtype)


def _dims(x):
    """The shape of `x`: static sizes where known, scalar tensors elsewhere."""
    dynamic = tf.shape(x)
    return [dynamic[i] if d is None else d for i, d in enumerate(x.shape)]


def zeros(shape, dtype=None):
    return tf.zeros(creation_shape("zeros", shape), dtype=_dtype(dtype))


def ones(shape, dtype=None):
    return tf.ones(creation_shape("ones", shape), dtype=_dtype(dtype))


def empty(shape, dtype=None):
    # Zeros: uninitialized memory would make results irreproducible.
    return tf.zeros(creation_shape("empty", shape), dtype=_dtype(dtype))


def full(shape, fill_value, dtype=None):
    shape = creation_shape("full", shape)
    return tf.broadcast_to(tf.cast(fill_value, _dtype(dtype)), shape)


def zeros_like(x, dtype=None):
    return tf.zeros_like(x, dtype=_like_dtype(x, dtype))


def ones_like(x, dtype=None):
    return tf.ones_like(x, dtype=_like_dtype(x, dtype))


def empty_like(x, dtype=None):
    return tf.zeros_like(x, dtype=_like_dtype(x, dtype))


def full_like(x, fill_value, dtype=None):
    fill_value = tf.cast(fill_value, _like_dtype(x, dtype))
    return tf.ensure_shape(tf.broadcast_to(fill_value, _dims(x)), x.shape)


def _offsets(rows, columns):
    """Column index minus row index of each element of a (rows, columns) grid."""
    return tf.range(columns)[None, :] - tf.range(rows)[:, None]


def eye(N, M=None, k=0, dtype=None):
    M = N if M is None else M
    return tf.cast(tf.equal(_offsets(N, M), k), _dtype(dtype))


def identity(n, dtype=None):
    return eye(n, dtype=dtype)


def tri(N, M=None, k=0, dtype=None):
    M = N if M is None else M
    return tf.cast(_offsets(N, M) <= k, _dtype(dtype))


def _triangle(op, x, keep):
    if x.shape.rank < 1:
        raise ValueError(
            f"{op}: expected a tensor of rank 1 or more. Received: x of shape "
            f"{tuple(x.shape)}"
        )
    if x.shape.rank == 1:
        # NumPy repeats a 1-D input into a square matrix.
        size = _dims(x)[0]
        x = tf.broadcast_to(x, [size, size])
    dims = _dims(x)
    mask = keep(_offsets(dims[-2], dims[-1]))
    return tf.where(mask, x, tf.zeros((), x.dtype))


def tril(x, k=0):
    return _triangle("tril", x, lambda offsets: offsets <= k)


def triu(x, k=0):
    return _triangle("triu", x, lambda offsets: offsets >= k)


def arange(start, stop=None, step=None, dtype=None):
    start, stop, step = static_number(start), static_number(stop), static_number(step)
    if step == 0:
        raise ValueError(f"arange: `step` must not be zero. Received: step={step}")
    if stop is None:
        start, stop = 0, start
    step = 1 if step is None else step
    length = max(math.ceil((stop - start) / step), 0)
    if dtype is None:
        if all(isinstance(v, int) for v in (start, stop, step)):
            return start + tf.range(length, dtype="int64") * step
        return start + tf.range(length, dtype="float64") * step
    dtype = _dtype(dtype)
    if is_int_dtype(dtype) or dtype == "bool":
        # NumPy's integer arange: the first two values are cast, then
        # their difference is repeated.
        first, second = int(start), int(start + step)
        index = tf.range(length, dtype="int64")
        return tf.cast(first + index * (second - first), dtype)
    return tf.cast(start + tf.range(length, dtype="float64") * step, dtype)


def _moveaxis(x, axis):
    """Moves the first axis of `x` to `axis`."""
    rank = x.shape.rank
    axis = axis % rank
    return tf.transpose(x, [*range(1, axis + 1), 0, *range(axis + 1, rank)])


def _spaced(start, stop, num, endpoint):
    """NumPy's linspace along a new first axis, and its step."""
    start, stop = start + tf.zeros_like(stop), stop + tf.zeros_like(start)
    divisions = num - 1 if endpoint else num
    delta = stop - start
    index = tf.cast(tf.range(num), start.dtype)
    index = tf.reshape(index, [num] + [1] * start.shape.rank)
    if divisions > 0:
        step = delta / divisions
        values = index * step + start
    else:
        step = delta * tf.constant(math.nan, start.dtype)
        values = index * delta + start
    if endpoint and num > 1:
        values = tf.where(tf.equal(index, num - 1), stop, values)
    return values, step


def linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None, axis=0):
    check_num("linspace", num)
    values, step = _spaced(start, stop, num, endpoint)
    values = _moveaxis(values, axis)
    if dtype is not None and is_int_dtype(_dtype(dtype)):
        # NumPy rounds integer samples towards minus infinity.
        values = tf.cast(tf.floor(values), _dtype(dtype))
    return (values, step) if retstep else values


def logspace(start, stop, num=50, endpoint=True, base=10, dtype=None, axis=0):
    check_num("logspace", num)
    values, _ = _spaced(start, stop, num, endpoint)
    values = tf.pow(tf.constant(static_number(base), values.dtype), values)
    return _moveaxis(values, axis)


def geomspace(start, stop, num=50, endpoint=True, dtype=None, axis=0):
    check_num("geomspace", num)
    start, stop = start + tf.zeros_like(stop), stop + tf.zeros_like(start)
    # As NumPy: spaced on a log scale between the magnitudes, the sign of
    # `start` restored, and the ends given exactly.
    sign = tf.sign(start)
    ten = tf.constant(10, start.dtype)
    logs = [tf.math.log(v * sign) / tf.math.log(ten) for v in (start, stop)]
    values, _ = _spaced(*logs, num, endpoint)
    values = tf.pow(ten, values)
    index = tf.reshape(tf.range(num), [num] + [1] * start.shape.rank)
    values = tf.where(tf.equal(index, 0), start * sign, values)
    if endpoint and num > 1:
        values = tf.where(tf.equal(index, num - 1), stop * sign, values)
    return _moveaxis(values * sign, axis)


def array(x, dtype=None):
    return tf.identity(x)


def diag(x, k=0):
    if x.shape.rank not in (1, 2):
        raise ValueError(
            f"diag: expected a 1-D or 2-D tensor. Received: x of shape {tuple(x.shape)}"
        )
    if x.shape.rank == 1:
        return _diagonal_matrix(x, k)
    rows, columns = x.shape
    if (columns is not None and k >= columns) or (rows is not None and -k >= rows):
        # Past the corner: NumPy gives an empty diagonal.
        return tf.zeros((0,), x.dtype)
    return tf.linalg.diag_part(x, k=k)


def _diagonal_matrix(x, k):
    # The main diagonal, padded into place: tf.linalg.diag's static shape
    # is wrong (empty) when the length is unknown and k is not 0.
    matrix = tf.linalg.diag(x)
    if k > 0:
        return tf.pad(matrix, [[0, k], [k, 0]])
    return tf.pad(matrix, [[-k, 0], [0, -k]])


def diagflat(x, k=0):
    return _diagonal_matrix(tf.reshape(x, [-1]), k)


def vander(x, N=None, increasing=False):
    if x.shape.rank != 1:
        raise ValueError(
            f"vander: expected a 1-D tensor. Received: x of shape {tuple(x.shape)}"
        )
    dtype = x.dtype
    if dtype.is_unsigned:
        x = tf.cast(x, "int64")
    if N is None and x.shape[0] is None:
        # An unknown number of columns: running products of the repeated
        # column, the first being x**0.
        work = tf.cast(x, "int32") if dtype == tf.bool else x
        repeated = tf.tile(work[:, None], [1, tf.shape(work)[0]])
        columns = tf.math.cumprod(repeated, axis=1, exclusive=True)
        columns = columns if increasing else tf.reverse(columns, [1])
        return tf.cast(columns, dtype)
    N = x.shape[0] if N is None else N
    # Successive products, as NumPy builds them (integers wrap the same
    # way; booleans multiply as a logical and).
    columns = [tf.ones_like(x)] if N else []
    for _ in range(N - 1):
        previous = columns[-1]
        columns.append(
            tf.logical_and(previous, x) if dtype == tf.bool else previous * x
        )
    if not columns:
        return tf.zeros([_dims(x)[0], 0], dtype)
    if not increasing:
        columns.reverse()
    return tf.cast(tf.stack(columns, axis=1), dtype)


def _window(x, formula):
    """NumPy's symmetric window of `x` points from `formula(M, n)`.

    n runs from 1 - M to M - 1 by 2 (the points centred on 0).
    """
    M = static_number(x)
    if M < 1:
        return tf.zeros((0,), "float64")
    if M == 1:
        return tf.ones((1,), "float64")
    n = tf.range(1 - M, M, 2, dtype="float64")
    return formula(M, n)


def _cosine_window(x, coefficients):
    def formula(M, n):
        total = tf.zeros_like(n)
        for order, coefficient in enumerate(coefficients):
            total = total + coefficient * tf.cos(order * math.pi * n / (M - 1))
        return total

    return _window(x, formula)


def bartlett(x):
    return _window(x, lambda M, n: tf.where(n <= 0, 1 + n / (M - 1), 1 - n / (M - 1)))


def blackman(x):
    return _cosine_window(x, (0.42, 0.5, 0.08))


def hamming(x):
    return _cosine_window(x, (0.54, 0.46))


def hanning(x):
    return _cosine_window(x, (0.5, 0.5))


def kaiser(x, beta):
    beta = float(static_number(beta))

    def formula(M, n):
        # n / (M - 1) runs from -1 to 1: NumPy's (n - alpha) / alpha.
        ratio = n / (M - 1)
        i0 = tf.math.bessel_i0
        return i0(beta * tf.sqrt(1 - ratio**2)) / i0(tf.constant(beta, "float64"))

    return _window(x, formula)
