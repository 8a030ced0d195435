"""Public API: `keras_core.utils`."""

from keras_core._src.utils.numerical_utils import *  # noqa: F403
from keras_core._src.utils.rng_utils import *  # noqa: F403
