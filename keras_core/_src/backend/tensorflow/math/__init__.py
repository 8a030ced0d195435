"""The tensorflow backend's `math` table."""

from keras_core._src.backend.tensorflow.math.segments import *  # noqa: F403
from keras_core._src.backend.tensorflow.math.selection import *  # noqa: F403
from keras_core._src.backend.tensorflow.math.special import *  # noqa: F403
from keras_core._src.backend.tensorflow.math.spectral import *  # noqa: F403
