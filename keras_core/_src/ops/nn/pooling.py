"""Pooling: max_pool, average_pool and their adaptive variants.

Inputs are (batch, spatial..., channels) or (batch, channels, spatial...)
with 1, 2 or 3 spatial axes. "same" padding pads as TensorFlow does (the
odd element after); `average_pool` leaves padding out of each average.
Adaptive pools split each axis into `output_size` bins
[floor(i * n / o), ceil((i + 1) * n / o)), as PyTorch does.
"""

from keras_core._src.backend.common.dtypes import result_type
from keras_core._src.ops.dtype_rules import promote
from keras_core._src.ops.op_definition import backend_op

__all__ = [
    "adaptive_average_pool",
    "adaptive_max_pool",
    "average_pool",
    "max_pool",
]


def _average_rule(dtype):
    """Averages are floats: integers become floatx; booleans are refused.

    As in Keras 3.15, where booleans have no window sum.
    """
    if result_type(dtype) == "bool":
        raise TypeError("boolean inputs cannot be averaged; cast them to a number.")
    dtype = result_type(dtype, float)
    return dtype, dtype


# Max pools select elements: `promote` of one dtype keeps it.
@backend_op("nn", promote)
def max_pool(inputs, pool_size, strides=None, padding="valid", data_format=None):
    """Max pooling over sliding windows.

    Args:
        inputs: Tensor of rank 3, 4 or 5: (batch, spatial..., channels) or
            (batch, channels, spatial...).
        pool_size: Int or tuple of ints, the window size per spatial axis.
        strides: Int or tuple of ints; None is `pool_size`.
        padding: "valid" or "same" ("same" pads as TensorFlow does, the odd
            element after; padding never wins the max).
        data_format: "channels_last", "channels_first" or None (the
            configured image data format).

    Returns:
        The pooled tensor, in the input's dtype.

    >>> x = keras_core.ops.reshape(keras_core.ops.arange(4.0), (1, 4, 1))
    >>> keras_core.ops.max_pool(x, 2)[0, :, 0]
    array([1., 3.], dtype=float32)
    """


@backend_op("nn", _average_rule)
def average_pool(inputs, pool_size, strides=None, padding="valid", data_format=None):
    """Average pooling over sliding windows.

    Args:
        inputs: Tensor of rank 3, 4 or 5: (batch, spatial..., channels) or
            (batch, channels, spatial...).
        pool_size: Int or tuple of ints, the window size per spatial axis.
        strides: Int or tuple of ints; None is `pool_size`.
        padding: "valid" or "same" (padded positions are left out of the
            averages).
        data_format: "channels_last", "channels_first" or None (the
            configured image data format).

    Returns:
        The pooled tensor: floats (integers are averaged in floatx).

    >>> x = keras_core.ops.reshape(keras_core.ops.arange(4.0), (1, 4, 1))
    >>> keras_core.ops.average_pool(x, 2)[0, :, 0]
    array([0.5, 2.5], dtype=float32)
    """


@backend_op("nn", _average_rule)
def adaptive_average_pool(inputs, output_size, data_format=None):
    """Average pooling to a fixed output size, whatever the input size.

    Output position i of an axis of n positions averages the inputs
    [floor(i * n / o), ceil((i + 1) * n / o)) for o = its output size.

    Args:
        inputs: Tensor of rank 3, 4 or 5: (batch, spatial..., channels) or
            (batch, channels, spatial...).
        output_size: Int or tuple of ints, the output spatial sizes.
        data_format: "channels_last", "channels_first" or None (the
            configured image data format).

    Returns:
        Tensor with spatial sizes `output_size`: floats (integers are
        averaged in floatx).

    >>> x = keras_core.ops.reshape(keras_core.ops.arange(6.0), (1, 6, 1))
    >>> keras_core.ops.adaptive_average_pool(x, 2)[0, :, 0]
    array([1., 4.], dtype=float32)
    """


@backend_op("nn", promote)
def adaptive_max_pool(inputs, output_size, data_format=None):
    """Max pooling to a fixed output size, whatever the input size.

    Output position i of an axis of n positions is the maximum of the inputs
    [floor(i * n / o), ceil((i + 1) * n / o)) for o = its output size.

    Args:
        inputs: Tensor of rank 3, 4 or 5: (batch, spatial..., channels) or
            (batch, channels, spatial...).
        output_size: Int or tuple of ints, the output spatial sizes.
        data_format: "channels_last", "channels_first" or None (the
            configured image data format).

    Returns:
        Tensor with spatial sizes `output_size`, in the input's dtype.

    >>> x = keras_core.ops.reshape(keras_core.ops.arange(6.0), (1, 6, 1))
    >>> keras_core.ops.adaptive_max_pool(x, 2)[0, :, 0]
    array([2., 5.], dtype=float32)
    """
