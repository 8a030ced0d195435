"""Public API: `keras_core.optimizers`."""

from keras_core._src.optimizers.adam import Adam
from keras_core._src.optimizers.loss_scale_optimizer import LossScaleOptimizer
from keras_core._src.optimizers.optimizer import Optimizer
from keras_core._src.optimizers.sgd import SGD
from keras_core.optimizers import schedules
