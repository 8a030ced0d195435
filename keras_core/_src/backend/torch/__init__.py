"""The PyTorch backend."""

from keras_core._src.backend.torch import core
from keras_core._src.backend.torch import numpy_api

# Results follow JAX's 32-bit promotion so every backend agrees.
KEEPS_64BIT = False
