"""Public API: `keras_core.ops.image`."""

from keras_core._src.ops.image import *  # noqa: F403
