"""The tensorflow backend's table of random samplers (see keras_core/_src/random)."""

from keras_core._src.backend.tensorflow.random.samplers import *  # noqa: F403
