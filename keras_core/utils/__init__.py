"""Public API: `keras_core.utils`."""

from keras_core._src.utils.rng_utils import *  # noqa: F403
