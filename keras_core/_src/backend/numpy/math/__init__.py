"""The numpy backend's `math` table."""

from keras_core._src.backend.numpy.math.segments import *  # noqa: F403
from keras_core._src.backend.numpy.math.selection import *  # noqa: F403
from keras_core._src.backend.numpy.math.special import *  # noqa: F403
from keras_core._src.backend.numpy.math.spectral import *  # noqa: F403
