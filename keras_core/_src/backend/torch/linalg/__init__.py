"""The torch backend's `linalg` table."""

from keras_core._src.backend.torch.linalg.autodiff import *  # noqa: F403
from keras_core._src.backend.torch.linalg.decompositions import *  # noqa: F403
from keras_core._src.backend.torch.linalg.norms import *  # noqa: F403
from keras_core._src.backend.torch.linalg.solvers import *  # noqa: F403
