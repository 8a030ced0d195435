"""keras_core: the Keras 3 API on JAX, PyTorch, TensorFlow and NumPy.

Write `import keras_core as keras` and Keras 3 code runs unchanged. The
backend is chosen once per process: the `KERAS_BACKEND` environment
variable, else `backend` in `~/.keras/keras.json`, else the first installed
of jax, torch, tensorflow, numpy.
"""

from keras_core import activations
from keras_core import backend
from keras_core import callbacks
from keras_core import config
from keras_core import constraints
from keras_core import dtype_policies
from keras_core import initializers
from keras_core import layers
from keras_core import legacy
from keras_core import losses
from keras_core import metrics
from keras_core import mixed_precision
from keras_core import models
from keras_core import ops
from keras_core import optimizers
from keras_core import random
from keras_core import regularizers
from keras_core import saving
from keras_core import tree
from keras_core import utils
from keras_core._src.backend import Variable
from keras_core._src.backend import device
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.backend.common.scopes import StatelessScope
from keras_core._src.backend.common.scopes import SymbolicScope
from keras_core._src.backend.common.scopes import name_scope
from keras_core._src.dtype_policies.dtype_policy import DTypePolicy
from keras_core._src.dtype_policies.dtype_policy import FloatDTypePolicy
from keras_core._src.initializers.initializer import Initializer
from keras_core._src.layers.core.input_layer import Input
from keras_core._src.layers.input_spec import InputSpec
from keras_core._src.layers.layer import Layer
from keras_core._src.layers.remat import RematScope
from keras_core._src.layers.remat import remat
from keras_core._src.losses.loss import Loss
from keras_core._src.metrics.metric import Metric
from keras_core._src.models.function import Function
from keras_core._src.models.model import Model
from keras_core._src.models.sequential import Sequential
from keras_core._src.ops.operation import Operation
from keras_core._src.optimizers.optimizer import Optimizer
from keras_core._src.regularizers.regularizers import Regularizer
from keras_core._src.version import __version__
from keras_core._src.version import version
