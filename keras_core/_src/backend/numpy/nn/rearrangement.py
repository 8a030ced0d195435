"""The numpy backend table: nn rearrangement ops.

See keras_core/_src/ops/nn/rearrangement.py for the declarations.
`unfold` gathers, and `fold` scatter-adds, the flat padded-image positions
of every patch element (`conv_arguments.patch_indices`).
"""

import numpy as np

from keras_core._src.backend.common import conv_arguments as args


def unfold(x, kernel_size, dilation=1, padding=0, stride=1):
    args.check_rank("unfold", "x", x.shape, (4,))
    n, c, h, w = x.shape
    indices, padded, pads = args.patch_indices(
        "unfold", (h, w), kernel_size, dilation, padding, stride
    )
    x = np.pad(x, [(0, 0), (0, 0), *[(p, p) for p in pads]])
    flat = x.reshape(n, c, padded[0] * padded[1])
    return flat[:, :, indices].reshape(n, c * indices.shape[0], indices.shape[1])


def fold(x, output_size, kernel_size, dilation=1, padding=0, stride=1):
    args.check_rank("fold", "x", x.shape, (3,))
    size = args.as_tuple("fold", "output_size", output_size, 2)
    indices, padded, pads = args.patch_indices(
        "fold", size, kernel_size, dilation, padding, stride
    )
    args.check_fold(x.shape, indices.shape)
    n, depth, _ = x.shape
    c = depth // indices.shape[0]
    accumulator = np.int32 if x.dtype == np.bool_ else x.dtype
    result = np.zeros((n, c, padded[0] * padded[1]), accumulator)
    np.add.at(
        result,
        (slice(None), slice(None), indices.reshape(-1)),
        x.reshape(n, c, -1).astype(accumulator),
    )
    result = result.reshape(n, c, *padded)
    result = result[:, :, pads[0] : pads[0] + size[0], pads[1] : pads[1] + size[1]]
    return result.astype(x.dtype)


def depth_to_space(x, block_size, data_format="channels_last"):
    b, data_format = args.block_size_of(
        "depth_to_space", x.shape, block_size, data_format
    )
    if data_format == "channels_last":
        n, h, w, c = x.shape
        y = x.reshape(n, h, w, b, b, c // (b * b)).transpose(0, 1, 3, 2, 4, 5)
        return y.reshape(n, h * b, w * b, c // (b * b))
    n, c, h, w = x.shape
    y = x.reshape(n, b, b, c // (b * b), h, w).transpose(0, 3, 4, 1, 5, 2)
    return y.reshape(n, c // (b * b), h * b, w * b)


def space_to_depth(x, block_size, data_format="channels_last"):
    b, data_format = args.block_size_of(
        "space_to_depth", x.shape, block_size, data_format
    )
    if data_format == "channels_last":
        n, h, w, c = x.shape
        y = x.reshape(n, h // b, b, w // b, b, c).transpose(0, 1, 3, 2, 4, 5)
        return y.reshape(n, h // b, w // b, c * b * b)
    n, c, h, w = x.shape
    y = x.reshape(n, c, h // b, b, w // b, b).transpose(0, 3, 5, 1, 2, 4)
    return y.reshape(n, c * b * b, h // b, w // b)
