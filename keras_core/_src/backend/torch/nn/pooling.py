"""The torch backend table: nn pooling ops.

See keras_core/_src/ops/nn/pooling.py for the declarations. Torch pools
pad symmetrically, TensorFlow's "same" (from `conv_arguments`) may not:
inputs are padded explicitly first, averages then rescaled by each
window's count of real elements (a constant of the shapes). Torch has no
integer pooling kernels: integer max pools take the maximum over
`Tensor.unfold` windows instead; booleans pool as uint8.
"""

import math

import torch
import torch.nn.functional as F

from keras_core._src.backend.common import conv_arguments as args


def _to_first(x, data_format):
    return x if data_format == "channels_first" else torch.movedim(x, -1, 1)


def _from_first(x, data_format):
    return x if data_format == "channels_first" else torch.movedim(x, 1, -1)


def _wide(dtype):
    # Half-precision sums lose digits (and CPU avg_pool3d has no half
    # kernel): accumulate in float32 at least.
    return dtype if dtype.itemsize >= 4 else torch.float32


def _pad(x, pads, value):
    if not any(before or after for before, after in pads):
        return x
    # F.pad lists the last axis first.
    flat = [p for pair in reversed(pads) for p in pair]
    return F.pad(x, flat, value=value)


def _unfold_max(x, geometry):
    """Max over windows for dtypes torch's pooling kernels lack."""
    rank = len(geometry.window)
    for axis, (window, stride) in enumerate(
        zip(geometry.window, geometry.strides, strict=True), start=2
    ):
        x = x.unfold(axis, window, stride)
    return torch.amax(x, dim=tuple(range(-rank, 0)))


def max_pool(inputs, pool_size, strides=None, padding="valid", data_format=None):
    geometry = args.pool_geometry(
        "max_pool", inputs.shape, pool_size, strides, padding, data_format
    )
    x = _to_first(inputs, geometry.data_format)
    if x.dtype == torch.bool:
        x = x.to(torch.uint8)
    if x.is_floating_point():
        x = _pad(x, geometry.pads, -math.inf)
        pool = getattr(F, f"max_pool{len(geometry.window)}d")
        result = pool(x, geometry.window, geometry.strides)
    else:
        x = _pad(x, geometry.pads, torch.iinfo(x.dtype).min)
        result = _unfold_max(x, geometry)
    return _from_first(result.to(inputs.dtype), geometry.data_format)


def average_pool(inputs, pool_size, strides=None, padding="valid", data_format=None):
    geometry = args.pool_geometry(
        "average_pool", inputs.shape, pool_size, strides, padding, data_format
    )
    dtype = _wide(inputs.dtype)
    x = _to_first(inputs, geometry.data_format).to(dtype)
    pool = getattr(F, f"avg_pool{len(geometry.window)}d")
    result = pool(_pad(x, geometry.pads, 0.0), geometry.window, geometry.strides)
    if any(before or after for before, after in geometry.pads):
        # The pool divided by the full window size; padding is not averaged.
        counts = torch.as_tensor(
            args.window_counts(geometry), dtype=dtype, device=x.device
        )
        result = result * (math.prod(geometry.window) / counts)
    return _from_first(result.to(inputs.dtype), geometry.data_format)


def _adaptive_by_axis(op, x, spatial, outputs, reduce):
    """Reduces one spatial axis at a time: the bins are boxes, so exact."""
    for axis, (size, out) in enumerate(zip(spatial, outputs, strict=True), start=2):
        parts = [
            reduce(x.narrow(axis, start, end - start), axis)
            for start, end in args.adaptive_bins(op, size, out)
        ]
        x = torch.stack(parts, dim=axis)
    return x


def adaptive_average_pool(inputs, output_size, data_format=None):
    op = "adaptive_average_pool"
    df, spatial, outputs = args.adaptive_geometry(
        op, inputs.shape, output_size, data_format
    )
    for size, out in zip(spatial, outputs, strict=True):
        args.adaptive_bins(op, size, out)  # checks the sizes
    x = _to_first(inputs, df).to(_wide(inputs.dtype))
    pool = getattr(F, f"adaptive_avg_pool{len(spatial)}d")
    return _from_first(pool(x, outputs).to(inputs.dtype), df)


def adaptive_max_pool(inputs, output_size, data_format=None):
    op = "adaptive_max_pool"
    df, spatial, outputs = args.adaptive_geometry(
        op, inputs.shape, output_size, data_format
    )
    x = _to_first(inputs, df)
    if x.is_floating_point():
        for size, out in zip(spatial, outputs, strict=True):
            args.adaptive_bins(op, size, out)  # checks the sizes
        result = getattr(F, f"adaptive_max_pool{len(spatial)}d")(x, outputs)
    else:
        if x.dtype == torch.bool:
            x = x.to(torch.uint8)
        result = _adaptive_by_axis(
            op, x, spatial, outputs, lambda part, axis: torch.amax(part, dim=axis)
        )
    return _from_first(result.to(inputs.dtype), df)
