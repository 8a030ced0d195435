"""Argument checks and static plans of the statistics ops.

Quantile methods and axes, `average` weights, `correlate` modes and windows,
the rank checks of `corrcoef`, `trapezoid` and `diff`: each reads Python
values and static shapes only, so every backend's statistics table shares
them and fails with the same message.
"""

QUANTILE_METHODS = ("linear", "lower", "higher", "midpoint", "nearest")
CORRELATE_MODES = ("valid", "same", "full")


def check_quantile_method(op, method):
    """Refuses a quantile `method` NumPy does not have."""
    if method not in QUANTILE_METHODS:
        raise ValueError(
            f"{op}: `method` must be one of {', '.join(QUANTILE_METHODS)}. "
            f"Received: method={method!r}"
        )


def check_q_rank(op, q_shape):
    """Refuses a `q` of more than one dimension."""
    if len(q_shape) > 1:
        raise ValueError(
            f"{op}: `q` must be a scalar or a 1-D tensor. "
            f"Received: q of shape {tuple(q_shape)}"
        )


def quantile_axes(op, ndim, axis):
    """The sorted, non-negative axes a quantile reduces (all when None)."""
    if axis is None:
        return tuple(range(ndim))
    axes = tuple(axis) if isinstance(axis, (tuple, list)) else (axis,)
    for a in axes:
        if not -ndim <= a < max(ndim, 1):
            raise ValueError(
                f"{op}: axis {a} is out of bounds for a tensor of rank {ndim}."
            )
    return tuple(sorted({a % max(ndim, 1) for a in axes}))


def weights_layout(op, x_shape, weights_shape, axis):
    """How `weights` broadcast against `x` (NumPy's rules), or None.

    None when both shapes are equal; otherwise `(order, shape)`: transpose
    the weights by `order`, then reshape them to `shape` (1 on the axes of x
    they do not run along; None where a length is unknown).
    """
    x_shape, weights_shape = tuple(x_shape), tuple(weights_shape)
    if weights_shape == x_shape:
        return None
    if axis is None:
        raise ValueError(
            f"{op}: `axis` must be given when x and weights differ in shape. "
            f"Received: x of shape {x_shape}, weights of shape {weights_shape}"
        )
    ndim = len(x_shape)
    axes = tuple(axis) if isinstance(axis, (tuple, list)) else (axis,)
    axes = tuple(a % ndim if -ndim <= a < ndim else a for a in axes)
    if any(not 0 <= a < ndim for a in axes) or weights_shape != tuple(
        x_shape[a] for a in axes
    ):
        raise ValueError(
            f"{op}: weights must have the shape of x or of its axes {axis}. "
            f"Received: x of shape {x_shape}, weights of shape {weights_shape}"
        )
    order = sorted(range(len(axes)), key=lambda i: axes[i])
    shape = [1] * ndim
    for a, size in zip(axes, weights_shape, strict=True):
        shape[a] = size
    return order, shape


def check_corrcoef(x_shape):
    """`corrcoef` takes 1-D or 2-D inputs only."""
    if len(x_shape) > 2:
        raise ValueError(
            f"corrcoef: x must be 1-D or 2-D. Received: x of shape {tuple(x_shape)}"
        )


def check_correlate(x1_shape, x2_shape, mode):
    """`correlate` takes a known mode and two non-empty 1-D tensors."""
    if mode not in CORRELATE_MODES:
        raise ValueError(
            "correlate: `mode` must be 'valid', 'same' or 'full'. "
            f"Received: mode={mode!r}"
        )
    if len(x1_shape) != 1 or len(x2_shape) != 1 or not x1_shape[0] or not x2_shape[0]:
        raise ValueError(
            "correlate: x1 and x2 must be non-empty 1-D tensors. "
            f"Received: x1 of shape {tuple(x1_shape)}, x2 of shape "
            f"{tuple(x2_shape)}"
        )


def correlate_window(m, n, mode):
    """(start, length) of `mode`'s part of the full correlation (NumPy's)."""
    if mode == "full":
        return 0, m + n - 1
    if mode == "valid":
        return min(m, n) - 1, abs(m - n) + 1
    return ((n - 1) // 2 if m >= n else m // 2), max(m, n)


def check_trapezoid(y_shape, x_shape):
    """`trapezoid` needs a 1-D+ `y`, and an `x` 1-D or of the rank of `y`."""
    if len(y_shape) == 0:
        raise ValueError("trapezoid: y must be at least 1-D. Received: a scalar")
    if x_shape is not None and len(x_shape) not in (1, len(y_shape)):
        raise ValueError(
            "trapezoid: x must be 1-D or have the rank of y. "
            f"Received: y of shape {tuple(y_shape)}, x of shape {tuple(x_shape)}"
        )


def check_diff(a_shape, n):
    """`diff` needs a 1-D+ input and a non-negative `n`."""
    if len(a_shape) == 0:
        raise ValueError("diff: a must be at least 1-D. Received: a scalar")
    if n < 0:
        raise ValueError(f"diff: `n` must be 0 or more. Received: n={n}")
