"""The TensorFlow backend."""

from keras_core._src.backend.tensorflow import core
from keras_core._src.backend.tensorflow import core_ops
from keras_core._src.backend.tensorflow import image
from keras_core._src.backend.tensorflow import linalg
from keras_core._src.backend.tensorflow import math
from keras_core._src.backend.tensorflow import nn
from keras_core._src.backend.tensorflow import numpy_api
from keras_core._src.backend.tensorflow import optimizer_updates
from keras_core._src.backend.tensorflow import random
from keras_core._src.backend.tensorflow import rnn
from keras_core._src.backend.tensorflow.trainer import (
    TensorFlowTrainer as BackendTrainer,
)

# As in Keras 3, TensorFlow keeps int64/float64 results and reads Python ints
# as int64 (its GPU kernels want int64 indices).
KEEPS_64BIT = True
