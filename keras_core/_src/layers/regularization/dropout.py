"""`Dropout`: zeroes random input entries while training."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.layers.layer import Layer
from keras_core._src.random import random_ops as random

__all__ = ["Dropout"]


@keras_public("keras.layers")
class Dropout(Layer):
    """Sets input entries to 0 at random with probability `rate`, in training.

    The kept entries are scaled by `1 / (1 - rate)` (inverted dropout), so
    the expected sum is unchanged and inference (when `training` is falsy)
    is the identity.

    Args:
        rate: The fraction of entries to drop, between 0 and 1.
        noise_shape: The shape of the random keep/drop pattern, broadcast
            against the input; None entries take the input's size. For
            inputs `(batch, steps, features)`, `(None, 1, None)` drops the
            same features at every step.
        seed: An int seeding the layer's `SeedGenerator`, for reproducible
            draws.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.Dropout(0.5, seed=1)
    >>> x = numpy.ones((2, 4))
    >>> numpy.asarray(layer(x, training=False)).tolist()
    [[1.0, 1.0, 1.0, 1.0], [1.0, 1.0, 1.0, 1.0]]
    """

    def __init__(self, rate, noise_shape=None, seed=None, **kwargs):
        super().__init__(**kwargs)
        valid = isinstance(rate, (int, float)) and not isinstance(rate, bool)
        if not valid or not 0 <= rate <= 1:
            raise ValueError(
                f"Layer {type(self).__name__}: invalid value received for "
                "argument `rate`. Expected a float value between 0 and 1. "
                f"Received: rate={rate!r}"
            )
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
            return ops.zeros_like(inputs)
        return random.dropout(
            inputs,
            self.rate,
            noise_shape=self._resolved_noise_shape(inputs),
            seed=self.seed_generator,
        )

    def _resolved_noise_shape(self, inputs):
        if self.noise_shape is None:
            return None
        if len(self.noise_shape) != len(inputs.shape):
            raise ValueError(
                f"Layer '{self.name}' (Dropout): `noise_shape` {self.noise_shape} "
                f"must have one entry per input axis, but the input has shape "
                f"{tuple(inputs.shape)}."
            )
        shape = ops.shape(inputs)
        return tuple(
            shape[index] if size is None else size
            for index, size in enumerate(self.noise_shape)
        )

    def compute_output_shape(self, input_shape):
        return input_shape

    def compute_output_spec(self, inputs, training=False):
        return KerasTensor(inputs.shape, dtype=inputs.dtype)

    def get_config(self):
        return {
            **super().get_config(),
            "rate": self.rate,
            "seed": self.seed,
            "noise_shape": self.noise_shape,
        }
