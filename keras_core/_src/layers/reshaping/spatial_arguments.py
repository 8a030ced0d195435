"""Checks shared by the spatial layers (pooling, cropping, padding, ...).

Each function standardizes one constructor argument and raises an error
naming the layer, the argument, what was received and what is expected.
"""

from keras_core._src.backend.common.config import image_data_format

_ORDINALS = ("1st", "2nd", "3rd")


def _is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def standardize_data_format(data_format, layer_name):
    """Returns `data_format` lowercased, or the global default when None."""
    if data_format is None:
        return image_data_format()
    value = str(data_format).lower()
    if value not in ("channels_first", "channels_last"):
        raise ValueError(
            f"Layer {layer_name}: the `data_format` argument must be one of "
            "{'channels_first', 'channels_last'}. Received: "
            f"data_format={data_format!r}"
        )
    return value


def int_tuple(value, rank, argument, layer_name, minimum=1):
    """An int (repeated `rank` times) or `rank` ints, each >= `minimum`.

    Args:
        value: The argument as given.
        rank: The number of spatial axes.
        argument: The argument's name, for errors.
        layer_name: The layer class's name, for errors.
        minimum: The smallest value allowed.

    Returns:
        A tuple of `rank` ints.
    """
    if _is_int(value):
        values = (value,) * rank
    elif (
        isinstance(value, (list, tuple))
        and len(value) == rank
        and all(_is_int(item) for item in value)
    ):
        values = tuple(value)
    else:
        raise ValueError(
            f"Layer {layer_name}: the `{argument}` argument must be an integer "
            f"or a tuple of {rank} integers. Received: {argument}={value!r}"
        )
    if any(item < minimum for item in values):
        raise ValueError(
            f"Layer {layer_name}: every value of `{argument}` must be >= "
            f"{minimum}. Received: {argument}={value!r}"
        )
    return values


def pair_tuples(value, rank, argument, layer_name):
    """Per-axis `(before, after)` amounts, for cropping and padding.

    Accepts an int (the same amount everywhere), `rank` ints (symmetric per
    axis), or `rank` entries that are each an int or a pair of ints.

    Args:
        value: The argument as given.
        rank: The number of spatial axes.
        argument: The argument's name, for errors.
        layer_name: The layer class's name, for errors.

    Returns:
        A tuple of `rank` pairs of non-negative ints.
    """
    if _is_int(value):
        pairs = ((value, value),) * rank
    elif isinstance(value, (list, tuple)) and len(value) == rank:
        pairs = []
        for index, entry in enumerate(value):
            if _is_int(entry):
                pairs.append((entry, entry))
            elif (
                isinstance(entry, (list, tuple))
                and len(entry) == 2
                and all(_is_int(item) for item in entry)
            ):
                pairs.append(tuple(entry))
            else:
                raise ValueError(
                    f"Layer {layer_name}: the {_ORDINALS[index]} entry of "
                    f"`{argument}` must be an integer or a pair of integers. "
                    f"Received: {argument}={value!r}"
                )
        pairs = tuple(pairs)
    else:
        raise ValueError(
            f"Layer {layer_name}: the `{argument}` argument must be an integer, "
            f"a tuple of {rank} integers or a tuple of {rank} pairs of "
            f"integers. Received: {argument}={value!r}"
        )
    if any(item < 0 for pair in pairs for item in pair):
        raise ValueError(
            f"Layer {layer_name}: `{argument}` cannot be negative. Received: "
            f"{argument}={value!r}"
        )
    return pairs


def spatial_axes(rank, data_format):
    """The indices of the spatial axes of a `rank`-D input with batch axis."""
    first = 2 if data_format == "channels_first" else 1
    return tuple(range(first, first + rank))
