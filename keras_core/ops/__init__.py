"""Public API: `keras_core.ops` (every op; the NumPy API also in `ops.numpy`)."""

from keras_core.ops import numpy
from keras_core.ops.numpy import *  # noqa: F403 - the same objects, by design.
