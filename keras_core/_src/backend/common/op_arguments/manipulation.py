"""Argument helpers of the manipulation and joining ops (pad, split...).

Pad widths, split points and axis checks read only Python values and static
shapes, so the declarations (for symbolic shapes) and every backend table
share them and refuse bad arguments with the same messages.
"""

import itertools


def normalize_axis(axis, ndim, op):
    """`axis` as a non-negative int below `ndim` (0 for a 0-d tensor)."""
    if not isinstance(axis, int) or not -ndim <= axis < max(ndim, 1):
        raise ValueError(
            f"{op}: axis {axis!r} is out of bounds for a tensor of {ndim} dimensions."
        )
    return axis % ndim if ndim else 0


def split_points(length, indices_or_sections, uneven=False, op="split"):
    """The (start, stop) of each piece of an axis of `length` (None: unknown).

    Args:
        length: The length of the axis split, or None when unknown.
        indices_or_sections: An int (number of pieces) or split indices.
        uneven: Whether an int may leave pieces of unequal lengths
            (`array_split`).
        op: The op's name, for error messages.
    """
    if isinstance(indices_or_sections, int) and not isinstance(
        indices_or_sections, bool
    ):
        sections = indices_or_sections
        if sections <= 0:
            raise ValueError(
                f"{op}: the number of sections must be positive. "
                f"Received: indices_or_sections={sections}."
            )
        if length is None:
            return [(None, None)] * sections
        if not uneven and length % sections:
            raise ValueError(
                f"{op}: an axis of length {length} does not split into "
                f"{sections} equal sections; use `array_split` for unequal ones."
            )
        quotient, remainder = divmod(length, sections)
        sizes = [quotient + 1] * remainder + [quotient] * (sections - remainder)
        bounds = [0]
        for piece in sizes:
            bounds.append(bounds[-1] + piece)
        return list(itertools.pairwise(bounds))
    try:
        indices = [int(i) for i in indices_or_sections]
    except TypeError:
        raise ValueError(
            f"{op}: indices_or_sections must be an int or a sequence of ints. "
            f"Received: {indices_or_sections!r}."
        ) from None
    if length is None:
        # Only pieces between non-negative indices have a known length.
        bounds = [0, *(i if i >= 0 else None for i in indices), None]
        return [
            (a, max(a, b)) if None not in (a, b) else (None, None)
            for a, b in itertools.pairwise(bounds)
        ]
    clipped = [min(max(i + length if i < 0 else i, 0), length) for i in indices]
    # NumPy gives empty pieces where indices go backwards.
    return [(a, max(a, b)) for a, b in itertools.pairwise([0, *clipped, length])]


def pad_widths(pad_width, ndim, op="pad"):
    """`pad_width` as one (before, after) pair of ints per axis.

    Takes what `numpy.pad` takes: `pad`, `(pad,)`, `(before, after)`,
    `((before, after),)` or one pair per axis.
    """
    try:
        if isinstance(pad_width, int):
            rows = [(pad_width, pad_width)]
        elif all(isinstance(v, int) for v in pad_width):
            rows = [tuple(pad_width) * (2 if len(pad_width) == 1 else 1)]
        else:
            rows = [
                (int(row), int(row)) if isinstance(row, int) else tuple(map(int, row))
                for row in pad_width
            ]
            rows = [row * 2 if len(row) == 1 else row for row in rows]
    except (TypeError, ValueError):
        rows = []
    if len(rows) == 1:
        rows = rows * ndim
    if len(rows) != ndim or any(len(r) != 2 or min(r) < 0 for r in rows):
        raise ValueError(
            f"{op}: pad_width must be an int, (before, after) or one "
            f"(before, after) pair of non-negative ints per axis of x "
            f"({ndim} axes). Received: pad_width={pad_width!r}."
        )
    return rows


def split_bounds(shape, indices_or_sections, axis, uneven, op):
    """The split axis (non-negative) and its pieces' (start, stop) bounds.

    Args:
        shape: The static shape of the tensor split.
        indices_or_sections: As in `split_points`.
        axis: The axis to split along, possibly negative.
        uneven: Whether an int may leave pieces of unequal lengths.
        op: The op's name, for error messages.
    """
    ndim = len(shape)
    if ndim == 0:
        raise ValueError(f"{op}: cannot split a 0-d tensor.")
    axis = normalize_axis(axis, ndim, op)
    return axis, split_points(shape[axis], indices_or_sections, uneven, op)


def fixed_split_axis(op, ndim):
    """The axis `hsplit`, `vsplit` or `dsplit` splits a `ndim`-D tensor on.

    `hsplit` takes axis 1 (axis 0 of a 1-D tensor); `vsplit` needs 2+
    dimensions and takes axis 0; `dsplit` needs 3+ and takes axis 2.
    """
    if op == "hsplit":
        return 1 if ndim > 1 else 0
    min_ndim, axis = {"vsplit": (2, 0), "dsplit": (3, 2)}[op]
    if ndim < min_ndim:
        raise ValueError(f"{op}: needs a tensor of at least {min_ndim} dimensions.")
    return axis
