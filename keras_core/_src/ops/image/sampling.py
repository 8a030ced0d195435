"""Sampling images at computed coordinates: `map_coordinates` and the
geometric transforms built on it (`affine_transform`,
`perspective_transform`).

Semantics follow `jax.scipy.ndimage.map_coordinates` (as Keras does on every
backend): order 0 takes the nearest sample, order 1 interpolates linearly
between the 2**ndim surrounding samples; outside the input, `fill_mode`
says which sample stands in ("constant" uses `fill_value` for each missing
sample, like SciPy's "grid-constant"; "wrap" is SciPy's "grid-wrap").
"""

import itertools

from keras_core._src.ops.image._common import FILL_MODES
from keras_core._src.ops.image._common import as_tensor
from keras_core._src.ops.image._common import check_choice
from keras_core._src.ops.image._common import compute_float
from keras_core._src.ops.image._common import data_format_of
from keras_core._src.ops.image._common import dtype_of
from keras_core._src.ops.image._common import from_working_layout
from keras_core._src.ops.image._common import restore_dtype
from keras_core._src.ops.image._common import static_dims
from keras_core._src.ops.image._common import to_float
from keras_core._src.ops.image._common import to_working_layout
from keras_core.ops import numpy as knp

__all__ = ["affine_transform", "map_coordinates", "perspective_transform"]

_INTERPOLATIONS = {"nearest": 0, "bilinear": 1}


def _mirror(index, size):
    # Reflection about the edge samples: (d c b | a b c d | c b a).
    if size == 1:
        return knp.zeros_like(index)
    period = size - 1
    return knp.abs(knp.mod(index + period, 2 * period) - period)


def _fix_index(index, size, fill_mode):
    """A float sample index brought inside [0, size) as `fill_mode` says."""
    if fill_mode == "wrap":
        return knp.mod(index, size)
    if fill_mode == "mirror":
        return _mirror(index, size)
    if fill_mode == "reflect":
        # Reflection about the edges, repeating them: (d c b a | a b c d |).
        return knp.floor((_mirror(2 * index + 1, 2 * size + 1) - 1) / 2)
    # "constant" (out-of-range samples are masked out) and "nearest".
    return knp.clip(index, 0, size - 1)


def _axis_terms(coordinate, size, order, fill_mode):
    """(index, weight, valid) of the samples along one axis, per point."""
    if order == 0:
        # Ties round up, as in jax.
        corners = [(knp.floor(coordinate + 0.5), None)]
    else:
        lower = knp.floor(coordinate)
        upper_weight = coordinate - lower
        corners = [(lower, 1 - upper_weight), (lower + 1, upper_weight)]
    terms = []
    for index, weight in corners:
        valid = None
        if fill_mode == "constant":
            valid = knp.logical_and(index >= 0, index <= size - 1)
        fixed = knp.array(_fix_index(index, size, fill_mode), dtype="int32")
        terms.append((fixed, weight, valid))
    return terms


def _interpolate(gather, coordinates, sizes, order, fill_mode, fill_value):
    """Sums the weighted samples around each point.

    Args:
        gather: Function of the flat (row-major) sample index over `sizes`
            that returns the input's values there.
        coordinates: One float tensor per axis of `sizes`, all one shape.
        sizes: The sampled axes' sizes.
        order: 0 (nearest) or 1 (linear).
        fill_mode, fill_value: Outside the input, as in `map_coordinates`.
    """
    per_axis = [
        _axis_terms(c, s, order, fill_mode)
        for c, s in zip(coordinates, sizes, strict=True)
    ]
    strides = [1] * len(sizes)
    for axis in range(len(sizes) - 2, -1, -1):
        strides[axis] = strides[axis + 1] * sizes[axis + 1]
    total = None
    for combination in itertools.product(*per_axis):
        flat = None
        weight = None
        valid = None
        for (index, w, v), stride in zip(combination, strides, strict=True):
            term = index * stride
            flat = term if flat is None else flat + term
            if w is not None:
                weight = w if weight is None else weight * w
            if v is not None:
                valid = v if valid is None else knp.logical_and(valid, v)
        values = gather(flat)
        if valid is not None:
            valid = knp.reshape(
                valid,
                tuple(valid.shape) + (1,) * (len(values.shape) - len(valid.shape)),
            )
            values = knp.where(valid, values, fill_value)
        if weight is not None:
            weight = knp.reshape(
                weight,
                tuple(weight.shape) + (1,) * (len(values.shape) - len(weight.shape)),
            )
            values = values * weight
        total = values if total is None else total + values
    return total


def map_coordinates(inputs, coordinates, order, fill_mode="constant", fill_value=0):
    """Samples `inputs` at the given coordinates by interpolation.

    Args:
        inputs: The n-dimensional input.
        coordinates: Float tensor of shape `(n, ...)`: for each output point
            its coordinate along each axis of `inputs`.
        order: 0 (nearest sample) or 1 (linear interpolation).
        fill_mode: How points outside the input are sampled: `"constant"`
            (`fill_value`), `"nearest"`, `"wrap"`, `"mirror"` or
            `"reflect"`.
        fill_value: The value outside the input with `"constant"`.

    Returns:
        A tensor of shape `coordinates.shape[1:]` in the dtype of `inputs`.

    Example:

    >>> x = np.arange(9.0).reshape(3, 3)
    >>> keras_core.ops.image.map_coordinates(x, [[0.5, 2.0], [1.0, 1.0]], 1)
    array([2.5, 7. ], dtype=float32)
    """
    check_choice("map_coordinates", "order", order, (0, 1))
    check_choice("map_coordinates", "fill_mode", fill_mode, FILL_MODES)
    inputs = as_tensor(inputs)
    coordinates = as_tensor(coordinates)
    rank = len(inputs.shape)
    if len(coordinates.shape) < 1 or coordinates.shape[0] != rank:
        raise ValueError(
            "`map_coordinates`: `coordinates` must have shape (n, ...) with "
            f"n = inputs.ndim = {rank}. Received: inputs.shape="
            f"{tuple(inputs.shape)}, coordinates.shape={tuple(coordinates.shape)}"
        )
    sizes = static_dims(inputs, range(rank), "map_coordinates")
    dtype = dtype_of(inputs)
    flat_input = knp.reshape(compute_float(inputs), (-1,))
    coordinates = knp.array(coordinates, dtype=dtype_of(flat_input))
    per_axis = [knp.get_item(coordinates, i) for i in range(rank)]
    result = _interpolate(
        lambda flat: knp.take(flat_input, flat),
        per_axis,
        sizes,
        order,
        fill_mode,
        fill_value,
    )
    return restore_dtype(result, dtype)


def _sample_images(images, ys, xs, order, fill_mode, fill_value):
    """Samples batched channels-last images at per-image float (ys, xs).

    `ys`, `xs`: shape (batch, out_height, out_width). Returns
    (batch, out_height, out_width, channels).
    """
    _, height, width, channels = images.shape
    _, out_height, out_width = ys.shape
    flat_images = knp.reshape(images, (-1, height * width, channels))

    def gather(flat):
        flat = knp.reshape(flat, (-1, out_height * out_width, 1))
        # Indices for every channel (adding zeros broadcasts them, also
        # over a batch of unknown size).
        flat = knp.add(flat, knp.zeros_like(flat_images[:, :1, :], dtype="int32"))
        values = knp.take_along_axis(flat_images, flat, axis=1)
        return knp.reshape(values, (-1, out_height, out_width, channels))

    return _interpolate(gather, [ys, xs], [height, width], order, fill_mode, fill_value)


def _transform_images(
    images, transform, interpolation, fill_mode, fill_value, data_format, op_name
):
    """Applies projective transforms given as 8 coefficients per image."""
    check_choice(op_name, "interpolation", interpolation, tuple(_INTERPOLATIONS))
    check_choice(op_name, "fill_mode", fill_mode, FILL_MODES)
    data_format = data_format_of(data_format, op_name)
    images, state = to_working_layout(images, data_format, op_name)
    height, width = static_dims(images, (1, 2), op_name)
    dtype = dtype_of(images)
    images = compute_float(images)
    transform = knp.array(transform, dtype=dtype_of(images))
    if len(transform.shape) == 1:
        transform = knp.expand_dims(transform, 0)
    if len(transform.shape) != 2 or transform.shape[-1] != 8:
        raise ValueError(
            f"`{op_name}`: `transform` must have shape (8,) or (batch, 8). "
            f"Received: transform.shape={tuple(transform.shape)}"
        )
    rows = knp.arange(height, dtype=dtype_of(images))[:, None]
    cols = knp.arange(width, dtype=dtype_of(images))[None, :]
    a0, a1, a2, b0, b1, b2, c0, c1 = [
        knp.get_item(transform, (slice(None), i, None, None)) for i in range(8)
    ]
    # Each output pixel (x, y) reads the input at the projected point.
    denominator = c0 * cols + c1 * rows + 1
    xs = (a0 * cols + a1 * rows + a2) / denominator
    ys = (b0 * cols + b1 * rows + b2) / denominator
    # One transform for every image of the batch broadcasts.
    # (`knp.add`: NumPy arrays on the left of `+` refuse KerasTensors.)
    ys = knp.add(ys, knp.zeros_like(images[..., 0]))
    xs = knp.add(xs, knp.zeros_like(images[..., 0]))
    result = _sample_images(
        images, ys, xs, _INTERPOLATIONS[interpolation], fill_mode, fill_value
    )
    return from_working_layout(restore_dtype(result, dtype), state)


def affine_transform(
    images,
    transform,
    interpolation="bilinear",
    fill_mode="constant",
    fill_value=0,
    data_format=None,
):
    """Applies projective transforms to images.

    Args:
        images: Images of shape `(height, width, channels)` or
            `(batch, height, width, channels)` (channels first with
            `data_format="channels_first"`).
        transform: Shape `(8,)` or `(batch, 8)`: `[a0, a1, a2, b0, b1, b2,
            c0, c1]` maps each output point `(x, y)` to the input point
            `((a0 x + a1 y + a2) / k, (b0 x + b1 y + b2) / k)`, with
            `k = c0 x + c1 y + 1`.
        interpolation: `"nearest"` or `"bilinear"`.
        fill_mode: Outside the input: `"constant"`, `"nearest"`, `"wrap"`,
            `"mirror"` or `"reflect"` (see `map_coordinates`).
        fill_value: The value outside the input with `"constant"`.
        data_format: `"channels_last"` or `"channels_first"`; the configured
            `image_data_format()` by default.

    Returns:
        The transformed images, in the input's dtype and layout.

    Example:

    >>> images = np.random.rand(2, 8, 8, 3)
    >>> shift = [1.0, 0.0, -2.0, 0.0, 1.0, 0.0, 0.0, 0.0]  # 2 px right
    >>> keras_core.ops.image.affine_transform(images, shift).shape
    (2, 8, 8, 3)
    """
    return _transform_images(
        images,
        transform,
        interpolation,
        fill_mode,
        fill_value,
        data_format,
        "affine_transform",
    )


def _square_to_quad(points):
    """The projective map from the unit square's corners to `points`.

    `points`: (batch, 4, 2) as (x, y) for the corners (0,0), (1,0), (0,1),
    (1,1). Returns the 3x3 matrices' entries (closed form, no solve).
    """
    x0, x1, x2, x3 = [points[:, i, 0] for i in range(4)]
    y0, y1, y2, y3 = [points[:, i, 1] for i in range(4)]
    # Corner order (0,0), (1,0), (1,1), (0,1) in Heckbert's derivation.
    x2, x3 = x3, x2
    y2, y3 = y3, y2
    sx = x0 - x1 + x2 - x3
    sy = y0 - y1 + y2 - y3
    dx1, dx2 = x1 - x2, x3 - x2
    dy1, dy2 = y1 - y2, y3 - y2
    det = dx1 * dy2 - dx2 * dy1
    g = (sx * dy2 - dx2 * sy) / det
    h = (dx1 * sy - sx * dy1) / det
    return [
        [x1 - x0 + g * x1, x3 - x0 + h * x3, x0],
        [y1 - y0 + g * y1, y3 - y0 + h * y3, y0],
        [g, h, knp.ones_like(g)],
    ]


def _adjugate(m):
    """The adjugate (inverse up to scale, enough for projective maps)."""

    def cofactor(r, c):
        rows = [i for i in range(3) if i != r]
        cols = [j for j in range(3) if j != c]
        value = (
            m[rows[0]][cols[0]] * m[rows[1]][cols[1]]
            - m[rows[0]][cols[1]] * m[rows[1]][cols[0]]
        )
        return value if (r + c) % 2 == 0 else -value

    return [[cofactor(c, r) for c in range(3)] for r in range(3)]


def _matmul3(a, b):
    return [
        [sum(a[r][k] * b[k][c] for k in range(3)) for c in range(3)] for r in range(3)
    ]


def perspective_transform(
    images,
    start_points,
    end_points,
    interpolation="bilinear",
    fill_value=0,
    data_format=None,
):
    """Warps images so that `start_points` move to `end_points`.

    Args:
        images: Images of shape `(height, width, channels)` or
            `(batch, height, width, channels)` (channels first with
            `data_format="channels_first"`).
        start_points: Shape `(4, 2)` or `(batch, 4, 2)`: four (x, y) points
            of the input: top-left, top-right, bottom-left, bottom-right.
        end_points: Where those points go in the output, same shape.
        interpolation: `"nearest"` or `"bilinear"`.
        fill_value: The value outside the input.
        data_format: `"channels_last"` or `"channels_first"`; the configured
            `image_data_format()` by default.

    Returns:
        The warped images, in the input's dtype and layout.

    Example:

    >>> images = np.random.rand(1, 8, 8, 3)
    >>> corners = [[0, 0], [7, 0], [0, 7], [7, 7]]
    >>> keras_core.ops.image.perspective_transform(
    ...     images, corners, corners).shape
    (1, 8, 8, 3)
    """
    start_points = to_float(as_tensor(start_points))
    end_points = knp.array(end_points, dtype=dtype_of(start_points))
    for name, points in (("start_points", start_points), ("end_points", end_points)):
        if len(points.shape) not in (2, 3) or tuple(points.shape[-2:]) != (4, 2):
            raise ValueError(
                f"`perspective_transform`: `{name}` must have shape (4, 2) or "
                f"(batch, 4, 2). Received: {name}.shape={tuple(points.shape)}"
            )
    if len(start_points.shape) == 2:
        start_points = knp.expand_dims(start_points, 0)
    if len(end_points.shape) == 2:
        end_points = knp.expand_dims(end_points, 0)
    # Output points map back to input points: start <- square <- end.
    matrix = _matmul3(
        _square_to_quad(start_points), _adjugate(_square_to_quad(end_points))
    )
    scale = matrix[2][2]
    entries = [
        matrix[0][0],
        matrix[0][1],
        matrix[0][2],
        matrix[1][0],
        matrix[1][1],
        matrix[1][2],
        matrix[2][0],
        matrix[2][1],
    ]
    transform = knp.stack([e / scale for e in entries], axis=-1)
    return _transform_images(
        images,
        transform,
        interpolation,
        "constant",
        fill_value,
        data_format,
        "perspective_transform",
    )
