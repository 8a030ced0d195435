"""Direct NumPy convolutions (loops over kernel taps), the tests' reference.

Everything works in channels-last layout with explicit per-axis strides and
dilations; callers transpose channels-first data themselves. None of this
uses `keras_core.ops`, so a bug in the ops under test cannot hide here.
"""

import itertools
import math

import numpy as np


def same_padding(length, kernel, stride, dilation):
    """(left, right) padding of TF-style "same" for one spatial axis."""
    effective = (kernel - 1) * dilation + 1
    out = math.ceil(length / stride)
    total = max((out - 1) * stride + effective - length, 0)
    return total // 2, total - total // 2


def conv(x, kernel, strides, padding, dilation, groups=1):
    """`x`: (batch, *spatial, in), `kernel`: (*k, in // groups, out)."""
    rank = x.ndim - 2
    if padding == "causal":
        left = (kernel.shape[0] - 1) * dilation[0]
        x = np.pad(x, [(0, 0), (left, 0), (0, 0)])
        padding = "valid"
    if padding == "same":
        pads = [
            same_padding(x.shape[1 + i], kernel.shape[i], strides[i], dilation[i])
            for i in range(rank)
        ]
        x = np.pad(x, [(0, 0), *pads, (0, 0)])
    spatial = x.shape[1:-1]
    out_shape = [
        (spatial[i] - (kernel.shape[i] - 1) * dilation[i] - 1) // strides[i] + 1
        for i in range(rank)
    ]
    in_per_group = kernel.shape[-2]
    out_per_group = kernel.shape[-1] // groups
    out = np.zeros((x.shape[0], *out_shape, kernel.shape[-1]), "float64")
    for tap in itertools.product(*(range(k) for k in kernel.shape[:rank])):
        window = tuple(
            slice(
                tap[i] * dilation[i],
                tap[i] * dilation[i] + (out_shape[i] - 1) * strides[i] + 1,
                strides[i],
            )
            for i in range(rank)
        )
        patch = x[(slice(None), *window, slice(None))]
        for g in range(groups):
            cin = slice(g * in_per_group, (g + 1) * in_per_group)
            cout = slice(g * out_per_group, (g + 1) * out_per_group)
            out[..., cout] += patch[..., cin] @ kernel[tap][:, cout]
    return out


def depthwise_conv(x, kernel, strides, padding, dilation):
    """`kernel`: (*k, in, multiplier); output channel `c * multiplier + m`."""
    channels, multiplier = kernel.shape[-2:]
    # A depthwise convolution is a grouped one with one input channel a group.
    grouped = kernel.reshape(*kernel.shape[:-2], 1, channels * multiplier)
    return conv(x, grouped, strides, padding, dilation, groups=channels)


def transpose_output_length(length, kernel, stride, padding, output_padding, dilation):
    """The output length of a transposed convolution (TF/Keras convention)."""
    effective = (kernel - 1) * dilation + 1
    if output_padding is None:
        if padding == "valid":
            return length * stride + max(effective - stride, 0)
        return length * stride
    pad = effective // 2 if padding == "same" else 0
    return (length - 1) * stride + effective - 2 * pad + output_padding


def conv_transpose(x, kernel, strides, padding, output_padding, dilation):
    """`kernel`: (*k, out, in); the adjoint of `conv` scattered tap by tap.

    The output is the gradient of a forward convolution whose output has
    `x`'s spatial shape: each input position `i` adds `x[i] * kernel[tap]`
    at `i * stride + tap * dilation - pad_left`.
    """
    rank = x.ndim - 2
    spatial = x.shape[1:-1]
    out_shape = [
        transpose_output_length(
            spatial[i],
            kernel.shape[i],
            strides[i],
            padding,
            None if output_padding is None else output_padding[i],
            dilation[i],
        )
        for i in range(rank)
    ]
    lefts = []
    for i in range(rank):
        effective = (kernel.shape[i] - 1) * dilation[i] + 1
        if padding == "valid":
            lefts.append(0)
        else:
            total = max((spatial[i] - 1) * strides[i] + effective - out_shape[i], 0)
            lefts.append(total // 2)
    full = [
        (spatial[i] - 1) * strides[i] + (kernel.shape[i] - 1) * dilation[i] + 1
        for i in range(rank)
    ]
    buffer_shape = [max(full[i], lefts[i] + out_shape[i]) for i in range(rank)]
    out = np.zeros((x.shape[0], *buffer_shape, kernel.shape[-2]), "float64")
    for tap in itertools.product(*(range(k) for k in kernel.shape[:rank])):
        window = tuple(
            slice(
                tap[i] * dilation[i],
                tap[i] * dilation[i] + (spatial[i] - 1) * strides[i] + 1,
                strides[i],
            )
            for i in range(rank)
        )
        out[(slice(None), *window, slice(None))] += x @ kernel[tap].T
    crop = tuple(slice(lefts[i], lefts[i] + out_shape[i]) for i in range(rank))
    return out[(slice(None), *crop, slice(None))]


def build_with_random_weights(layer, input_shape, seed=0):
    """Builds `layer` and sets every weight to standard-normal values.

    The layers under test are made with `"zeros"` initializers and filled
    here: on JAX each new weight shape compiles its random initializer,
    which would dominate these tests' run time.
    """
    layer.build(input_shape)
    rng = np.random.default_rng(seed)
    layer.set_weights(
        [rng.normal(size=w.shape).astype("float32") for w in layer.get_weights()]
    )
    return layer
