"""Public API: `keras_core.constraints`."""

from keras_core._src.constraints import *  # noqa: F403
