"""`Equalization`: histogram equalization of each channel."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.preprocessing.image import _color_utils as color
from keras_core._src.layers.preprocessing.image.base_image_layer import (
    BaseImagePreprocessingLayer,
)

__all__ = ["Equalization"]


def to_channels_last(images, data_format):
    """A batch in `channels_last` layout (the histogram code works on it)."""
    if data_format == "channels_first":
        return ops.transpose(images, (0, 2, 3, 1))
    return images


def from_channels_last(images, data_format):
    if data_format == "channels_first":
        return ops.transpose(images, (0, 3, 1, 2))
    return images


def levels_of(images, value_range):
    """Pixel values mapped from `value_range` to `[0, 255]` and clipped."""
    return ops.clip(color.to_unit_range(images, value_range, 255.0), 0.0, 255.0)


def histograms(indices, num_rows, num_bins):
    """Counts of `indices` (in `[0, num_bins)`) per row.

    Args:
        indices: An int tensor `(..., num_rows)` whose last axis picks the
            row (for example the channel) each entry is counted in.
        num_rows: The static size of the last axis.
        num_bins: The number of bins per row.

    Returns:
        `(float counts of shape (num_rows, num_bins), flat ids)` where the
        ids index the flattened counts, one per entry of `indices`.
    """
    ids = indices + ops.arange(num_rows, dtype="int32") * num_bins
    flat_ids = ops.reshape(ids, (-1,))
    # segment_sum takes a static count of segments on every backend, where
    # bincount needs concrete values under `jax.jit`.
    counts = ops.segment_sum(
        ops.ones_like(flat_ids, dtype="float32"),
        flat_ids,
        num_segments=num_rows * num_bins,
    )
    return ops.reshape(counts, (num_rows, num_bins)), ids


def _rounded_ratio(numerator, denominator):
    """`numerator / denominator` rounded half to even, for whole-number
    float tensors (exact below 2**24).

    The quotient is fixed up from the integer remainder, because a compiler
    may turn the division into a multiplication by the reciprocal, which
    moves exact ties such as 42.5 to 42.500004.
    """
    quotient = ops.floor(numerator / denominator)
    remainder = numerator - quotient * denominator
    quotient = ops.where(remainder < 0, quotient - 1, quotient)
    remainder = ops.where(remainder < 0, remainder + denominator, remainder)
    quotient = ops.where(remainder >= denominator, quotient + 1, quotient)
    remainder = ops.where(remainder >= denominator, remainder - denominator, remainder)
    odd = ops.mod(quotient, 2.0) == 1
    round_up = (2 * remainder > denominator) | ((2 * remainder == denominator) & odd)
    return quotient + ops.cast(round_up, quotient.dtype)


def equalize(images, value_range, bins):
    """Histogram-equalizes a `channels_last` float batch.

    The histogram of each channel is taken over the whole batch; each bin
    maps to `round(255 * (cdf - cdf_first) / (total - cdf_first))`, where
    `cdf_first` is the count of the lowest non-empty bin (ties round half
    to even). A channel whose values all fall in one bin is returned
    unchanged.
    """
    channels = images.shape[-1]
    levels = levels_of(images, value_range)
    # `levels` lies in [0, 255], so the bins lie in [0, bins - 1].
    indices = ops.cast(ops.floor(levels / 255.0 * (bins - 1)), "int32")
    counts, ids = histograms(indices, channels, bins)
    cdf = ops.cumsum(counts, axis=1)
    total = cdf[:, -1:]
    first = ops.min(ops.where(counts > 0, cdf, total), axis=1, keepdims=True)
    spread = total - first
    lut = _rounded_ratio((cdf - first) * 255.0, ops.maximum(spread, 1.0))
    equalized = ops.take(ops.reshape(lut, (-1,)), ids)
    equalized = color.from_unit_range(equalized, value_range, 255.0)
    varied = ops.reshape(spread > 0, (channels,))
    return ops.where(varied, ops.cast(equalized, images.dtype), images)


@keras_public("keras.layers")
class Equalization(BaseImagePreprocessingLayer):
    """Equalizes the histogram of each channel of the images while training.

    Pixel values are mapped from `value_range` to `[0, 255]` (clipped) and
    sorted into `bins` equal bins; each channel's histogram is taken over
    the whole batch, and every bin is sent to
    `round(255 * (cdf - cdf_first) / (total - cdf_first))`, where `cdf` is
    the cumulative count up to the bin and `cdf_first` the count of the
    lowest non-empty bin. The result is mapped back to `value_range`. A
    channel whose pixels all fall in one bin is left as it is. At inference
    (`training=False`) the layer returns its input as floats.

    Args:
        value_range: The `(low, high)` range of the pixel values.
        bins: The number of histogram bins, an int of at least 2.
        data_format: `"channels_last"` or `"channels_first"`; defaults to
            `keras_core.config.image_data_format()`.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.Equalization()
    >>> images = numpy.array([[[[10.0], [20.0]], [[20.0], [40.0]]]])
    >>> numpy.asarray(layer(images, training=True))[0, ..., 0].tolist()
    [[0.0, 170.0], [170.0, 255.0]]
    """

    _USE_BASE_FACTOR = False

    def __init__(self, value_range=(0, 255), bins=256, data_format=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        name = type(self).__name__
        self.value_range = list(color.parse_value_range(name, value_range))
        if not isinstance(bins, int) or isinstance(bins, bool) or bins < 2:
            raise ValueError(
                f"Layer {name}: `bins` must be an int of at least 2, the "
                f"number of histogram bins. Received: bins={bins!r}"
            )
        self.bins = bins

    def transform_images(self, images, transformation=None, training=True):
        images = ops.cast(images, self.compute_dtype)
        if not training:
            return images
        batch = to_channels_last(images, self.data_format)
        equalized = equalize(batch, sorted(self.value_range), self.bins)
        return from_channels_last(equalized, self.data_format)

    def get_config(self):
        return {
            **super().get_config(),
            "bins": self.bins,
            "value_range": self.value_range,
        }
