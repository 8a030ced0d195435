"""Argument checks shared by the four backends' `linalg` tables.

They read only static shapes and Python arguments, so every backend raises
the same message before any framework runs (also while tracing, where
unknown dimensions, None, are let through). They need no framework at all,
so they live in `backend/common`, which every backend may import.
"""

import math

import numpy as np

from keras_core._src.backend.common.scopes import in_symbolic_scope

_VECTOR_ORDS = "None, an int or float (including inf, -inf and 0)"
_MATRIX_ORDS = ("fro", "nuc", 1, -1, 2, -2, math.inf, -math.inf)


def _shape(x):
    return tuple(None if d is None else int(d) for d in x.shape)


def check_matrix(op, x, name="x"):
    """Raises unless `x` has rank 2 or more (a batch of matrices)."""
    shape = _shape(x)
    if len(shape) < 2:
        raise ValueError(
            f"Op `{op}` expects `{name}` to be a matrix or a batch of "
            f"matrices, of rank 2 or more. Received: {name} of shape {shape}."
        )


def check_square(op, x, name="x"):
    """Raises unless `x` holds square matrices, shape (..., n, n)."""
    check_matrix(op, x, name)
    shape = _shape(x)
    if None not in shape[-2:] and shape[-1] != shape[-2]:
        raise ValueError(
            f"Op `{op}` expects `{name}` to hold square matrices, of shape "
            f"(..., n, n). Received: {name} of shape {shape}."
        )


def check_right_hand_side(op, a, b):
    """Raises unless `b`'s rows match the order of the square `a`.

    `b` is one vector (rank 1, shape (n,)) or matrices (..., n, k), as in
    NumPy 2's `solve`. Returns whether `b` is a vector.
    """
    check_square(op, a, "a")
    a_shape, b_shape = _shape(a), _shape(b)
    if len(b_shape) == 0:
        raise ValueError(
            f"Op `{op}` expects `b` of shape (n,) or (..., n, k). "
            f"Received: a of shape {a_shape}, b of shape {b_shape}."
        )
    vector = len(b_shape) == 1
    rows = b_shape[0] if vector else b_shape[-2]
    if rows is not None and a_shape[-1] is not None and rows != a_shape[-1]:
        raise ValueError(
            f"Op `{op}` expects `b` of shape (n,) or (..., n, k) with n the "
            f"order of `a`. Received: a of shape {a_shape}, b of shape "
            f"{b_shape}."
        )
    return vector


def check_lstsq(a, b):
    """Raises unless `a` is (m, n) and `b` is (m,) or (m, k)."""
    a_shape, b_shape = _shape(a), _shape(b)
    if len(a_shape) != 2 or len(b_shape) not in (1, 2):
        raise ValueError(
            "Op `lstsq` expects `a` of shape (m, n) and `b` of shape (m,) or "
            f"(m, k). Received: a of shape {a_shape}, b of shape {b_shape}."
        )
    if None not in (a_shape[0], b_shape[0]) and a_shape[0] != b_shape[0]:
        raise ValueError(
            "Op `lstsq` expects `a` and `b` to have the same number of rows. "
            f"Received: a of shape {a_shape}, b of shape {b_shape}."
        )


def check_qr_mode(mode):
    if mode not in ("reduced", "complete"):
        raise ValueError(
            "Op `qr` expects `mode` to be 'reduced' or 'complete'. "
            f"Received: mode={mode!r}"
        )


def norm_axes(x, ord, axis):
    """What `norm` computes: (kind, axes), kind "flat", "vector" or "matrix".

    As NumPy: without `axis`, `ord=None` is the 2-norm of all entries
    ("flat"), and another `ord` needs a vector or a matrix. One axis gives
    vector norms, two axes matrix norms. Axes come back non-negative.
    """
    ndim = len(x.shape)
    if axis is None:
        if ord is None:
            return "flat", tuple(range(ndim))
        if ndim not in (1, 2):
            raise ValueError(
                "Op `norm` takes `ord` without `axis` only for vectors and "
                f"matrices (rank 1 or 2). Received: x of shape {_shape(x)}, "
                f"ord={ord!r}. Pass `axis`."
            )
        axis = tuple(range(ndim))
    axes = (axis,) if isinstance(axis, int) else tuple(axis)
    if len(axes) not in (1, 2) or not all(isinstance(a, int) for a in axes):
        raise ValueError(
            "Op `norm` expects `axis` to be None, an int (vector norms) or "
            f"two ints (matrix norms). Received: axis={axis!r}"
        )
    for a in axes:
        if not -ndim <= a < ndim:
            raise ValueError(
                f"Op `norm` got axis {a}, out of range for x of shape {_shape(x)}."
            )
    axes = tuple(a % ndim for a in axes)
    if len(axes) == 1:
        if isinstance(ord, str) or not (ord is None or isinstance(ord, (int, float))):
            raise ValueError(
                f"Op `norm` expects a vector `ord` to be {_VECTOR_ORDS}. "
                f"Received: ord={ord!r}"
            )
        return "vector", axes
    if axes[0] == axes[1]:
        raise ValueError(
            f"Op `norm` expects two different axes. Received: axis={axis!r}"
        )
    if ord is not None and ord not in _MATRIX_ORDS:
        raise ValueError(
            "Op `norm` expects a matrix `ord` to be None, 'fro', 'nuc', 1, "
            f"-1, 2, -2, inf or -inf. Received: ord={ord!r}"
        )
    return "matrix", axes


def invertible_placeholder(x):
    """`x`, or identities of its shape during the numpy abstract evaluation.

    That evaluation (symbolic calls) runs the numpy table on zeros, which
    NumPy refuses to invert or factor; only the output shape matters there.
    """
    if not in_symbolic_scope():
        return x
    eye = np.eye(x.shape[-1], dtype=x.dtype)
    return np.array(np.broadcast_to(eye, x.shape))
