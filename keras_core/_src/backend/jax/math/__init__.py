"""The jax backend's `math` table."""

from keras_core._src.backend.jax.math.segments import *  # noqa: F403
from keras_core._src.backend.jax.math.selection import *  # noqa: F403
from keras_core._src.backend.jax.math.special import *  # noqa: F403
from keras_core._src.backend.jax.math.spectral import *  # noqa: F403
