"""The PyTorch backend."""

from keras_core._src.backend.torch import core
from keras_core._src.backend.torch import core_ops
from keras_core._src.backend.torch import image
from keras_core._src.backend.torch import linalg
from keras_core._src.backend.torch import math
from keras_core._src.backend.torch import nn
from keras_core._src.backend.torch import numpy_api
from keras_core._src.backend.torch import optimizer_updates
from keras_core._src.backend.torch import random
from keras_core._src.backend.torch import rnn
from keras_core._src.backend.torch.layer import TorchLayer as BackendLayer
from keras_core._src.backend.torch.trainer import TorchTrainer as BackendTrainer

# Results follow JAX's 32-bit promotion so every backend agrees.
KEEPS_64BIT = False
