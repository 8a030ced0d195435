"""Filtering images: `gaussian_blur`, `sobel_edges` and `ssim`.

The filters are separable and applied channel by channel with zero padding
(the "same" output size), or without padding ("valid") for `ssim`. Each
1-D pass is a product with a banded (input size, output size) matrix, one
composition of the NumPy-API ops that gives the same values on every
backend.
"""

import numpy as np

from keras_core._src.ops.image._common import as_tensor
from keras_core._src.ops.image._common import compute_float
from keras_core._src.ops.image._common import data_format_of
from keras_core._src.ops.image._common import dtype_of
from keras_core._src.ops.image._common import from_working_layout
from keras_core._src.ops.image._common import restore_dtype
from keras_core._src.ops.image._common import static_dims
from keras_core._src.ops.image._common import to_working_layout
from keras_core.ops import numpy as knp

__all__ = ["gaussian_blur", "sobel_edges", "ssim"]


def gaussian_kernel(size, sigma, dtype):
    """The normalized 1-D Gaussian of `size` taps (`sigma` may be a tensor)."""
    offsets = knp.arange(size, dtype=dtype) - (size - 1) / 2
    sigma = knp.array(sigma, dtype=dtype)
    weights = knp.exp(-(offsets**2) / (2 * sigma**2))
    return weights / knp.sum(weights)


def band_matrix(taps, size, padding, dtype):
    """The (size, out) matrix correlating one axis with the 1-D `taps`.

    `padding="same"`: zero padding, `(n - 1) // 2` before (out = size);
    `"valid"`: no padding (out = size - n + 1).
    """
    n = taps.shape[0]
    before = (n - 1) // 2 if padding == "same" else 0
    out = size if padding == "same" else size - n + 1
    # Output o reads input i with tap i - o + before.
    tap = np.arange(size)[:, None] - np.arange(out)[None, :] + before
    inside = (tap >= 0) & (tap < n)
    gathered = knp.take(taps, knp.array(np.clip(tap, 0, n - 1).astype("int32")))
    return knp.where(knp.array(inside), gathered, knp.zeros((), dtype=dtype))


def separable_filter(images, rows, cols, padding="same"):
    """Correlates batched channels-last images with `rows` down the height
    and `cols` across the width, each channel on its own."""
    dtype = dtype_of(images)
    height, width = images.shape[1:3]
    by_rows = band_matrix(rows, height, padding, dtype)
    by_cols = band_matrix(cols, width, padding, dtype)
    images = knp.einsum("bhwc,hH->bHwc", images, by_rows)
    return knp.einsum("bhwc,wW->bhWc", images, by_cols)


def _pair(value, name, op_name, kind):
    values = tuple(value) if isinstance(value, (list, tuple)) else (value, value)
    if len(values) != 2:
        raise ValueError(
            f"`{op_name}`: `{name}` must be a {kind} or a tuple of two "
            f"(height, width). Received: {name}={value}"
        )
    return values


def gaussian_blur(images, kernel_size=(3, 3), sigma=(1.0, 1.0), data_format=None):
    """Blurs images with a Gaussian kernel.

    Each channel is filtered on its own, with zero padding (the output has
    the input's size).

    Args:
        images: Images of shape `(height, width, channels)` or
            `(batch, height, width, channels)` (channels first with
            `data_format="channels_first"`).
        kernel_size: The kernel's `(height, width)` in pixels (positive
            ints; an int for both).
        sigma: The Gaussian's standard deviations `(along height, along
            width)` (a float for both).
        data_format: `"channels_last"` or `"channels_first"`; the configured
            `image_data_format()` by default.

    Returns:
        The blurred images, in the input's dtype (integers rounded) and
        layout.

    Example:

    >>> images = np.random.rand(2, 8, 8, 3)
    >>> keras_core.ops.image.gaussian_blur(images, (5, 5), (1.5, 1.5)).shape
    (2, 8, 8, 3)
    """
    op_name = "gaussian_blur"
    kernel_size = _pair(kernel_size, "kernel_size", op_name, "positive int")
    if any(not isinstance(k, int) or k < 1 for k in kernel_size):
        raise ValueError(
            f"`{op_name}`: `kernel_size` must be positive ints. Received: "
            f"kernel_size={kernel_size}"
        )
    sigma = _pair(sigma, "sigma", op_name, "float")
    data_format = data_format_of(data_format, op_name)
    images, state = to_working_layout(images, data_format, op_name)
    static_dims(images, (1, 2), op_name)
    dtype = dtype_of(images)
    images = compute_float(images)
    work = dtype_of(images)
    rows = gaussian_kernel(kernel_size[0], sigma[0], work)
    cols = gaussian_kernel(kernel_size[1], sigma[1], work)
    blurred = separable_filter(images, rows, cols)
    return from_working_layout(restore_dtype(blurred, dtype), state)


def sobel_edges(images, data_format=None):
    """The Sobel gradients of images (3x3 Sobel filters, zero padding).

    Args:
        images: Images of shape `(height, width, channels)` or
            `(batch, height, width, channels)` (channels first with
            `data_format="channels_first"`).
        data_format: `"channels_last"` or `"channels_first"`; the configured
            `image_data_format()` by default.

    Returns:
        The gradients, of the images' shape plus a last axis of 2:
        `[dy, dx]` (vertical, horizontal), each channel on its own, in the
        input's dtype.

    Example:

    >>> images = np.zeros((1, 4, 4, 1), "float32")
    >>> images[:, :, 2:] = 1.0
    >>> # The zero padding makes the right border a falling edge.
    >>> keras_core.ops.image.sobel_edges(images)[0, 1, :, 0, 1]
    array([ 0.,  4.,  4., -4.], dtype=float32)
    """
    op_name = "sobel_edges"
    data_format = data_format_of(data_format, op_name)
    images, state = to_working_layout(images, data_format, op_name)
    static_dims(images, (1, 2), op_name)
    dtype = dtype_of(images)
    images = compute_float(images)
    work = dtype_of(images)
    smooth = knp.array([1.0, 2.0, 1.0], dtype=work)
    derivative = knp.array([-1.0, 0.0, 1.0], dtype=work)
    dy = separable_filter(images, derivative, smooth)
    dx = separable_filter(images, smooth, derivative)
    dy = from_working_layout(restore_dtype(dy, dtype), state)
    dx = from_working_layout(restore_dtype(dx, dtype), state)
    return knp.stack([dy, dx], axis=-1)


def ssim(
    image1,
    image2,
    max_val=1.0,
    filter_size=11,
    filter_sigma=1.5,
    k1=0.01,
    k2=0.03,
    data_format=None,
):
    """The structural similarity (SSIM) of two images (Wang et al., 2004).

    Local means, variances and the covariance are Gaussian-weighted
    (`filter_size` taps, `filter_sigma`) over the windows inside the images;
    the SSIM map is averaged over positions and channels.

    Args:
        image1: Images of shape `(height, width, channels)` or
            `(batch, height, width, channels)` (channels first with
            `data_format="channels_first"`).
        image2: Images of the same shape.
        max_val: The dynamic range of the pixel values (1.0 or 255.0...).
        filter_size: The Gaussian window's size (at most the images' height
            and width).
        filter_sigma: The Gaussian window's standard deviation.
        k1: The luminance term's stabilizing constant.
        k2: The contrast term's stabilizing constant.
        data_format: `"channels_last"` or `"channels_first"`; the configured
            `image_data_format()` by default.

    Returns:
        The SSIM, one per image (a scalar for unbatched inputs), in the
        images' dtype.

    Example:

    >>> images = np.random.rand(2, 16, 16, 3)
    >>> keras_core.ops.image.ssim(images, images).shape
    (2,)
    """
    op_name = "ssim"
    data_format = data_format_of(data_format, op_name)
    image1 = as_tensor(image1)
    image2 = as_tensor(image2)
    if tuple(image1.shape) != tuple(image2.shape):
        raise ValueError(
            f"`{op_name}`: `image1` and `image2` must have the same shape. "
            f"Received: image1.shape={tuple(image1.shape)}, "
            f"image2.shape={tuple(image2.shape)}"
        )
    image1, state = to_working_layout(image1, data_format, op_name, name="image1")
    image2, _ = to_working_layout(image2, data_format, op_name, name="image2")
    height, width = static_dims(image1, (1, 2), op_name)
    if not isinstance(filter_size, int) or not 1 <= filter_size <= min(height, width):
        raise ValueError(
            f"`{op_name}`: `filter_size` must be an int from 1 to the images' "
            f"height and width ({height}, {width}). Received: "
            f"filter_size={filter_size}"
        )
    dtype = dtype_of(image1)
    image1 = compute_float(image1)
    work = dtype_of(image1)
    image2 = knp.array(image2, dtype=work)
    taps = gaussian_kernel(filter_size, filter_sigma, work)

    def local_mean(x):
        return separable_filter(x, taps, taps, padding="valid")

    c1 = (k1 * max_val) ** 2
    c2 = (k2 * max_val) ** 2
    mean1 = local_mean(image1)
    mean2 = local_mean(image2)
    variance1 = local_mean(image1 * image1) - mean1 * mean1
    variance2 = local_mean(image2 * image2) - mean2 * mean2
    covariance = local_mean(image1 * image2) - mean1 * mean2
    luminance = (2 * mean1 * mean2 + c1) / (mean1 * mean1 + mean2 * mean2 + c1)
    structure = (2 * covariance + c2) / (variance1 + variance2 + c2)
    result = knp.mean(luminance * structure, axis=(1, 2, 3))
    if state[0]:
        result = knp.squeeze(result, 0)
    return restore_dtype(result, dtype)
