"""Argument checks and output-size arithmetic shared by the convolution layers.

Each check names the layer class and the argument, echoes what it received
and says what it expects, so a typo in a model definition fails at
construction rather than deep inside a backend convolution.
"""

import math

from keras_core._src.backend.common import config as backend_config


def check_positive_int(layer_name, argument, value):
    """Returns `value` when it is a positive integer, else raises ValueError."""
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ValueError(
            f"{layer_name}: invalid value for argument `{argument}`. Expected a "
            f"strictly positive integer. Received {argument}={value!r}"
        )
    return value


def standardize_tuple(layer_name, argument, value, rank, allow_zero=False):
    """Turns an int or a sequence of `rank` ints into a tuple of ints.

    Args:
        layer_name: The layer class, for the message.
        argument: The argument's name, for the message.
        value: An int (used for every axis) or a list/tuple of `rank` ints.
        rank: The number of spatial axes.
        allow_zero: Whether 0 is accepted (`output_padding`); otherwise
            every value must be positive.

    Returns:
        A tuple of `rank` ints.
    """
    values = (value,) * rank if isinstance(value, int) else value
    condition = ">= 0" if allow_zero else "> 0"
    expected = (
        f"{layer_name}: the `{argument}` argument must be an integer or a tuple "
        f"of {rank} integers, each {condition}. Received {argument}={value!r}"
    )
    if not isinstance(values, (tuple, list)) or len(values) != rank:
        raise ValueError(expected)
    if any(isinstance(v, bool) or not isinstance(v, int) for v in values):
        raise ValueError(expected)
    lowest = 0 if allow_zero else 1
    if any(v < lowest for v in values):
        raise ValueError(expected)
    return tuple(values)


def standardize_padding(layer_name, padding, allowed):
    """Returns `padding` lower-cased, when it is one of `allowed`."""
    value = padding.lower() if isinstance(padding, str) else padding
    if value not in allowed:
        raise ValueError(
            f"{layer_name}: the `padding` argument must be one of "
            f"{sorted(allowed)}. Received: padding={padding!r}"
        )
    return value


def standardize_data_format(layer_name, data_format):
    """Returns the data format, the global image data format when None."""
    if data_format is None:
        return backend_config.image_data_format()
    value = data_format.lower() if isinstance(data_format, str) else data_format
    if value not in ("channels_first", "channels_last"):
        raise ValueError(
            f"{layer_name}: the `data_format` argument must be one of "
            "'channels_first' or 'channels_last'. Received: "
            f"data_format={data_format!r}"
        )
    return value


def check_strides_with_dilation(layer_name, strides, dilation_rate):
    """Refuses `strides > 1` together with `dilation_rate > 1` (as Keras)."""
    if max(strides) > 1 and max(dilation_rate) > 1:
        raise ValueError(
            f"{layer_name}: `strides > 1` not supported in conjunction with "
            f"`dilation_rate > 1`. Received: strides={strides} and "
            f"dilation_rate={dilation_rate}. Set one of them to 1."
        )


def conv_output_length(length, kernel_size, stride, padding, dilation):
    """The length of one spatial axis after a convolution (None stays None)."""
    if length is None:
        return None
    if padding in ("same", "causal"):
        return math.ceil(length / stride)
    effective = (kernel_size - 1) * dilation + 1
    return (length - effective) // stride + 1


def transpose_output_length(
    length, kernel_size, stride, padding, output_padding, dilation
):
    """The length of one spatial axis after a transposed convolution."""
    if length is None:
        return None
    effective = (kernel_size - 1) * dilation + 1
    if output_padding is None:
        if padding == "valid":
            return length * stride + max(effective - stride, 0)
        return length * stride
    pad = effective // 2 if padding == "same" else 0
    return (length - 1) * stride + effective - 2 * pad + output_padding
