"""The torch backend table: products ops.

See keras_core/_src/ops/numpy/products.py for the declarations. Inputs
arrive in the op's compute dtype. torch has no boolean matrix products and
no integer ones on CUDA: booleans are contracted as int32 and read back as
"any product nonzero", integers on accelerators are contracted in float64
(exact below 2**53). NumPy's `dot`, `kron`, `cross`, implicit `einsum`
outputs and `clip` bounds of None are built here.
"""

import torch

from keras_core._src.backend.common.op_arguments.products import check_cross
from keras_core._src.backend.common.op_arguments.products import check_diagonal_axes


def _contract(function, *xs):
    """Runs a matrix-product `function` where torch has kernels for it."""
    dtype = xs[0].dtype
    if dtype == torch.bool:
        xs = [x.to(torch.int32) for x in xs]
        return function(*xs) != 0
    if dtype.is_floating_point or xs[0].device.type == "cpu":
        return function(*xs)
    result = function(*[x.to(torch.float64) for x in xs])
    return result.to(torch.int64).to(dtype)


def matmul(x1, x2):
    if x1.dtype == torch.int8 and x2.dtype == torch.int8:
        # Keras 3 accumulates int8 products in int32.
        x1, x2 = x1.to(torch.int32), x2.to(torch.int32)
    return _contract(torch.matmul, x1, x2)


def _dot(x1, x2):
    if x1.ndim == 0 or x2.ndim == 0:
        return x1 * x2
    if x2.ndim == 1:
        return torch.tensordot(x1, x2, dims=([-1], [0]))
    return torch.tensordot(x1, x2, dims=([-1], [x2.ndim - 2]))


def dot(x1, x2):
    return _contract(_dot, x1, x2)


def tensordot(x1, x2, axes=2):
    if isinstance(axes, int):
        dims = axes
    else:
        dims = tuple(list(a) if isinstance(a, (list, tuple)) else [a] for a in axes)
    return _contract(lambda a, b: torch.tensordot(a, b, dims=dims), x1, x2)


def _inner(x1, x2):
    if x1.ndim == 0 or x2.ndim == 0:
        return x1 * x2
    return torch.tensordot(x1, x2, dims=([-1], [-1]))


def inner(x1, x2):
    return _contract(_inner, x1, x2)


def outer(x1, x2):
    return x1.reshape(-1, 1) * x2.reshape(1, -1)


def vdot(x1, x2):
    return _contract(lambda a, b: torch.dot(a.reshape(-1), b.reshape(-1)), x1, x2)


def kron(x1, x2):
    # Interleaves the axes of an outer product, then merges each pair.
    ndim = max(x1.ndim, x2.ndim)
    a = x1.reshape((1,) * (ndim - x1.ndim) + tuple(x1.shape))
    b = x2.reshape((1,) * (ndim - x2.ndim) + tuple(x2.shape))
    a = a.reshape([d for n in a.shape for d in (n, 1)])
    b = b.reshape([d for n in b.shape for d in (1, n)])
    shape = [m * n for m, n in zip(a.shape[::2], b.shape[1::2], strict=True)]
    return (a * b).reshape(shape)


def _explicit(subscripts):
    """NumPy's implicit einsum output, spelled out: `...`, then lone labels."""
    subscripts = subscripts.replace(" ", "")
    if "->" in subscripts:
        return subscripts
    labels = subscripts.replace("...", "").replace(",", "")
    lone = sorted(c for c in set(labels) if labels.count(c) == 1)
    ellipsis = "..." if "..." in subscripts else ""
    return f"{subscripts}->{ellipsis}{''.join(lone)}"


def einsum(subscripts, *operands, **kwargs):
    del kwargs  # `optimize` only: the framework picks the order.
    subscripts = _explicit(subscripts)
    return _contract(lambda *xs: torch.einsum(subscripts, *xs), *operands)


def _cross_vectors(a, b):
    """Cross products of vectors on the last axes (2 or 3 components)."""
    if a.shape[-1] == 2 and b.shape[-1] == 2:
        return a[..., 0] * b[..., 1] - a[..., 1] * b[..., 0]
    a0, a1 = a[..., 0], a[..., 1]
    b0, b1 = b[..., 0], b[..., 1]
    a2 = a[..., 2] if a.shape[-1] == 3 else torch.zeros_like(a0)
    b2 = b[..., 2] if b.shape[-1] == 3 else torch.zeros_like(b0)
    return torch.stack(
        [a1 * b2 - a2 * b1, a2 * b0 - a0 * b2, a0 * b1 - a1 * b0], dim=-1
    )


def cross(x1, x2, axisa=-1, axisb=-1, axisc=-1, axis=None):
    if axis is not None:
        axisa = axisb = axisc = axis
    check_cross(x1.shape, x2.shape, axisa, axisb)
    a = torch.movedim(x1, axisa, -1)
    b = torch.movedim(x2, axisb, -1)
    # The component products broadcast the other axes.
    result = _cross_vectors(a, b)
    if a.shape[-1] == 2 and b.shape[-1] == 2:
        return result
    return torch.movedim(result, -1, axisc)


def diagonal(x, offset=0, axis1=0, axis2=1):
    check_diagonal_axes(x.shape, axis1, axis2)
    return torch.diagonal(x, offset=offset, dim1=axis1, dim2=axis2)


def trace(x, offset=0, axis1=0, axis2=1):
    # torch sums integers as int64; the compute dtype is the result's.
    return diagonal(x, offset, axis1, axis2).sum(-1).to(x.dtype)


def slogdet(x):
    sign, logabsdet = torch.linalg.slogdet(x)
    return sign, logabsdet


def clip(x, x_min, x_max):
    # min(max(x, x_min), x_max), as NumPy: x_max wins where x_min > x_max.
    if x_min is not None:
        x = torch.maximum(x, x_min)
    if x_max is not None:
        x = torch.minimum(x, x_max)
    return x
