"""The jax backend's `linalg` table."""

from keras_core._src.backend.jax.linalg.autodiff import *  # noqa: F403
from keras_core._src.backend.jax.linalg.decompositions import *  # noqa: F403
from keras_core._src.backend.jax.linalg.norms import *  # noqa: F403
from keras_core._src.backend.jax.linalg.solvers import *  # noqa: F403
