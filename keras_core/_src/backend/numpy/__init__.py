"""The NumPy backend: inference only, on the CPU, with no framework needed."""

from keras_core._src.backend.numpy import core
from keras_core._src.backend.numpy import core_ops
from keras_core._src.backend.numpy import image
from keras_core._src.backend.numpy import linalg
from keras_core._src.backend.numpy import math
from keras_core._src.backend.numpy import nn
from keras_core._src.backend.numpy import numpy_api
from keras_core._src.backend.numpy import random
from keras_core._src.backend.numpy import rnn
from keras_core._src.backend.numpy.trainer import NumpyTrainer as BackendTrainer

# Promotion narrows 64-bit results to 32 bits, as on JAX (see common.dtypes).
KEEPS_64BIT = False
