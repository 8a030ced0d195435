"""The jax backend's table of random samplers (see keras_core/_src/random)."""

from keras_core._src.backend.jax.random.samplers import *  # noqa: F403
