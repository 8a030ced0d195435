"""The numpy backend's `linalg` table."""

from keras_core._src.backend.numpy.linalg.autodiff import *  # noqa: F403
from keras_core._src.backend.numpy.linalg.decompositions import *  # noqa: F403
from keras_core._src.backend.numpy.linalg.norms import *  # noqa: F403
from keras_core._src.backend.numpy.linalg.solvers import *  # noqa: F403
