"""The numpy backend table: creation ops.

See keras_core/_src/ops/numpy/creation.py for the declarations. `dtype`
arguments arrive as given (None included) and are resolved here the way the
dtype rules resolve them, 64-bit dtypes narrowed to 32 bits.
"""

import numpy as np

from keras_core._src.backend.common.dtypes import is_int_dtype
from keras_core._src.backend.common.dtypes import narrowed_dtype
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.common.numpy_dtypes import to_numpy_dtype
from keras_core._src.backend.common.op_arguments.creation import check_num
from keras_core._src.backend.common.op_arguments.creation import creation_shape
from keras_core._src.backend.common.op_arguments.creation import static_number


def _dtype(dtype):
    """`dtype` as held here (floatx for None)."""
    return to_numpy_dtype(narrowed_dtype(standardize_dtype(dtype)))


def _like_dtype(x, dtype):
    return x.dtype if dtype is None else _dtype(dtype)


def _cast(values, dtype):
    """Casts float `values` to `dtype`, integers rounding towards -inf."""
    if dtype is None:
        return values
    name = narrowed_dtype(standardize_dtype(dtype))
    if is_int_dtype(name):
        values = np.floor(values)
    return values.astype(to_numpy_dtype(name))


def zeros(shape, dtype=None):
    return np.zeros(creation_shape("zeros", shape), dtype=_dtype(dtype))


def ones(shape, dtype=None):
    return np.ones(creation_shape("ones", shape), dtype=_dtype(dtype))


def empty(shape, dtype=None):
    # Zeros: uninitialized memory would make results irreproducible.
    return np.zeros(creation_shape("empty", shape), dtype=_dtype(dtype))


def full(shape, fill_value, dtype=None):
    shape = creation_shape("full", shape)
    return np.array(np.broadcast_to(fill_value, shape), dtype=_dtype(dtype))


def zeros_like(x, dtype=None):
    return np.zeros(x.shape, dtype=_like_dtype(x, dtype))


def ones_like(x, dtype=None):
    return np.ones(x.shape, dtype=_like_dtype(x, dtype))


def empty_like(x, dtype=None):
    return np.zeros(x.shape, dtype=_like_dtype(x, dtype))


def full_like(x, fill_value, dtype=None):
    dtype = _like_dtype(x, dtype)
    return np.array(np.broadcast_to(fill_value, x.shape), dtype=dtype)


def eye(N, M=None, k=0, dtype=None):
    return np.eye(N, M, k=k, dtype=_dtype(dtype))


def identity(n, dtype=None):
    return np.identity(n, dtype=_dtype(dtype))


def tri(N, M=None, k=0, dtype=None):
    return np.tri(N, M, k=k, dtype=_dtype(dtype))


def _check_matrix(op, x):
    if x.ndim < 1:
        raise ValueError(
            f"{op}: expected a tensor of rank 1 or more. Received: x of shape "
            f"{tuple(x.shape)}"
        )


def tril(x, k=0):
    _check_matrix("tril", x)
    return np.tril(x, k)


def triu(x, k=0):
    _check_matrix("triu", x)
    return np.triu(x, k)


def arange(start, stop=None, step=None, dtype=None):
    start, stop, step = static_number(start), static_number(stop), static_number(step)
    if step == 0:
        raise ValueError(f"arange: `step` must not be zero. Received: step={step}")
    if stop is None:
        start, stop = 0, start
    step = 1 if step is None else step
    return np.arange(start, stop, step, dtype=None if dtype is None else _dtype(dtype))


def linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None, axis=0):
    check_num("linspace", num)
    values, step = np.linspace(
        start, stop, num, endpoint=endpoint, retstep=True, axis=axis
    )
    values = _cast(values, dtype)
    if retstep:
        return values, np.asarray(step, dtype=start.dtype)
    return values


def logspace(start, stop, num=50, endpoint=True, base=10, dtype=None, axis=0):
    check_num("logspace", num)
    values = np.linspace(start, stop, num, endpoint=endpoint, axis=axis)
    return np.power(np.asarray(base, values.dtype), values)


def geomspace(start, stop, num=50, endpoint=True, dtype=None, axis=0):
    check_num("geomspace", num)
    dtype = start.dtype
    # Computed in float64 (NumPy has it on every platform), cast back.
    start, stop = np.broadcast_arrays(start.astype("float64"), stop.astype("float64"))
    # As NumPy's, without its zero check (the symbolic shape evaluation runs
    # on zeros): spaced on a log scale between the magnitudes, the sign of
    # `start` restored, and the ends given exactly.
    sign = np.sign(start)
    with np.errstate(divide="ignore", invalid="ignore"):
        logs = np.log10(start * sign), np.log10(stop * sign)
        values = np.power(
            np.asarray(10, start.dtype), np.linspace(*logs, num, endpoint)
        )
    index = np.arange(num).reshape((num,) + (1,) * start.ndim)
    values = np.where(index == 0, start * sign, values)
    if endpoint and num > 1:
        values = np.where(index == num - 1, stop * sign, values)
    return np.moveaxis(values * sign, 0, axis).astype(dtype)


def array(x, dtype=None):
    return np.array(x)


def diag(x, k=0):
    if x.ndim not in (1, 2):
        raise ValueError(
            f"diag: expected a 1-D or 2-D tensor. Received: x of shape {x.shape}"
        )
    return np.diag(x, k)


def diagflat(x, k=0):
    return np.diagflat(x, k)


def vander(x, N=None, increasing=False):
    if x.ndim != 1:
        raise ValueError(
            f"vander: expected a 1-D tensor. Received: x of shape {x.shape}"
        )
    N = x.shape[0] if N is None else N
    # Successive products, as NumPy builds them (NumPy's own vander has no
    # bfloat16 loop).
    columns = [np.ones_like(x)] if N else []
    for _ in range(N - 1):
        columns.append(columns[-1] * x)
    if not columns:
        return np.zeros((x.shape[0], 0), x.dtype)
    if not increasing:
        columns.reverse()
    return np.stack(columns, axis=1)


def bartlett(x):
    return np.bartlett(static_number(x))


def blackman(x):
    return np.blackman(static_number(x))


def hamming(x):
    return np.hamming(static_number(x))


def hanning(x):
    return np.hanning(static_number(x))


def kaiser(x, beta):
    return np.kaiser(static_number(x), static_number(beta))
