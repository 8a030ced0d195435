"""Public API: `keras_core.random` (samplers and `SeedGenerator`)."""

from keras_core._src.random.random_ops import *  # noqa: F403
