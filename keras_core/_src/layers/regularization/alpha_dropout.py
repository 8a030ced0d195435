"""`AlphaDropout`: dropout that keeps SELU activations self-normalizing."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.layer import Layer
from keras_core._src.layers.regularization._validation import check_fraction
from keras_core._src.random import random_ops as random

__all__ = ["AlphaDropout"]

# The SELU constants: dropped entries are set to SELU's negative saturation
# value `-scale * alpha` rather than 0.
_SELU_ALPHA = 1.6732632423543772848170429916717
_SELU_SCALE = 1.0507009873554804934193349852946


@keras_public("keras.layers")
class AlphaDropout(Layer):
    """Dropout that preserves the mean and variance of its inputs.

    Meant for SELU networks: dropped entries are set to SELU's saturation
    value `-1.7581` and the result is then scaled and shifted (`a * x + b`)
    so that inputs of mean 0 and variance 1 keep them. Inference
    (`training` falsy) is the identity.

    Args:
        rate: The fraction of entries to drop, between 0 and 1.
        noise_shape: The shape of the random keep/drop pattern, broadcast
            against the input; None entries take the input's size.
        seed: An int seeding the layer's `SeedGenerator`.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.AlphaDropout(0.2, seed=1)
    >>> layer(numpy.ones((2, 3)), training=True).shape
    (2, 3)
    """

    def __init__(self, rate, noise_shape=None, seed=None, **kwargs):
        super().__init__(**kwargs)
        check_fraction(self, "rate", rate)
        self.rate = rate
        self.seed = seed
        self.noise_shape = None if noise_shape is None else tuple(noise_shape)
        if rate > 0:
            self.seed_generator = random.SeedGenerator(seed)
        self.supports_masking = True
        self.built = True

    def call(self, inputs, training=False):
        if not training or self.rate == 0:
            return inputs
        if self.rate == 1:
            # The affine correction below divides by `1 - rate`: a layer
            # that drops everything outputs its (constant) saturation value
            # scaled to zero mean, which is 0.
            return ops.zeros_like(inputs)
        saturation = -_SELU_ALPHA * _SELU_SCALE
        keep = ops.greater_equal(
            random.uniform(
                self._noise_shape(inputs),
                dtype=inputs.dtype,
                seed=self.seed_generator,
            ),
            self.rate,
        )
        keep = ops.cast(keep, inputs.dtype)
        a = ((1 - self.rate) * (1 + self.rate * saturation**2)) ** -0.5
        b = -a * saturation * self.rate
        dropped = ops.add(
            ops.multiply(inputs, keep), ops.multiply(1.0 - keep, saturation)
        )
        return ops.add(ops.multiply(dropped, a), b)

    def _noise_shape(self, inputs):
        shape = ops.shape(inputs)
        if self.noise_shape is None:
            return shape
        if len(self.noise_shape) != len(shape):
            raise ValueError(
                f"Layer '{self.name}' (AlphaDropout): `noise_shape` "
                f"{self.noise_shape} must have one entry per input axis, but "
                f"the input has shape {tuple(inputs.shape)}."
            )
        return tuple(
            shape[index] if size is None else size
            for index, size in enumerate(self.noise_shape)
        )

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {
            **super().get_config(),
            "rate": self.rate,
            "seed": self.seed,
            "noise_shape": self.noise_shape,
        }
