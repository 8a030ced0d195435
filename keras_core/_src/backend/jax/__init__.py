"""The JAX backend."""

from keras_core._src.backend.jax import core
from keras_core._src.backend.jax import core_ops
from keras_core._src.backend.jax import image
from keras_core._src.backend.jax import linalg
from keras_core._src.backend.jax import math
from keras_core._src.backend.jax import nn
from keras_core._src.backend.jax import numpy_api
from keras_core._src.backend.jax import random
from keras_core._src.backend.jax import rnn
from keras_core._src.backend.jax.trainer import JaxTrainer as BackendTrainer

# JAX runs without x64 by default: 64-bit results are narrowed to 32 bits.
KEEPS_64BIT = False
