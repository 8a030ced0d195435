"""`GaussianDropout`: multiplicative Gaussian noise of mean 1, in training."""

import math

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.layer import Layer
from keras_core._src.layers.regularization._validation import check_fraction
from keras_core._src.random import random_ops as random

__all__ = ["GaussianDropout"]


@keras_public("keras.layers")
class GaussianDropout(Layer):
    """Multiplies inputs by Gaussian noise of mean 1, in training.

    The noise has standard deviation `sqrt(rate / (1 - rate))`, the same
    variance as inverted `Dropout` of that rate, so the expected output is
    the input. Inference (`training` falsy) is the identity.

    Args:
        rate: The equivalent drop probability, between 0 and 1.
        seed: An int seeding the layer's `SeedGenerator`.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.GaussianDropout(0.2, seed=1)
    >>> numpy.asarray(layer(numpy.ones((1, 3)))).tolist()
    [[1.0, 1.0, 1.0]]
    """

    def __init__(self, rate, seed=None, **kwargs):
        super().__init__(**kwargs)
        check_fraction(self, "rate", rate)
        self.rate = rate
        self.seed = seed
        if rate > 0:
            self.seed_generator = random.SeedGenerator(seed)
        self.supports_masking = True
        self.built = True

    def call(self, inputs, training=False):
        if not training or self.rate == 0:
            return inputs
        stddev = math.sqrt(self.rate / (1.0 - self.rate))
        noise = random.normal(
            ops.shape(inputs),
            mean=1.0,
            stddev=stddev,
            dtype=inputs.dtype,
            seed=self.seed_generator,
        )
        return ops.multiply(inputs, noise)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "rate": self.rate, "seed": self.seed}
