"""Static plans shared by every backend's core_ops table: pure Python.

The backends compute `rearrange` and `saturate_cast` with their own tensor
functions, but the bookkeeping (parsing an einops pattern, finding the
clipping bounds of a cast) depends only on Python values, so it lives here
once. It needs no framework, so both the frontend (`ops.core.einops`) and
every backend's core_ops table import it at module level.
"""

import ml_dtypes
import numpy as np


def _parse_side(side, op_name, pattern):
    """Splits one side of a pattern into groups: lists of axis names."""
    groups = []
    current = None
    for token in side.replace("(", " ( ").replace(")", " ) ").split():
        if token == "(":
            if current is not None:
                raise ValueError(
                    f"`{op_name}` got nested parentheses in pattern {pattern!r}; "
                    "expected groups like '(h w)' only one level deep."
                )
            current = []
        elif token == ")":
            if current is None:
                raise ValueError(
                    f"`{op_name}` got an unmatched ')' in pattern {pattern!r}."
                )
            groups.append(current)
            current = None
        elif current is not None:
            current.append(token)
        else:
            groups.append([token])
    if current is not None:
        raise ValueError(f"`{op_name}` got an unmatched '(' in pattern {pattern!r}.")
    return groups


def rearrange_plan(shape, pattern, axes_lengths):
    """Turns an einops `rearrange` pattern into reshape/transpose/reshape.

    Args:
        shape: The input's shape (ints, or None where unknown).
        pattern: `"inputs -> outputs"`, e.g. `"b (h w) c -> b h w c"`.
        axes_lengths: Sizes of axes the shape alone cannot give.

    Returns:
        `(split_shape, permutation, output_shape)`: reshape the input to
        `split_shape` (one entry per elementary axis), transpose by
        `permutation`, reshape to `output_shape`. Unknown sizes are None.
    """
    if not isinstance(pattern, str) or pattern.count("->") != 1:
        raise ValueError(
            f"`rearrange` expects a pattern 'inputs -> outputs', such as "
            f"'b h w c -> b (h w) c'. Received: pattern={pattern!r}"
        )
    left, right = pattern.split("->")
    inputs = _parse_side(left, "rearrange", pattern)
    outputs = _parse_side(right, "rearrange", pattern)
    names_in = [name for group in inputs for name in group]
    names_out = [name for group in outputs for name in group]
    for names, where in ((names_in, "input"), (names_out, "output")):
        if len(set(names)) != len(names):
            raise ValueError(
                f"`rearrange` got a repeated axis name on the {where} side of "
                f"pattern {pattern!r}; each axis may appear once per side."
            )
    if set(names_in) != set(names_out):
        raise ValueError(
            f"`rearrange` needs the same axis names on both sides of pattern "
            f"{pattern!r}. Only on one side: "
            f"{sorted(set(names_in) ^ set(names_out))}"
        )
    unknown_lengths = set(axes_lengths) - set(names_in)
    if unknown_lengths:
        raise ValueError(
            f"`rearrange` got lengths for axes {sorted(unknown_lengths)} that "
            f"pattern {pattern!r} does not name."
        )
    if len(inputs) != len(shape):
        raise ValueError(
            f"`rearrange` pattern {pattern!r} describes {len(inputs)} input "
            f"axes, but the input has shape {tuple(shape)} ({len(shape)} axes)."
        )
    sizes = dict(axes_lengths)
    for group, dim in zip(inputs, shape, strict=True):
        missing = [name for name in group if name not in sizes]
        known = 1
        for name in group:
            if name in sizes:
                known *= sizes[name]
        if len(missing) > 1:
            raise ValueError(
                f"`rearrange` cannot split an axis of size {dim} into "
                f"{group}: give the lengths of all but one of {missing}."
            )
        if missing:
            if dim is None:
                sizes[missing[0]] = None
            elif dim % known:
                raise ValueError(
                    f"`rearrange` cannot split an axis of size {dim} into "
                    f"{group} with lengths {axes_lengths}."
                )
            else:
                sizes[missing[0]] = dim // known
        elif dim is not None and known != dim:
            raise ValueError(
                f"`rearrange`: axis {group} of pattern {pattern!r} has size "
                f"{dim}, but the given lengths multiply to {known}."
            )
    split_shape = [sizes[name] for name in names_in]
    permutation = [names_in.index(name) for name in names_out]
    output_shape = []
    for group in outputs:
        size = 1
        for name in group:
            size = None if size is None or sizes[name] is None else size * sizes[name]
        output_shape.append(size)
    return split_shape, permutation, output_shape


def _info(dtype):
    if np.issubdtype(_numpy_dtype(dtype), np.integer):
        return ml_dtypes.iinfo(_numpy_dtype(dtype))
    return ml_dtypes.finfo(_numpy_dtype(dtype))


def _numpy_dtype(dtype):
    if dtype in ("bfloat16", "float8_e4m3fn", "float8_e5m2"):
        return np.dtype(getattr(ml_dtypes, dtype))
    return np.dtype(dtype)


def _is_int(dtype):
    return np.issubdtype(_numpy_dtype(dtype), np.integer)


def saturate_bounds(source, target):
    """The clipping bounds that make a cast from `source` to `target` safe.

    Args:
        source, target: Standardized dtype names.

    Returns:
        `(low, high)`, Python numbers exactly representable in `source`
        whose conversion to `target` stays in range, or None when no value
        of `source` can overflow `target` (or either is bool).
    """
    if source == "bool" or target == "bool":
        return None
    source_info, target_info = _info(source), _info(target)
    low = max(float(source_info.min), float(target_info.min))
    high = min(float(source_info.max), float(target_info.max))
    if low == float(source_info.min) and high == float(source_info.max):
        return None
    if _is_int(source):
        return int(np.ceil(low)), int(np.floor(high))
    # A float source: the bound must round to a value still in range (float32
    # holds 2**31 - 1 as 2**31, which overflows int32).
    dtype = _numpy_dtype(source)
    eps = float(source_info.eps)
    high_value = np.asarray(high, dtype=np.float64).astype(dtype)
    while float(high_value) > high:
        high_value = np.asarray(float(high_value) * (1 - eps)).astype(dtype)
    low_value = np.asarray(low, dtype=np.float64).astype(dtype)
    while float(low_value) < low:
        low_value = np.asarray(float(low_value) * (1 - eps)).astype(dtype)
    return float(low_value), float(high_value)
