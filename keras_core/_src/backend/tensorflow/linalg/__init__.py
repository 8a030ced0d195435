"""The tensorflow backend's `linalg` table."""

from keras_core._src.backend.tensorflow.linalg.autodiff import *  # noqa: F403
from keras_core._src.backend.tensorflow.linalg.decompositions import *  # noqa: F403
from keras_core._src.backend.tensorflow.linalg.norms import *  # noqa: F403
from keras_core._src.backend.tensorflow.linalg.solvers import *  # noqa: F403
