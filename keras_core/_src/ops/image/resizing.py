"""Resampling images to a new size: `resize` and `scale_and_translate`.

The semantics are those of `jax.image` (as Keras's jax backend has them):
pixel centers at half-integers, separable kernels, weights renormalized to
sum to one near the edges, and with `antialias` the kernel widened by the
downscaling factor. Resampling an axis is a product with an
(input size, output size) weight matrix, so one composition of the
NumPy-API ops gives the same values on every backend and is differentiable
wherever the backend is.
"""

import math

import numpy as np

from keras_core._src.backend.common.dtypes import is_int_dtype
from keras_core._src.ops.image._common import as_tensor
from keras_core._src.ops.image._common import check_choice
from keras_core._src.ops.image._common import compute_float
from keras_core._src.ops.image._common import data_format_of
from keras_core._src.ops.image._common import dtype_of
from keras_core._src.ops.image._common import from_working_layout
from keras_core._src.ops.image._common import restore_dtype
from keras_core._src.ops.image._common import static_dims
from keras_core._src.ops.image._common import to_working_layout
from keras_core.ops import numpy as knp

__all__ = ["resize", "scale_and_translate"]

_RESIZE_INTERPOLATIONS = (
    "bilinear",
    "nearest",
    "bicubic",
    "lanczos3",
    "lanczos5",
    "area",
)
_METHOD_KERNELS = {
    "linear": "linear",
    "bilinear": "linear",
    "trilinear": "linear",
    "triangle": "linear",
    "cubic": "cubic",
    "bicubic": "cubic",
    "tricubic": "cubic",
    "lanczos3": "lanczos3",
    "lanczos5": "lanczos5",
}
_RESIZE_KERNELS = {
    "bilinear": "linear",
    "bicubic": "cubic",
    "lanczos3": "lanczos3",
    "lanczos5": "lanczos5",
}


def _kernel(name, x):
    """The kernel `name` at the (non-negative) distances `x`."""
    if name == "linear":
        return knp.maximum(1 - x, 0)
    if name == "cubic":
        # Keys' cubic convolution with a = -0.5.
        inner = ((1.5 * x - 2.5) * x) * x + 1
        outer = ((-0.5 * x + 2.5) * x - 4) * x + 2
        return knp.where(x >= 2, 0.0, knp.where(x >= 1, outer, inner))
    radius = 3 if name == "lanczos3" else 5
    y = radius * knp.sin(math.pi * x) * knp.sin(math.pi * x / radius)
    # sinc(0) = 1: avoid the 0 / 0 near zero.
    safe = knp.where(x > 1e-3, x, 1.0)
    lanczos = knp.where(x > 1e-3, y / (math.pi**2 * safe * safe), 1.0)
    return knp.where(x > radius, 0.0, lanczos)


def _weight_matrix(in_size, out_size, scale, translation, kernel, antialias, dtype):
    """The (in_size, out_size) resampling weights of one axis.

    `scale` and `translation` are Python floats or scalar tensors: output
    point `o` reads the input around `(o + 0.5 - translation) / scale - 0.5`.
    """
    # Python or floatx scalars would promote the weights (or fail on TF).
    scale = knp.array(scale, dtype=dtype)
    translation = knp.array(translation, dtype=dtype)
    inverse = 1.0 / scale
    if antialias:
        # Downscaling widens the kernel so that it averages (low-pass).
        kernel_scale = knp.maximum(inverse, 1.0)
    else:
        kernel_scale = 1.0
    outputs = knp.arange(out_size, dtype=dtype)
    sample = (outputs + 0.5) * inverse - translation * inverse - 0.5
    inputs = knp.arange(in_size, dtype=dtype)
    distance = knp.abs(knp.expand_dims(sample, 0) - knp.expand_dims(inputs, 1))
    weights = _kernel(kernel, distance / kernel_scale)
    total = knp.sum(weights, axis=0, keepdims=True)
    # Points with (almost) no support get no value rather than noise.
    usable = knp.abs(total) > 1000 * float(np.finfo(np.float32).eps)
    weights = knp.where(usable, weights / knp.where(total != 0, total, 1.0), 0.0)
    inside = knp.logical_and(sample >= -0.5, sample <= in_size - 0.5)
    return knp.array(knp.where(knp.expand_dims(inside, 0), weights, 0.0), dtype=dtype)


def _area_matrix(in_size, out_size, dtype):
    """(in_size, out_size) weights averaging the input under each output
    pixel, by the overlap of their extents (TensorFlow's "area")."""
    step = in_size / out_size
    starts = np.arange(out_size) * step
    ends = starts + step
    lows = np.arange(in_size)[:, None]
    overlap = np.clip(np.minimum(lows + 1, ends) - np.maximum(lows, starts), 0, None)
    return knp.array(overlap / step, dtype=dtype)


def _along_axis(x, matrix, axis):
    """Resamples `x` along `axis` with the (in, out) `matrix`."""
    moved = knp.tensordot(x, matrix, axes=[[axis], [0]])
    return knp.moveaxis(moved, -1, axis)


def _round_to(x, dtype):
    """A float result back in `dtype`; integers round half to even (as
    `jax.image` does) and saturate."""
    if is_int_dtype(dtype):
        info = np.iinfo(dtype)
        return knp.array(knp.clip(knp.round(x), info.min, info.max), dtype=dtype)
    return restore_dtype(x, dtype)


def _nearest(images, out_height, out_width):
    """jax's nearest resize: each output center reads the input pixel under
    it (no half-pixel ties can occur for positive sizes)."""
    height, width = images.shape[1:3]
    rows = np.floor((np.arange(out_height) + 0.5) * height / out_height)
    cols = np.floor((np.arange(out_width) + 0.5) * width / out_width)
    images = knp.take(images, knp.array(rows.astype("int32")), axis=1)
    return knp.take(images, knp.array(cols.astype("int32")), axis=2)


def aspect_box(height, width, out_height, out_width, crop):
    """(box height, box width, row start, column start) of the centered box
    with the target's aspect ratio, inside (crop) or around (pad) the
    image."""
    target_ratio = out_width / out_height
    box_height = int(width / target_ratio)
    box_width = int(height * target_ratio)
    if crop:
        box_height = max(min(height, box_height), 1)
        box_width = max(min(width, box_width), 1)
        return (
            box_height,
            box_width,
            (height - box_height) // 2,
            (width - box_width) // 2,
        )
    box_height = max(height, box_height)
    box_width = max(width, box_width)
    return box_height, box_width, (box_height - height) // 2, (box_width - width) // 2


def resize(
    images,
    size,
    interpolation="bilinear",
    antialias=False,
    crop_to_aspect_ratio=False,
    pad_to_aspect_ratio=False,
    fill_mode="constant",
    fill_value=0.0,
    data_format=None,
):
    """Resizes images to `size`.

    Pixel centers sit at half-integers (as in `jax.image.resize`). The
    interpolating kernels renormalize near the edges; with `antialias`
    they widen when downsampling so that the result is low-pass filtered.

    Args:
        images: Images of shape `(height, width, channels)` or
            `(batch, height, width, channels)` (channels first with
            `data_format="channels_first"`).
        size: `(out_height, out_width)`.
        interpolation: `"bilinear"`, `"nearest"`, `"bicubic"`,
            `"lanczos3"`, `"lanczos5"` or `"area"` (the average of the input
            under each output pixel; `antialias` has no effect on it nor on
            `"nearest"`).
        antialias: Whether to low-pass filter when downsampling.
        crop_to_aspect_ratio: Resize the largest centered crop with the
            target's aspect ratio (no distortion).
        pad_to_aspect_ratio: Resize the image padded (centered) to the
            target's aspect ratio with `fill_value` (no distortion).
        fill_mode: How to pad with `pad_to_aspect_ratio`: only `"constant"`.
        fill_value: The padding value with `pad_to_aspect_ratio`.
        data_format: `"channels_last"` or `"channels_first"`; the configured
            `image_data_format()` by default.

    Returns:
        The resized images, in the input's dtype (integers rounded) and
        layout.

    Example:

    >>> images = np.random.rand(2, 8, 8, 3)
    >>> keras_core.ops.image.resize(images, (4, 6)).shape
    (2, 4, 6, 3)
    """
    check_choice("resize", "interpolation", interpolation, _RESIZE_INTERPOLATIONS)
    if fill_mode != "constant":
        raise ValueError(
            "`resize`: invalid value for argument `fill_mode`. Only "
            f"'constant' is supported. Received: fill_mode={fill_mode!r}"
        )
    if crop_to_aspect_ratio and pad_to_aspect_ratio:
        raise ValueError(
            "`resize`: only one of `crop_to_aspect_ratio` and "
            "`pad_to_aspect_ratio` can be True. Received: "
            f"crop_to_aspect_ratio={crop_to_aspect_ratio}, "
            f"pad_to_aspect_ratio={pad_to_aspect_ratio}"
        )
    size = tuple(size) if isinstance(size, (list, tuple)) else (size,)
    if len(size) != 2 or any(not isinstance(s, int) or s <= 0 for s in size):
        raise ValueError(
            "`resize`: expected `size` to be a tuple of 2 positive integers "
            f"(height, width). Received: size={size}"
        )
    data_format = data_format_of(data_format, "resize")
    images, state = to_working_layout(images, data_format, "resize")
    height, width = static_dims(images, (1, 2), "resize")
    out_height, out_width = size
    dtype = dtype_of(images)
    if crop_to_aspect_ratio:
        box_h, box_w, top, left = aspect_box(height, width, *size, crop=True)
        images = images[:, top : top + box_h, left : left + box_w, :]
    elif pad_to_aspect_ratio:
        box_h, box_w, top, left = aspect_box(height, width, *size, crop=False)
        # Keras pads each side by half the difference, rounded down (an odd
        # difference loses a row), on every backend.
        padding = [(0, 0), (top, top), (left, left)]
        images = knp.pad(
            compute_float(images),
            [*padding, (0, 0)],
            constant_values=fill_value,
        )
    height, width = images.shape[1:3]
    if interpolation == "nearest":
        return from_working_layout(
            restore_dtype(_nearest(images, out_height, out_width), dtype), state
        )
    images = compute_float(images)
    work = dtype_of(images)
    resized = images
    for axis, in_size, out_size in ((1, height, out_height), (2, width, out_width)):
        if in_size == out_size:
            # Every kernel reproduces the samples at the same size.
            continue
        if interpolation == "area":
            matrix = _area_matrix(in_size, out_size, work)
        else:
            matrix = _weight_matrix(
                in_size,
                out_size,
                out_size / in_size,
                0.0,
                _RESIZE_KERNELS[interpolation],
                antialias,
                work,
            )
        resized = _along_axis(resized, matrix, axis)
    return from_working_layout(_round_to(resized, dtype), state)


def scale_and_translate(
    images,
    output_shape,
    scale,
    translation,
    spatial_dims,
    method,
    antialias=True,
):
    """Scales and translates images by resampling (as
    `jax.image.scale_and_translate`).

    Along each axis of `spatial_dims`, output point `o` reads the input
    around `(o + 0.5 - translation) / scale - 0.5`; output points whose
    source lies outside the input are 0.

    Args:
        images: A tensor of any rank.
        output_shape: The output's full shape.
        scale: One scale factor per axis of `spatial_dims` (tensor or list).
        translation: One translation per axis of `spatial_dims`.
        spatial_dims: The resampled axes.
        method: `"linear"` (or `"bilinear"`, `"trilinear"`, `"triangle"`),
            `"cubic"` (or `"bicubic"`, `"tricubic"`), `"lanczos3"` or
            `"lanczos5"`.
        antialias: Whether to low-pass filter when downsampling.

    Returns:
        A tensor of `output_shape`, in the input's dtype (integers rounded).

    Example:

    >>> images = np.random.rand(1, 4, 4, 3)
    >>> keras_core.ops.image.scale_and_translate(
    ...     images, (1, 8, 8, 3), [2.0, 2.0], [0.0, 0.0], (1, 2), "linear"
    ... ).shape
    (1, 8, 8, 3)
    """
    check_choice("scale_and_translate", "method", method, tuple(_METHOD_KERNELS))
    images = as_tensor(images)
    spatial_dims = tuple(spatial_dims)
    output_shape = tuple(output_shape)
    rank = len(images.shape)
    if len(output_shape) != rank:
        raise ValueError(
            "`scale_and_translate`: `output_shape` must have one entry per "
            f"axis of `images` ({rank}). Received: output_shape={output_shape}"
        )
    if any(not -rank <= d < rank for d in spatial_dims):
        raise ValueError(
            "`scale_and_translate`: `spatial_dims` must be axes of `images` "
            f"(rank {rank}). Received: spatial_dims={spatial_dims}"
        )
    spatial_dims = tuple(d % rank for d in spatial_dims)
    for axis in range(rank):
        if axis not in spatial_dims and output_shape[axis] != images.shape[axis]:
            raise ValueError(
                "`scale_and_translate`: `output_shape` may differ from the "
                "input's shape only along `spatial_dims`. Received: "
                f"images.shape={tuple(images.shape)}, "
                f"output_shape={output_shape}, spatial_dims={spatial_dims}"
            )
    sizes = static_dims(images, spatial_dims, "scale_and_translate")
    dtype = dtype_of(images)
    result = compute_float(images)
    work = dtype_of(result)
    scale = knp.array(scale, dtype=work)
    translation = knp.array(translation, dtype=work)
    if scale.shape != (len(spatial_dims),) or translation.shape != scale.shape:
        raise ValueError(
            "`scale_and_translate`: `scale` and `translation` must have one "
            f"entry per axis of `spatial_dims` ({len(spatial_dims)}). "
            f"Received: scale.shape={tuple(scale.shape)}, "
            f"translation.shape={tuple(translation.shape)}"
        )
    for i, (axis, in_size) in enumerate(zip(spatial_dims, sizes, strict=True)):
        matrix = _weight_matrix(
            in_size,
            output_shape[axis],
            scale[i],
            translation[i],
            _METHOD_KERNELS[method],
            antialias,
            work,
        )
        result = _along_axis(result, matrix, axis)
    return _round_to(result, dtype)
