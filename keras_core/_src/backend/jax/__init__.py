"""The JAX backend."""

from keras_core._src.backend.jax import core
from keras_core._src.backend.jax import numpy_api

# JAX runs without x64 by default: 64-bit results are narrowed to 32 bits.
KEEPS_64BIT = False
