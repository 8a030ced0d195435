"""Argument checks and window arithmetic shared by the nn convolution family.

Every backend's `conv`, `max_pool`, `unfold`... reads its arguments through
these functions, so they accept the same values, compute the same output
shapes and paddings (TensorFlow's "same": the extra padding goes after),
and fail with the same messages.
"""

import math

import numpy as np

from keras_core._src.backend.common.config import image_data_format


def data_format_of(op, data_format):
    """`data_format`, or the configured image data format when None.

    >>> data_format_of("conv", None)
    'channels_last'
    """
    if data_format is None:
        return image_data_format()
    if data_format not in ("channels_last", "channels_first"):
        raise ValueError(
            f"`{op}`: `data_format` must be 'channels_last' or 'channels_first'. "
            f"Received: data_format={data_format!r}"
        )
    return data_format


def padding_mode(op, padding):
    """`padding` lower-cased, checked to be "valid" or "same"."""
    mode = padding.lower() if isinstance(padding, str) else padding
    if mode not in ("valid", "same"):
        raise ValueError(
            f"`{op}`: `padding` must be 'valid' or 'same'. "
            f"Received: padding={padding!r}"
        )
    return mode


def as_tuple(op, name, value, rank, minimum=1):
    """`value` (an int or a sequence of `rank` ints) as a tuple of `rank` ints.

    >>> as_tuple("conv", "strides", 2, 3)
    (2, 2, 2)
    """
    values = (value,) * rank if isinstance(value, (int, np.integer)) else value
    try:
        values = tuple(int(v) for v in values)
    except TypeError:
        values = None
    if values is None or len(values) != rank or any(v < minimum for v in values):
        raise ValueError(
            f"`{op}`: `{name}` must be an int or a tuple of {rank} ints, each at "
            f"least {minimum}. Received: {name}={value!r}"
        )
    return values


def check_rank(op, name, shape, ranks):
    """Raises unless `len(shape)` is one of `ranks`."""
    if len(shape) not in ranks:
        expected = " or ".join(str(r) for r in ranks)
        raise ValueError(
            f"`{op}`: `{name}` must have rank {expected}. "
            f"Received: {name}.shape={tuple(shape)}"
        )


def split_channels(shape, data_format):
    """(spatial sizes, channel count) of an input shape."""
    if data_format == "channels_last":
        return tuple(shape[1:-1]), shape[-1]
    return tuple(shape[2:]), shape[1]


def window_output(op, sizes, windows, strides, dilations, mode):
    """Output sizes and (before, after) paddings of a sliding window.

    "same" pads so that the output has ceil(size / stride) positions, the
    odd padding element after (as TensorFlow does).
    """
    outputs, pads = [], []
    for size, window, stride, dilation in zip(
        sizes, windows, strides, dilations, strict=True
    ):
        extent = (window - 1) * dilation + 1
        if size is None:
            outputs.append(None)
            pads.append((0, 0))
            continue
        if mode == "same":
            out = -(-size // stride)
            total = max((out - 1) * stride + extent - size, 0)
            pads.append((total // 2, total - total // 2))
        else:
            out = (size - extent) // stride + 1 if size >= extent else 0
            pads.append((0, 0))
        if out <= 0:
            raise ValueError(
                f"`{op}`: the window (size {tuple(windows)}, dilation "
                f"{tuple(dilations)}) is larger than the input (spatial size "
                f"{tuple(sizes)}) with padding='valid': the output is empty."
            )
        outputs.append(out)
    return tuple(outputs), pads


class ConvGeometry:
    """The checked arguments of a convolution or pooling call.

    Attributes:
        data_format, mode: Checked `data_format` and `padding`.
        spatial: Input spatial sizes. channels: Input channel count.
        window, strides, dilation: Per spatial axis.
        output: Output spatial sizes. pads: (before, after) per axis.
    """

    def __init__(self, op, spatial, channels, window, strides, dilation, mode, df):
        self.data_format = df
        self.mode = mode
        self.spatial = spatial
        self.channels = channels
        self.window = window
        self.strides = strides
        self.dilation = dilation
        self.output, self.pads = window_output(
            op, spatial, window, strides, dilation, mode
        )


def conv_geometry(
    op, input_shape, kernel_shape, strides, padding, data_format, dilation_rate
):
    """Checks a `conv`-like call; kernel is (spatial..., in, out)."""
    df = data_format_of(op, data_format)
    mode = padding_mode(op, padding)
    check_rank(op, "inputs", input_shape, (3, 4, 5))
    rank = len(input_shape) - 2
    if len(kernel_shape) != rank + 2:
        raise ValueError(
            f"`{op}`: the kernel must have rank {rank + 2} for inputs of rank "
            f"{rank + 2}. Received: inputs.shape={tuple(input_shape)}, "
            f"kernel.shape={tuple(kernel_shape)}"
        )
    spatial, channels = split_channels(input_shape, df)
    geometry = ConvGeometry(
        op,
        spatial,
        channels,
        tuple(kernel_shape[:rank]),
        as_tuple(op, "strides", strides, rank),
        as_tuple(op, "dilation_rate", dilation_rate, rank),
        mode,
        df,
    )
    return geometry


def check_groups(op, channels, kernel_in, kernel_out):
    """The number of channel groups of `conv` (input channels / kernel's)."""
    if channels is None:
        return 1
    if kernel_in <= 0 or channels % kernel_in or kernel_out % (channels // kernel_in):
        raise ValueError(
            f"`{op}`: the input channels ({channels}) must be a multiple of the "
            f"kernel's input channels ({kernel_in}), and the kernel's output "
            f"channels ({kernel_out}) a multiple of their ratio."
        )
    return channels // kernel_in


def pool_geometry(op, input_shape, pool_size, strides, padding, data_format):
    """Checks a pooling call; strides default to the pool size."""
    df = data_format_of(op, data_format)
    mode = padding_mode(op, padding)
    check_rank(op, "inputs", input_shape, (3, 4, 5))
    rank = len(input_shape) - 2
    spatial, channels = split_channels(input_shape, df)
    window = as_tuple(op, "pool_size", pool_size, rank)
    strides = window if strides is None else as_tuple(op, "strides", strides, rank)
    return ConvGeometry(op, spatial, channels, window, strides, (1,) * rank, mode, df)


def transpose_geometry(
    op, input_shape, kernel_shape, strides, padding, output_padding, data_format, dil
):
    """Checks a `conv_transpose` call; kernel is (spatial..., out, in).

    Returns (geometry, output sizes, crops): the transposed convolution
    first scatters every input position over a full output of
    `(size - 1) * stride + extent` positions; the result is that full
    output from `crop` on, `output` positions long (zeros past its end).
    """
    df = data_format_of(op, data_format)
    mode = padding_mode(op, padding)
    check_rank(op, "inputs", input_shape, (3, 4, 5))
    rank = len(input_shape) - 2
    if len(kernel_shape) != rank + 2:
        raise ValueError(
            f"`{op}`: the kernel must have rank {rank + 2} for inputs of rank "
            f"{rank + 2}. Received: inputs.shape={tuple(input_shape)}, "
            f"kernel.shape={tuple(kernel_shape)}"
        )
    spatial, channels = split_channels(input_shape, df)
    if channels is not None and channels != kernel_shape[-1]:
        raise ValueError(
            f"`{op}`: the input channels ({channels}) must equal the kernel's "
            f"last dimension. Received: kernel.shape={tuple(kernel_shape)}"
        )
    strides = as_tuple(op, "strides", strides, rank)
    dilation = as_tuple(op, "dilation_rate", dil, rank)
    if output_padding is not None:
        output_padding = as_tuple(op, "output_padding", output_padding, rank, 0)
    outputs, crops = [], []
    for axis in range(rank):
        size, stride = spatial[axis], strides[axis]
        extent = (kernel_shape[axis] - 1) * dilation[axis] + 1
        if size is None:
            outputs.append(None)
            crops.append(0)
            continue
        full = (size - 1) * stride + extent
        if output_padding is None:
            if mode == "same":
                out = size * stride
            else:
                out = size * stride + max(extent - stride, 0)
        else:
            pad = extent // 2 if mode == "same" else 0
            out = (size - 1) * stride + extent - 2 * pad + output_padding[axis]
        if out <= 0:
            raise ValueError(f"`{op}`: the output would be empty.")
        outputs.append(out)
        crops.append(max(full - out, 0) // 2 if mode == "same" else 0)
    geometry = ConvGeometry.__new__(ConvGeometry)
    geometry.data_format, geometry.mode = df, mode
    geometry.spatial, geometry.channels = spatial, channels
    geometry.window = tuple(kernel_shape[:rank])
    geometry.strides, geometry.dilation = strides, dilation
    return geometry, tuple(outputs), tuple(crops)


def adaptive_bins(op, size, output_size):
    """PyTorch's adaptive pooling bins: [floor(i*n/o), ceil((i+1)*n/o))."""
    if output_size < 1:
        raise ValueError(
            f"`{op}`: `output_size` entries must be positive. Received: {output_size}"
        )
    return [
        ((i * size) // output_size, -(-((i + 1) * size) // output_size))
        for i in range(output_size)
    ]


def adaptive_geometry(op, input_shape, output_size, data_format):
    """(data format, spatial sizes, output sizes) of an adaptive pooling call."""
    df = data_format_of(op, data_format)
    check_rank(op, "inputs", input_shape, (3, 4, 5))
    rank = len(input_shape) - 2
    spatial, _ = split_channels(input_shape, df)
    if any(s is None for s in spatial):
        raise ValueError(f"`{op}`: the spatial sizes must be known. Got {spatial}")
    return df, spatial, as_tuple(op, "output_size", output_size, rank)


def patch_indices(op, shape, kernel_size, dilation, padding, stride):
    """Flat positions in the zero-padded image of each patch element.

    For `unfold`/`fold` on (N, C, H, W) images: returns (indices of shape
    (kh * kw, L) into the padded (H + 2ph) * (W + 2pw) image, padded
    (H, W), pads). Patches are ordered row-major, like PyTorch's.
    """
    kernel = as_tuple(op, "kernel_size", kernel_size, 2)
    dilation = as_tuple(op, "dilation", dilation, 2)
    pads = as_tuple(op, "padding", padding, 2, 0)
    stride = as_tuple(op, "stride", stride, 2)
    padded = tuple(s + 2 * p for s, p in zip(shape, pads, strict=True))
    counts, _ = window_output(op, padded, kernel, stride, dilation, "valid")
    rows = (
        np.arange(kernel[0])[:, None, None, None] * dilation[0]
        + np.arange(counts[0])[None, None, :, None] * stride[0]
    )
    cols = (
        np.arange(kernel[1])[None, :, None, None] * dilation[1]
        + np.arange(counts[1])[None, None, None, :] * stride[1]
    )
    flat = rows * padded[1] + cols
    return flat.reshape(kernel[0] * kernel[1], math.prod(counts)), padded, pads


def block_size_of(op, x_shape, block_size, data_format):
    """Checks a `depth_to_space`/`space_to_depth` call.

    Returns (block size, data format); None is the configured format.
    """
    check_rank(op, "x", x_shape, (4,))
    data_format = data_format_of(op, data_format)
    block = as_tuple(op, "block_size", block_size, 1, 2)[0]
    if op == "depth_to_space":
        check_depth_to_space(x_shape, block, data_format)
    else:
        check_space_to_depth(x_shape, block, data_format)
    return block, data_format


def check_depth_to_space(shape, block, data_format):
    channels = shape[-1] if data_format == "channels_last" else shape[1]
    if channels is not None and channels % (block * block):
        raise ValueError(
            f"`depth_to_space`: the channels ({channels}) must be a multiple of "
            f"block_size**2 ({block * block}). Received: x.shape={tuple(shape)}"
        )


def check_space_to_depth(shape, block, data_format):
    spatial = shape[1:3] if data_format == "channels_last" else shape[2:]
    if any(s is not None and s % block for s in spatial):
        raise ValueError(
            f"`space_to_depth`: the height and width ({tuple(spatial)}) must be "
            f"multiples of block_size ({block}). Received: x.shape={tuple(shape)}"
        )


def check_depthwise(op, input_shape, kernel_shape, data_format):
    """Checks a depthwise kernel: (spatial..., input channels, multiplier)."""
    df = data_format_of(op, data_format)
    check_rank(op, "inputs", input_shape, (3, 4, 5))
    _, channels = split_channels(input_shape, df)
    if len(kernel_shape) != len(input_shape) or kernel_shape[-2] != channels:
        raise ValueError(
            f"`{op}`: the depthwise kernel must have shape (spatial..., "
            f"{channels}, multiplier) for inputs of shape {tuple(input_shape)}. "
            f"Received: kernel.shape={tuple(kernel_shape)}"
        )
    return (*kernel_shape[:-2], 1, kernel_shape[-2] * kernel_shape[-1])


def check_fold(x_shape, indices_shape):
    """Checks that `fold`'s input is (N, C * kh * kw, L) for its arguments."""
    taps, count = indices_shape
    if x_shape[1] % taps or x_shape[2] != count:
        raise ValueError(
            f"`fold`: x must have shape (N, C * {taps}, {count}) for these "
            f"arguments. Received: x.shape={tuple(x_shape)}"
        )


def window_counts(geometry):
    """How many real (unpadded) elements each pooling window holds.

    A float64 NumPy array of the output's spatial shape: "same" windows at
    the borders overlap the padding, which `average_pool` leaves out of the
    average. It is static (it depends on shapes only), so backends hold it
    as a constant.

    >>> g = pool_geometry("average_pool", (1, 5, 1), 2, 2, "same", None)
    >>> window_counts(g)
    array([2., 2., 1.])
    """
    counts = np.ones((), np.float64)
    for size, out, window, stride, (before, _) in zip(
        geometry.spatial,
        geometry.output,
        geometry.window,
        geometry.strides,
        geometry.pads,
        strict=True,
    ):
        starts = np.arange(out) * stride - before
        axis = np.minimum(starts + window, size) - np.maximum(starts, 0)
        counts = np.multiply.outer(counts, axis.astype(np.float64))
    return counts
