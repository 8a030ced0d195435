"""Extracting patches from images and volumes (`extract_patches`,
`extract_patches_3d`).

Each patch is flattened into the channel axis in (rows, columns[, depth],
channels) order, as Keras gives it. The patches are gathered with one
strided slice per position inside the patch, so one composition of the
NumPy-API ops serves every backend (and is differentiable).
"""

import itertools

from keras_core._src.ops.image._common import check_choice
from keras_core._src.ops.image._common import data_format_of
from keras_core._src.ops.image._common import static_dims
from keras_core._src.ops.image._common import to_working_layout
from keras_core.ops import numpy as knp

__all__ = ["extract_patches", "extract_patches_3d"]


def _per_axis(value, n, name, op_name, allow_none=False):
    """`value` as a tuple of `n` positive ints (an int repeats)."""
    if value is None and allow_none:
        return None
    values = (value,) * n if isinstance(value, int) else tuple(value)
    if len(values) != n or any(not isinstance(v, int) or v < 1 for v in values):
        raise ValueError(
            f"`{op_name}`: `{name}` must be a positive int or a tuple of {n} "
            f"positive ints. Received: {name}={value}"
        )
    return values


def _patches(inputs, size, strides, dilation_rate, padding, data_format, op_name):
    """Patches of batched or unbatched inputs with `len(size)` spatial axes."""
    n = len(size)
    check_choice(op_name, "padding", padding, ("valid", "same"))
    data_format = data_format_of(data_format, op_name)
    inputs, (unbatched, _) = to_working_layout(
        inputs,
        data_format,
        op_name,
        ranks=(n + 1, n + 2),
        name="images" if n == 2 else "volumes",
    )
    spatial = static_dims(inputs, range(1, n + 1), op_name)
    strides = size if strides is None else strides
    extents = [(k - 1) * d + 1 for k, d in zip(size, dilation_rate, strict=True)]
    if padding == "same":
        # As in convolutions: out = ceil(in / stride), the extra padding
        # split with the smaller half first.
        outs = [-(-s // st) for s, st in zip(spatial, strides, strict=True)]
        pads = []
        for s, st, e, o in zip(spatial, strides, extents, outs, strict=True):
            total = max((o - 1) * st + e - s, 0)
            pads.append((total // 2, total - total // 2))
        inputs = knp.pad(inputs, [(0, 0), *pads, (0, 0)])
    else:
        outs = [
            (s - e) // st + 1 if s >= e else 0
            for s, e, st in zip(spatial, extents, strides, strict=True)
        ]
        if 0 in outs:
            raise ValueError(
                f"`{op_name}`: the patches (size {size}, dilation_rate "
                f"{dilation_rate}) do not fit in the input with "
                f"padding='valid'. Received input with spatial shape "
                f"{tuple(spatial)}"
            )
    pieces = []
    for offsets in itertools.product(*(range(k) for k in size)):
        index = [slice(None)]
        for offset, d, st, o in zip(offsets, dilation_rate, strides, outs, strict=True):
            start = offset * d
            index.append(slice(start, start + (o - 1) * st + 1, st))
        index.append(slice(None))
        pieces.append(knp.get_item(inputs, tuple(index)))
    # (batch, *outs, positions, channels) -> (batch, *outs, positions * channels)
    stacked = knp.stack(pieces, axis=-2)
    patches = knp.reshape(stacked, (-1, *outs, stacked.shape[-2] * stacked.shape[-1]))
    if data_format == "channels_first":
        patches = knp.moveaxis(patches, -1, 1)
    if unbatched:
        patches = knp.squeeze(patches, 0)
    return patches


def extract_patches(
    images,
    size,
    strides=None,
    dilation_rate=1,
    padding="valid",
    data_format=None,
):
    """Extracts patches from images.

    Args:
        images: Images of shape `(height, width, channels)` or
            `(batch, height, width, channels)` (channels first with
            `data_format="channels_first"`).
        size: The patch size: an int or `(patch_height, patch_width)`.
        strides: The step between patches; `size` by default (patches
            side by side).
        dilation_rate: The step between a patch's samples.
        padding: `"valid"` (patches inside the image) or `"same"` (zero
            padding so that there are `ceil(size / stride)` patches per
            axis).
        data_format: `"channels_last"` or `"channels_first"`; the configured
            `image_data_format()` by default.

    Returns:
        The patches, of shape `(batch, rows, cols, patch_height *
        patch_width * channels)` (flattened in that order; the patch axis
        second with channels first), in the input's dtype.

    Example:

    >>> images = np.random.rand(2, 8, 8, 3)
    >>> keras_core.ops.image.extract_patches(images, 4).shape
    (2, 2, 2, 48)
    """
    op_name = "extract_patches"
    size = _per_axis(size, 2, "size", op_name)
    strides = _per_axis(strides, 2, "strides", op_name, allow_none=True)
    dilation_rate = _per_axis(dilation_rate, 2, "dilation_rate", op_name)
    return _patches(images, size, strides, dilation_rate, padding, data_format, op_name)


def extract_patches_3d(
    volumes,
    size,
    strides=None,
    dilation_rate=1,
    padding="valid",
    data_format=None,
):
    """Extracts 3-D patches from volumes.

    Args:
        volumes: Volumes of shape `(depth, height, width, channels)` or
            `(batch, depth, height, width, channels)` (channels first with
            `data_format="channels_first"`).
        size: The patch size: an int or `(patch_depth, patch_height,
            patch_width)`.
        strides: The step between patches; `size` by default.
        dilation_rate: The step between a patch's samples.
        padding: `"valid"` or `"same"` (see `extract_patches`).
        data_format: `"channels_last"` or `"channels_first"`; the configured
            `image_data_format()` by default.

    Returns:
        The patches, of shape `(batch, d, h, w, patch_depth * patch_height *
        patch_width * channels)` (the patch axis second with channels
        first), in the input's dtype.

    Example:

    >>> volumes = np.random.rand(1, 4, 4, 4, 2)
    >>> keras_core.ops.image.extract_patches_3d(volumes, 2).shape
    (1, 2, 2, 2, 16)
    """
    op_name = "extract_patches_3d"
    size = _per_axis(size, 3, "size", op_name)
    strides = _per_axis(strides, 3, "strides", op_name, allow_none=True)
    dilation_rate = _per_axis(dilation_rate, 3, "dilation_rate", op_name)
    return _patches(
        volumes, size, strides, dilation_rate, padding, data_format, op_name
    )
