"""The torch backend table: creation ops.

See keras_core/_src/ops/numpy/creation.py for the declarations. `dtype`
arguments arrive as given (None included) and are resolved here the way the
dtype rules resolve them, 64-bit dtypes narrowed to 32 bits. New tensors go
on the default device; those combined with an input go on its device (a
meta device during symbolic shape evaluation).
"""

import math

import torch

from keras_core._src.backend.common.dtypes import is_int_dtype
from keras_core._src.backend.common.dtypes import narrowed_dtype
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.common.op_arguments.creation import check_num
from keras_core._src.backend.common.op_arguments.creation import creation_shape
from keras_core._src.backend.common.op_arguments.creation import static_number
from keras_core._src.backend.torch.core import get_device
from keras_core._src.backend.torch.core import to_torch_dtype


def _name(dtype):
    return narrowed_dtype(standardize_dtype(dtype))


def _dtype(dtype):
    """`dtype` as held here (floatx for None)."""
    return to_torch_dtype(_name(dtype))


def _like_dtype(x, dtype):
    return x.dtype if dtype is None else _dtype(dtype)


def zeros(shape, dtype=None):
    return torch.zeros(
        creation_shape("zeros", shape), dtype=_dtype(dtype), device=get_device()
    )


def ones(shape, dtype=None):
    return torch.ones(
        creation_shape("ones", shape), dtype=_dtype(dtype), device=get_device()
    )


def empty(shape, dtype=None):
    # Zeros: uninitialized memory would make results irreproducible.
    return zeros(creation_shape("empty", shape), dtype=dtype)


def full(shape, fill_value, dtype=None):
    shape = creation_shape("full", shape)
    return torch.broadcast_to(fill_value.to(_dtype(dtype)), shape).clone()


def zeros_like(x, dtype=None):
    return torch.zeros(x.shape, dtype=_like_dtype(x, dtype), device=x.device)


def ones_like(x, dtype=None):
    return torch.ones(x.shape, dtype=_like_dtype(x, dtype), device=x.device)


def empty_like(x, dtype=None):
    return zeros_like(x, dtype=dtype)


def full_like(x, fill_value, dtype=None):
    fill_value = fill_value.to(device=x.device, dtype=_like_dtype(x, dtype))
    return torch.broadcast_to(fill_value, x.shape).clone()


def _offsets(rows, columns, device):
    """Column index minus row index of each element of a (rows, columns) grid."""
    return (
        torch.arange(columns, device=device)[None, :]
        - torch.arange(rows, device=device)[:, None]
    )


def eye(N, M=None, k=0, dtype=None):
    M = N if M is None else M
    return (_offsets(N, M, get_device()) == k).to(_dtype(dtype))


def identity(n, dtype=None):
    return eye(n, dtype=dtype)


def tri(N, M=None, k=0, dtype=None):
    M = N if M is None else M
    return (_offsets(N, M, get_device()) <= k).to(_dtype(dtype))


def _triangle(op, x, keep):
    if x.ndim < 1:
        raise ValueError(
            f"{op}: expected a tensor of rank 1 or more. Received: x of shape "
            f"{tuple(x.shape)}"
        )
    if x.ndim == 1:
        # NumPy repeats a 1-D input into a square matrix.
        x = torch.broadcast_to(x, (x.shape[0], x.shape[0]))
    mask = keep(_offsets(x.shape[-2], x.shape[-1], x.device))
    return torch.where(mask, x, torch.zeros((), dtype=x.dtype, device=x.device))


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
    index = torch.arange(length, device=get_device())
    if dtype is None:
        exact = all(isinstance(v, int) for v in (start, stop, step))
        return start + index * step if exact else start + index.double() * step
    name = _name(dtype)
    if is_int_dtype(name) or name == "bool":
        # NumPy's integer arange: the first two values are cast, then
        # their difference is repeated.
        first, second = int(start), int(start + step)
        return (first + index * (second - first)).to(_dtype(name))
    return (start + index.double() * step).to(_dtype(name))


def _spaced(start, stop, num, endpoint):
    """NumPy's linspace along a new first axis, and its step."""
    start, stop = torch.broadcast_tensors(start, stop)
    divisions = num - 1 if endpoint else num
    delta = stop - start
    index = torch.arange(num, dtype=start.dtype, device=start.device)
    index = index.reshape((num,) + (1,) * start.ndim)
    if divisions > 0:
        step = delta / divisions
        values = index * step + start
    else:
        step = torch.full_like(delta, math.nan)
        values = index * delta + start
    if endpoint and num > 1:
        values = torch.where(index == num - 1, stop, values)
    return values, step


def linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None, axis=0):
    check_num("linspace", num)
    values, step = _spaced(start, stop, num, endpoint)
    values = torch.movedim(values, 0, axis)
    if dtype is not None and is_int_dtype(_name(dtype)):
        # NumPy rounds integer samples towards minus infinity.
        values = torch.floor(values).to(_dtype(dtype))
    return (values, step) if retstep else values


def logspace(start, stop, num=50, endpoint=True, base=10, dtype=None, axis=0):
    check_num("logspace", num)
    values, _ = _spaced(start, stop, num, endpoint)
    return torch.movedim(torch.pow(static_number(base), values), 0, axis)


def geomspace(start, stop, num=50, endpoint=True, dtype=None, axis=0):
    check_num("geomspace", num)
    start, stop = torch.broadcast_tensors(start, stop)
    # As NumPy: spaced on a log scale between the magnitudes, the sign of
    # `start` restored, and the ends given exactly.
    sign = torch.sign(start)
    values, _ = _spaced(
        torch.log10(start * sign), torch.log10(stop * sign), num, endpoint
    )
    values = torch.pow(10.0, values)
    index = torch.arange(num, device=start.device)
    index = index.reshape((num,) + (1,) * start.ndim)
    values = torch.where(index == 0, start * sign, values)
    if endpoint and num > 1:
        values = torch.where(index == num - 1, stop * sign, values)
    return torch.movedim(values * sign, 0, axis)


def array(x, dtype=None):
    return x.clone()


def diag(x, k=0):
    if x.ndim not in (1, 2):
        raise ValueError(
            f"diag: expected a 1-D or 2-D tensor. Received: x of shape {tuple(x.shape)}"
        )
    if x.ndim == 1:
        return torch.diag_embed(x, offset=k)
    return torch.diagonal(x, offset=k).clone()


def diagflat(x, k=0):
    return torch.diag_embed(torch.reshape(x, (-1,)), offset=k)


def vander(x, N=None, increasing=False):
    if x.ndim != 1:
        raise ValueError(
            f"vander: expected a 1-D tensor. Received: x of shape {tuple(x.shape)}"
        )
    N = x.shape[0] if N is None else N
    # Successive products, as NumPy builds them (integers wrap the same
    # way; booleans multiply as a logical and).
    columns = [torch.ones_like(x)] if N else []
    for _ in range(N - 1):
        columns.append(columns[-1] & x if x.dtype == torch.bool else columns[-1] * x)
    if not columns:
        return torch.zeros((x.shape[0], 0), dtype=x.dtype, device=x.device)
    if not increasing:
        columns.reverse()
    return torch.stack(columns, dim=1)


def _window(x, formula):
    """NumPy's symmetric window of `x` points from `formula(M, n)`.

    n runs from 1 - M to M - 1 by 2 (the points centred on 0).
    """
    M = static_number(x)
    if M < 1:
        return torch.zeros((0,), device=get_device())
    if M == 1:
        return torch.ones((1,), device=get_device())
    n = torch.arange(1 - M, M, 2, dtype=torch.float64, device=get_device())
    return formula(M, n)


def _cosine_window(x, coefficients):
    def formula(M, n):
        total = torch.zeros_like(n)
        for order, coefficient in enumerate(coefficients):
            total = total + coefficient * torch.cos(order * math.pi * n / (M - 1))
        return total

    return _window(x, formula)


def bartlett(x):
    return _window(
        x, lambda M, n: torch.where(n <= 0, 1 + n / (M - 1), 1 - n / (M - 1))
    )


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
        return torch.special.i0(beta * torch.sqrt(1 - ratio**2)) / torch.special.i0(
            torch.tensor(beta, dtype=torch.float64, device=n.device)
        )

    return _window(x, formula)
