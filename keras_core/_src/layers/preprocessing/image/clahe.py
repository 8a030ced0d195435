"""`ContrastLimitedAdaptiveHistogramEqualization` (CLAHE)."""

import numpy as np

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common import dtypes
from keras_core._src.layers.preprocessing.image import _color_utils as color
from keras_core._src.layers.preprocessing.image.base_image_layer import (
    BaseImagePreprocessingLayer,
)
from keras_core._src.layers.preprocessing.image.equalization import from_channels_last
from keras_core._src.layers.preprocessing.image.equalization import levels_of
from keras_core._src.layers.preprocessing.image.equalization import to_channels_last

__all__ = ["ContrastLimitedAdaptiveHistogramEqualization"]

_BINS = 256


def _symmetric_indices(size, padded_size):
    """Indices reading `padded_size` rows from `size`, mirrored past the end.

    Row `size` repeats row `size - 1` (symmetric padding), and the mirror
    repeats as often as needed when the padding exceeds the image.
    """
    positions = np.arange(padded_size) % (2 * size)
    return np.where(positions < size, positions, 2 * size - 1 - positions)


def _interpolation_plan(size, tile_size, num_tiles):
    """For each pixel along one axis: its two tile neighbours and the weight
    of the second, from the tile centers at `(k + 0.5) * tile_size`."""
    position = np.arange(size) / tile_size - 0.5
    lower = np.floor(position)
    weight = (position - lower).astype("float32")
    first = np.clip(lower, 0, num_tiles - 1).astype("int32")
    second = np.clip(lower + 1, 0, num_tiles - 1).astype("int32")
    return first, second, weight


def _tile_luts(counts, tile_pixels, clip_limit):
    """Clipped, redistributed histograms -> lookup tables in `[0, 255]`."""
    limit = clip_limit * tile_pixels / _BINS
    clipped = ops.minimum(counts, limit)
    excess = tile_pixels - ops.sum(clipped, axis=-1, keepdims=True)
    cdf = ops.cumsum(clipped + excess / _BINS, axis=-1)
    first = cdf[..., :1]
    spread = tile_pixels - first
    # A tile whose pixels all sit in bin 0 (with no clipping) has nothing
    # to stretch; it maps to 0 rather than 0 / 0.
    return ops.where(
        spread > 0, (cdf - first) / ops.where(spread > 0, spread, 1.0) * 255.0, 0.0
    )


def clahe(images, value_range, clip_limit, tile_grid_size):
    """CLAHE of a `channels_last` float batch with static height, width and
    channels; returns values in `value_range` (floats)."""
    _, height, width, channels = images.shape
    grid_height, grid_width = tile_grid_size
    tile_height = -(-height // grid_height)
    tile_width = -(-width // grid_width)
    num_tiles = grid_height * grid_width
    indices = ops.cast(ops.floor(levels_of(images, value_range)), "int32")

    # Histograms of the image padded to whole tiles.
    rows = _symmetric_indices(height, tile_height * grid_height)
    cols = _symmetric_indices(width, tile_width * grid_width)
    padded = ops.take(ops.take(indices, rows, axis=1), cols, axis=2)
    tile_rows = np.arange(rows.size) // tile_height
    tile_cols = np.arange(cols.size) // tile_width
    tile_of_pixel = tile_rows[:, None] * grid_width + tile_cols[None, :]
    slots = (np.arange(channels) * num_tiles)[None, None, :] + tile_of_pixel[..., None]
    ids = padded + ops.convert_to_tensor((slots * _BINS).astype("int32"))
    num_segments = channels * num_tiles * _BINS

    def count(image_ids):
        flat = ops.reshape(image_ids, (-1,))
        return ops.segment_sum(
            ops.ones_like(flat, dtype="float32"), flat, num_segments=num_segments
        )

    # One image at a time: the segment count must be static, and the batch
    # size need not be (tf.function).
    counts = ops.reshape(ops.map(count, ids), (-1, channels, num_tiles, _BINS))
    luts = _tile_luts(counts, float(tile_height * tile_width), float(clip_limit))
    luts = ops.reshape(luts, (-1, num_segments))

    # Each pixel blends the tables of the four nearest tile centers.
    top, bottom, row_weight = _interpolation_plan(height, tile_height, grid_height)
    left, right, col_weight = _interpolation_plan(width, tile_width, grid_width)
    channel_base = (np.arange(channels) * num_tiles)[None, None, :]
    flat_indices = ops.reshape(indices, (-1, height * width * channels))

    def read(row_tiles, col_tiles):
        tiles = row_tiles[:, None] * grid_width + col_tiles[None, :]
        base = ((channel_base + tiles[..., None]) * _BINS).reshape(1, -1)
        positions = flat_indices + ops.convert_to_tensor(base.astype("int32"))
        values = ops.take_along_axis(luts, positions, axis=1)
        return ops.reshape(values, (-1, height, width, channels))

    row_weight = ops.convert_to_tensor(row_weight[None, :, None, None])
    col_weight = ops.convert_to_tensor(col_weight[None, None, :, None])
    upper = read(top, left) * (1 - col_weight) + read(top, right) * col_weight
    lower = read(bottom, left) * (1 - col_weight) + read(bottom, right) * col_weight
    blended = upper * (1 - row_weight) + lower * row_weight
    return color.from_unit_range(blended, value_range, 255.0)


@keras_public("keras.layers")
class ContrastLimitedAdaptiveHistogramEqualization(BaseImagePreprocessingLayer):
    """Contrast Limited Adaptive Histogram Equalization (CLAHE).

    Pixel values are mapped from `value_range` to `[0, 255]` (clipped) and
    binned by their integer part (256 bins). The image is padded at the
    bottom and right (mirroring its last rows and columns) to a whole
    number of tiles of `tile_grid_size`; in each tile the histogram of each
    channel is clipped at `clip_limit * tile_pixels / 256` and the clipped
    excess is spread evenly over all bins; the cumulative counts, shifted
    so that bin 0 maps to 0 and scaled to end at 255, give the tile's
    lookup table. Every pixel blends the tables of the four nearest tile
    centers bilinearly (the nearest table only, near the borders). The
    layer is deterministic and applies in training and inference alike;
    integer images keep their dtype (values truncated), other images
    become the layer's compute dtype.

    Args:
        value_range: The `(low, high)` range of the pixel values.
        clip_limit: A non-negative number: the histogram height, in
            multiples of the average bin height, above which counts are
            clipped. Lower values limit the contrast amplification.
        tile_grid_size: A pair of positive ints `(rows, columns)`: how many
            tiles the image is cut into.
        data_format: `"channels_last"` or `"channels_first"`; defaults to
            `keras_core.config.image_data_format()`.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.ContrastLimitedAdaptiveHistogramEqualization(
    ...     tile_grid_size=(2, 2)
    ... )
    >>> layer(numpy.random.uniform(0, 255, (1, 8, 8, 3))).shape
    (1, 8, 8, 3)
    """

    _USE_BASE_FACTOR = False

    def __init__(
        self,
        value_range=(0, 255),
        clip_limit=4.0,
        tile_grid_size=(8, 8),
        data_format=None,
        **kwargs,
    ):
        super().__init__(data_format=data_format, **kwargs)
        name = type(self).__name__
        self.value_range = tuple(color.parse_value_range(name, value_range))
        if not color.is_number(clip_limit) or clip_limit < 0:
            raise ValueError(
                f"Layer {name}: `clip_limit` must be a non-negative number. "
                f"Received: clip_limit={clip_limit!r}"
            )
        valid_grid = (
            isinstance(tile_grid_size, (tuple, list))
            and len(tile_grid_size) == 2
            and all(
                isinstance(size, int) and not isinstance(size, bool) and size > 0
                for size in tile_grid_size
            )
        )
        if not valid_grid:
            raise ValueError(
                f"Layer {name}: `tile_grid_size` must be a pair of positive "
                "ints (tile rows, tile columns), such as (8, 8). Received: "
                f"tile_grid_size={tile_grid_size!r}"
            )
        self.clip_limit = clip_limit
        self.tile_grid_size = tuple(tile_grid_size)

    def _output_image_dtype(self, dtype):
        if dtypes.is_int_dtype(dtype):
            return dtypes.standardize_dtype(dtype)
        return self.compute_dtype

    def transform_images(self, images, transformation=None, training=True):
        output_dtype = self._output_image_dtype(images.dtype)
        batch = to_channels_last(ops.cast(images, "float32"), self.data_format)
        if None in batch.shape[1:]:
            raise ValueError(
                f"Layer {type(self).__name__} needs images of a known height, "
                "width and channel count, to cut them into tiles. Received "
                f"images of shape {tuple(images.shape)}."
            )
        equalized = clahe(
            batch, sorted(self.value_range), self.clip_limit, self.tile_grid_size
        )
        equalized = from_channels_last(equalized, self.data_format)
        return ops.cast(equalized, output_dtype)

    def get_config(self):
        return {
            **super().get_config(),
            "value_range": self.value_range,
            "clip_limit": self.clip_limit,
            "tile_grid_size": self.tile_grid_size,
        }
