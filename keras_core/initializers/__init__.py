"""Public API: `keras_core.initializers`."""

from keras_core._src.initializers import *  # noqa: F403
