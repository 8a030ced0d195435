"""Argument checks of the creation ops (zeros, full, linspace, eye...).

Shapes, counts and static numbers are read the same way by every backend's
creation table, which refuses bad ones with the same messages.
"""


def creation_shape(op, shape):
    """`shape` (an int or a sequence) as a tuple; negative sizes refused."""
    shape = tuple(shape) if isinstance(shape, (tuple, list)) else (shape,)
    if any(int(d) < 0 for d in shape):
        raise ValueError(
            f"{op}: negative dimensions are not allowed. Received: shape={shape}"
        )
    return shape


def static_number(value):
    """A static argument given as a 0-d array or tensor, as a Python number."""
    return value.item() if hasattr(value, "item") else value


def check_num(op, num):
    """Refuses a negative sample count (`linspace`, `logspace`...)."""
    if num < 0:
        raise ValueError(f"{op}: `num` must be non-negative. Received: num={num}")
