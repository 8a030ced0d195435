"""Random elastic deformation of images (`elastic_transform`, Simard et al.,
2003): each pixel moves by a smooth random displacement field.

The fields are standard normal noise (from `keras_core.random`, so a fixed
seed gives the same deformation on every call of a backend; streams differ
between backends) blurred by a Gaussian of standard deviation `sigma` and
scaled by `alpha`; the images are then resampled at the displaced points.
"""

import math

from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.backend.common.keras_tensor import is_keras_tensor
from keras_core._src.ops.image._common import FILL_MODES
from keras_core._src.ops.image._common import as_tensor
from keras_core._src.ops.image._common import check_choice
from keras_core._src.ops.image._common import compute_float
from keras_core._src.ops.image._common import data_format_of
from keras_core._src.ops.image._common import dtype_of
from keras_core._src.ops.image._common import from_working_layout
from keras_core._src.ops.image._common import restore_dtype
from keras_core._src.ops.image._common import static_dims
from keras_core._src.ops.image._common import to_working_layout
from keras_core._src.ops.image.filters import gaussian_kernel
from keras_core._src.ops.image.filters import separable_filter
from keras_core._src.ops.image.sampling import _sample_images
from keras_core._src.random import random_ops as random
from keras_core.ops import numpy as knp

__all__ = ["elastic_transform"]

_INTERPOLATIONS = {"nearest": 0, "bilinear": 1}


def elastic_transform(
    images,
    alpha=20.0,
    sigma=5.0,
    interpolation="bilinear",
    fill_mode="reflect",
    fill_value=0.0,
    seed=None,
    data_format=None,
):
    """Deforms images elastically with a random smooth displacement field.

    Args:
        images: Images of shape `(height, width, channels)` or
            `(batch, height, width, channels)` (channels first with
            `data_format="channels_first"`).
        alpha: The displacements' scale in pixels.
        sigma: The standard deviation of the Gaussian smoothing the fields
            (larger: smoother deformations); its window spans
            `2 * ceil(3 * sigma) + 1` pixels.
        interpolation: `"nearest"` or `"bilinear"`.
        fill_mode: Outside the input: `"constant"`, `"nearest"`, `"wrap"`,
            `"mirror"` or `"reflect"` (see `map_coordinates`).
        fill_value: The value outside the input with `"constant"`.
        seed: An int (the same deformation each call), a
            `keras_core.random.SeedGenerator`, or None.
        data_format: `"channels_last"` or `"channels_first"`; the configured
            `image_data_format()` by default.

    Returns:
        The deformed images (one field per image, shared by its channels),
        in the input's dtype (integers rounded) and layout.

    Example:

    >>> images = np.random.rand(2, 16, 16, 3)
    >>> keras_core.ops.image.elastic_transform(images, seed=1).shape
    (2, 16, 16, 3)
    """
    op_name = "elastic_transform"
    check_choice(op_name, "interpolation", interpolation, tuple(_INTERPOLATIONS))
    check_choice(op_name, "fill_mode", fill_mode, FILL_MODES)
    if not sigma > 0:
        raise ValueError(
            f"`{op_name}`: `sigma` must be positive. Received: sigma={sigma}"
        )
    data_format = data_format_of(data_format, op_name)
    images = as_tensor(images)
    if is_keras_tensor(images):
        # Random fields need known sizes; the result keeps the input's spec.
        to_working_layout(images, data_format, op_name)
        return KerasTensor(images.shape, dtype=images.dtype)
    images, state = to_working_layout(images, data_format, op_name)
    batch, height, width = static_dims(images, (0, 1, 2), op_name)
    dtype = dtype_of(images)
    images = compute_float(images)
    work = dtype_of(images)
    noise = random.normal((batch, height, width, 2), dtype=work, seed=seed)
    size = 2 * math.ceil(3 * sigma) + 1
    taps = gaussian_kernel(size, sigma, work)
    fields = separable_filter(noise, taps, taps) * alpha
    rows = knp.arange(height, dtype=work)[None, :, None]
    cols = knp.arange(width, dtype=work)[None, None, :]
    ys = rows + fields[..., 0]
    xs = cols + fields[..., 1]
    result = _sample_images(
        images, ys, xs, _INTERPOLATIONS[interpolation], fill_mode, fill_value
    )
    return from_working_layout(restore_dtype(result, dtype), state)
