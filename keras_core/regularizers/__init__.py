"""Public API: `keras_core.regularizers`."""

from keras_core._src.regularizers import *  # noqa: F403
