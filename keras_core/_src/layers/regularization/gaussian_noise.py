"""`GaussianNoise`: additive zero-mean Gaussian noise, in training."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.layer import Layer
from keras_core._src.layers.regularization._validation import check_fraction
from keras_core._src.random import random_ops as random

__all__ = ["GaussianNoise"]


@keras_public("keras.layers")
class GaussianNoise(Layer):
    """Adds zero-mean Gaussian noise to its inputs, in training.

    A regularizer (a form of data augmentation for real-valued inputs).
    Inference (`training` falsy) is the identity.

    Args:
        stddev: The standard deviation of the noise, between 0 and 1 (the
            range Keras accepts).
        seed: An int seeding the layer's `SeedGenerator`.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.GaussianNoise(0.1, seed=1)
    >>> numpy.asarray(layer(numpy.zeros((1, 3)))).tolist()
    [[0.0, 0.0, 0.0]]
    """

    def __init__(self, stddev, seed=None, **kwargs):
        super().__init__(**kwargs)
        check_fraction(self, "stddev", stddev)
        self.stddev = stddev
        self.seed = seed
        if stddev > 0:
            self.seed_generator = random.SeedGenerator(seed)
        self.supports_masking = True
        self.built = True

    def call(self, inputs, training=False):
        if not training or self.stddev == 0:
            return inputs
        noise = random.normal(
            ops.shape(inputs),
            mean=0.0,
            stddev=self.stddev,
            dtype=inputs.dtype,
            seed=self.seed_generator,
        )
        return ops.add(inputs, noise)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "stddev": self.stddev, "seed": self.seed}
