"""Layer wrappers; `__all__` gathers each module's public names."""

from keras_core._src.layers.wrappers import time_distributed
from keras_core._src.layers.wrappers.time_distributed import *  # noqa: F403

__all__ = [*time_distributed.__all__]
