"""Public API: `keras_core.ops.linalg` (also at `keras_core.ops`)."""

from keras_core._src.ops.linalg import *  # noqa: F403
