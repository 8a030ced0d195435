"""The PyTorch backend."""

from keras_core._src.backend.torch import core

# Results follow JAX's 32-bit promotion so every backend agrees.
KEEPS_64BIT = False
