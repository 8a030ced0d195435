"""`RandomGaussianBlur`: blurs random images with a Gaussian kernel."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.preprocessing.image import _color_utils as color
from keras_core._src.layers.preprocessing.image.base_image_layer import (
    BaseImagePreprocessingLayer,
)
from keras_core._src.layers.preprocessing.image.base_image_layer import parse_factor
from keras_core._src.random import random_ops as random
from keras_core._src.random.seed_generator import SeedGenerator

__all__ = ["RandomGaussianBlur"]

# A zero sigma is drawn with probability zero but allowed by the range; it
# would give 0 / 0 in the kernel, where the limit (no blur) is wanted.
_MIN_SIGMA = 1e-6


def gaussian_kernel_1d(size, sigma):
    """The normalized Gaussian weights of `size` taps around the center."""
    positions = ops.arange(size, dtype="float32") - (size - 1) / 2.0
    sigma = ops.maximum(ops.cast(sigma, "float32"), _MIN_SIGMA)
    weights = ops.exp(-ops.square(positions) / (2.0 * ops.square(sigma)))
    return weights / ops.sum(weights)


def gaussian_blur(images, kernel_size, sigma, data_format):
    """Blurs a batch with a separable Gaussian, zero padded at the borders.

    Args:
        images: A float batch.
        kernel_size: `(width_taps, height_taps)`.
        sigma: `(sigma_x, sigma_y)`, numbers or scalar tensors.
        data_format: The layout of `images`.
    """
    width_taps, height_taps = kernel_size
    along_x = gaussian_kernel_1d(width_taps, sigma[0])
    along_y = gaussian_kernel_1d(height_taps, sigma[1])
    kernel = along_y[:, None] * along_x[None, :]
    channels = images.shape[color.channel_axis(data_format)]
    kernel = ops.tile(kernel[:, :, None, None], (1, 1, channels, 1))
    kernel = ops.cast(kernel, images.dtype)
    return ops.depthwise_conv(
        images, kernel, strides=1, padding="same", data_format=data_format
    )


@keras_public("keras.layers")
class RandomGaussianBlur(BaseImagePreprocessingLayer):
    """Blurs random images of the batch with a Gaussian kernel while training.

    Each image is blurred with probability `p`, itself drawn per image
    uniformly in `factor`. One pair of standard deviations
    `(sigma_x, sigma_y)` is drawn per call uniformly in `sigma` and used for
    every blurred image; the kernel has `kernel_size` taps and zero padding
    keeps the image size. Blurred images are clipped to `value_range`. At
    inference (`training=False`) the layer returns its input as floats.

    Args:
        factor: A number `f` (meaning `(0, f)`) or a pair `(lower, upper)`
            in `[0, 1]`: the range of the probability of blurring an image.
        kernel_size: An odd int, or a pair of odd ints
            `(width_taps, height_taps)`: the size of the kernel.
        sigma: A number `s` (meaning `(0, s)`) or a pair in `[0, 1]`: the
            range of the standard deviations, in pixels.
        value_range: The `(low, high)` range of the pixel values.
        data_format: `"channels_last"` or `"channels_first"`; defaults to
            `keras_core.config.image_data_format()`.
        seed: An int seeding the random draws.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.RandomGaussianBlur(factor=(1.0, 1.0), seed=1)
    >>> layer(numpy.random.uniform(0, 255, (2, 8, 8, 3)), training=True).shape
    (2, 8, 8, 3)
    """

    _USE_BASE_FACTOR = False

    def __init__(
        self,
        factor=1.0,
        kernel_size=3,
        sigma=1.0,
        value_range=(0, 255),
        data_format=None,
        seed=None,
        **kwargs,
    ):
        super().__init__(data_format=data_format, **kwargs)
        name = type(self).__name__
        self.factor = parse_factor(name, factor, (0, 1))
        self.kernel_size = _parse_kernel_size(name, kernel_size)
        self.sigma = parse_factor(name, sigma, (0, 1), "sigma")
        self.value_range = tuple(color.parse_value_range(name, value_range))
        self.seed = seed
        self.generator = SeedGenerator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        images = color.images_of(data)
        seed = seed if seed is not None else self.generator
        batch = ops.shape(images)[0]
        probability = random.uniform((batch,), *self.factor, seed=seed)
        should_apply = random.uniform((batch,), seed=seed) < probability
        sigmas = random.uniform((2,), *self.sigma, seed=seed)
        return {"should_apply_blur": should_apply, "blur_factor": sigmas}

    def transform_images(self, images, transformation, training=True):
        images = ops.cast(images, self.compute_dtype)
        if not training or transformation is None:
            return images
        sigmas = transformation["blur_factor"]
        blurred = gaussian_blur(
            images, self.kernel_size, (sigmas[0], sigmas[1]), self.data_format
        )
        blurred = color.clip_to_range(blurred, self.value_range)
        apply = ops.reshape(transformation["should_apply_blur"], (-1, 1, 1, 1))
        return ops.where(apply, blurred, images)

    def get_config(self):
        return {
            **super().get_config(),
            "factor": self.factor,
            "kernel_size": self.kernel_size,
            "sigma": self.sigma,
            "value_range": self.value_range,
            "seed": self.seed,
        }


def _parse_kernel_size(layer_name, kernel_size):
    sizes = kernel_size if isinstance(kernel_size, (tuple, list)) else [kernel_size]
    valid = 1 <= len(sizes) <= 2 and all(
        isinstance(size, int) and not isinstance(size, bool) and size > 0
        for size in sizes
    )
    if not valid or any(size % 2 == 0 for size in sizes):
        raise ValueError(
            f"Layer {layer_name}: `kernel_size` must be an odd positive int "
            "or a pair of them (width taps, height taps). Received: "
            f"kernel_size={kernel_size!r}"
        )
    return (sizes[0], sizes[-1])
