"""Public API: `keras_core.ops.nn` (also at `keras_core.ops`)."""

from keras_core._src.ops.nn import *  # noqa: F403
