"""The jax backend table: creation ops.

See keras_core/_src/ops/numpy/creation.py for the declarations. `dtype`
arguments arrive as given (None included) and are resolved here the way the
dtype rules resolve them, 64-bit dtypes narrowed to 32 bits. Shapes, sizes
and window lengths are static Python values, so every op traces under
`jax.jit`; the composite ones are jitted themselves (static arguments as
static), so an eager call compiles once rather than once per primitive.
"""

import functools
import math

import jax
import jax.numpy as jnp

from keras_core._src.backend.common.dtypes import is_int_dtype
from keras_core._src.backend.common.dtypes import narrowed_dtype
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.common.op_arguments.creation import check_num
from keras_core._src.backend.common.op_arguments.creation import creation_shape
from keras_core._src.backend.common.op_arguments.creation import static_number


def _dtype(dtype):
    """`dtype` as held here (floatx for None)."""
    return narrowed_dtype(standardize_dtype(dtype))


def _like_dtype(x, dtype):
    return x.dtype if dtype is None else _dtype(dtype)


def _jit(*static):
    return functools.partial(jax.jit, static_argnames=static)


def zeros(shape, dtype=None):
    return jnp.zeros(creation_shape("zeros", shape), dtype=_dtype(dtype))


def ones(shape, dtype=None):
    return jnp.ones(creation_shape("ones", shape), dtype=_dtype(dtype))


def empty(shape, dtype=None):
    return jnp.zeros(creation_shape("empty", shape), dtype=_dtype(dtype))


def full(shape, fill_value, dtype=None):
    shape = creation_shape("full", shape)
    return jnp.broadcast_to(fill_value.astype(_dtype(dtype)), shape)


def zeros_like(x, dtype=None):
    return jnp.zeros(x.shape, dtype=_like_dtype(x, dtype))


def ones_like(x, dtype=None):
    return jnp.ones(x.shape, dtype=_like_dtype(x, dtype))


def empty_like(x, dtype=None):
    return jnp.zeros(x.shape, dtype=_like_dtype(x, dtype))


def full_like(x, fill_value, dtype=None):
    return jnp.broadcast_to(fill_value.astype(_like_dtype(x, dtype)), x.shape)


def _offsets(rows, columns):
    """Column index minus row index of each element of a (rows, columns) grid."""
    return jnp.arange(columns)[None, :] - jnp.arange(rows)[:, None]


@_jit("N", "M", "k", "dtype")
def _eye(N, M, k, dtype):
    return (_offsets(N, M) == k).astype(dtype)


def eye(N, M=None, k=0, dtype=None):
    return _eye(N, N if M is None else M, k, _dtype(dtype))


def identity(n, dtype=None):
    return eye(n, dtype=dtype)


@_jit("N", "M", "k", "dtype")
def _tri(N, M, k, dtype):
    return (_offsets(N, M) <= k).astype(dtype)


def tri(N, M=None, k=0, dtype=None):
    return _tri(N, N if M is None else M, k, _dtype(dtype))


def _triangle(op, x, keep):
    if x.ndim < 1:
        raise ValueError(
            f"{op}: expected a tensor of rank 1 or more. Received: x of shape "
            f"{tuple(x.shape)}"
        )
    if x.ndim == 1:
        # NumPy repeats a 1-D input into a square matrix.
        x = jnp.broadcast_to(x, (x.shape[0], x.shape[0]))
    mask = keep(_offsets(x.shape[-2], x.shape[-1]))
    return jnp.where(mask, x, jnp.zeros((), x.dtype))


@_jit("k")
def tril(x, k=0):
    return _triangle("tril", x, lambda offsets: offsets <= k)


@_jit("k")
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
        return start + jnp.arange(length) * step
    dtype = _dtype(dtype)
    if is_int_dtype(dtype) or dtype == "bool":
        # NumPy's integer arange: the first two values are cast, then
        # their difference is repeated.
        first, second = int(start), int(start + step)
        return (first + jnp.arange(length) * (second - first)).astype(dtype)
    return (start + jnp.arange(length, dtype="float32") * step).astype(dtype)


def _spaced(start, stop, num, endpoint):
    """NumPy's linspace along a new first axis, and its step."""
    start, stop = jnp.broadcast_arrays(start, stop)
    divisions = num - 1 if endpoint else num
    delta = stop - start
    index = jnp.arange(num, dtype=start.dtype).reshape((num,) + (1,) * start.ndim)
    if divisions > 0:
        step = delta / divisions
        values = index * step + start
    else:
        step = jnp.full_like(delta, jnp.nan)
        values = index * delta + start
    if endpoint and num > 1:
        values = jnp.where(index == num - 1, stop, values)
    return values, step


@_jit("num", "endpoint", "retstep", "dtype", "axis")
def linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None, axis=0):
    check_num("linspace", num)
    values, step = _spaced(start, stop, num, endpoint)
    values = jnp.moveaxis(values, 0, axis)
    if dtype is not None and is_int_dtype(_dtype(dtype)):
        # NumPy rounds integer samples towards minus infinity.
        values = jnp.floor(values).astype(_dtype(dtype))
    return (values, step) if retstep else values


@_jit("num", "endpoint", "base", "dtype", "axis")
def logspace(start, stop, num=50, endpoint=True, base=10, dtype=None, axis=0):
    check_num("logspace", num)
    values, _ = _spaced(start, stop, num, endpoint)
    values = jnp.power(jnp.asarray(base, values.dtype), values)
    return jnp.moveaxis(values, 0, axis)


@_jit("num", "endpoint", "dtype", "axis")
def geomspace(start, stop, num=50, endpoint=True, dtype=None, axis=0):
    check_num("geomspace", num)
    start, stop = jnp.broadcast_arrays(start, stop)
    # As NumPy: spaced on a log scale between the magnitudes, the sign of
    # `start` restored, and the ends given exactly.
    sign = jnp.sign(start)
    values, _ = _spaced(jnp.log10(start * sign), jnp.log10(stop * sign), num, endpoint)
    values = jnp.power(jnp.asarray(10, values.dtype), values)
    index = jnp.arange(num).reshape((num,) + (1,) * start.ndim)
    values = jnp.where(index == 0, start * sign, values)
    if endpoint and num > 1:
        values = jnp.where(index == num - 1, stop * sign, values)
    return jnp.moveaxis(values * sign, 0, axis)


def array(x, dtype=None):
    return jnp.array(x)


@_jit("k")
def diag(x, k=0):
    if x.ndim not in (1, 2):
        raise ValueError(
            f"diag: expected a 1-D or 2-D tensor. Received: x of shape {x.shape}"
        )
    return jnp.diag(x, k)


@_jit("k")
def diagflat(x, k=0):
    return jnp.diag(jnp.ravel(x), k)


def _multiply(a, b):
    return a & b if a.dtype == jnp.bool_ else a * b


@_jit("N", "increasing")
def vander(x, N=None, increasing=False):
    if x.ndim != 1:
        raise ValueError(
            f"vander: expected a 1-D tensor. Received: x of shape {x.shape}"
        )
    N = x.shape[0] if N is None else N
    # Successive products, as NumPy builds them (integers wrap the same
    # way; booleans multiply as a logical and).
    columns = [jnp.ones_like(x)] if N else []
    for _ in range(N - 1):
        columns.append(_multiply(columns[-1], x))
    if not columns:
        return jnp.zeros((x.shape[0], 0), x.dtype)
    if not increasing:
        columns.reverse()
    return jnp.stack(columns, axis=1)


def _window_points(x):
    """The points n of NumPy's symmetric windows (1 - M to M - 1 by 2)."""
    M = static_number(x)
    return M, jnp.arange(1 - M, M, 2, dtype="float32")


@_jit("x", "coefficients")
def _cosine_window(x, coefficients):
    M, n = _window_points(x)
    if M < 1:
        return jnp.zeros((0,), "float32")
    if M == 1:
        return jnp.ones((1,), "float32")
    total = jnp.zeros_like(n)
    for order, coefficient in enumerate(coefficients):
        total = total + coefficient * jnp.cos(order * jnp.pi * n / (M - 1))
    return total


def bartlett(x):
    return _bartlett(static_number(x))


@_jit("x")
def _bartlett(x):
    M, n = _window_points(x)
    if M < 1:
        return jnp.zeros((0,), "float32")
    if M == 1:
        return jnp.ones((1,), "float32")
    return jnp.where(n <= 0, 1 + n / (M - 1), 1 - n / (M - 1))


def blackman(x):
    return _cosine_window(static_number(x), (0.42, 0.5, 0.08))


def hamming(x):
    return _cosine_window(static_number(x), (0.54, 0.46))


def hanning(x):
    return _cosine_window(static_number(x), (0.5, 0.5))


def kaiser(x, beta):
    return _kaiser(static_number(x), float(static_number(beta)))


@_jit("M", "beta")
def _kaiser(M, beta):
    if M < 1:
        return jnp.zeros((0,), "float32")
    if M == 1:
        return jnp.ones((1,), "float32")
    n = jnp.arange(0, M, dtype="float32")
    alpha = (M - 1) / 2.0
    ratio = (n - alpha) / alpha
    return jnp.i0(beta * jnp.sqrt(1 - ratio**2)) / jnp.i0(jnp.float32(beta))
