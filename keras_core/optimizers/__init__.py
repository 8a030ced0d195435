"""Public API: `keras_core.optimizers`."""

from keras_core._src.optimizers.adadelta import Adadelta
from keras_core._src.optimizers.adafactor import Adafactor
from keras_core._src.optimizers.adagrad import Adagrad
from keras_core._src.optimizers.adam import Adam
from keras_core._src.optimizers.adamax import Adamax
from keras_core._src.optimizers.adamw import AdamW
from keras_core._src.optimizers.ftrl import Ftrl
from keras_core._src.optimizers.lamb import Lamb
from keras_core._src.optimizers.lion import Lion
from keras_core._src.optimizers.loss_scale_optimizer import LossScaleOptimizer
from keras_core._src.optimizers.multi_optimizer import MultiOptimizer
from keras_core._src.optimizers.muon import Muon
from keras_core._src.optimizers.nadam import Nadam
from keras_core._src.optimizers.optimizer import Optimizer
from keras_core._src.optimizers.optimizer_map import OptimizerMap
from keras_core._src.optimizers.rmsprop import RMSprop
from keras_core._src.optimizers.schedule_free_adamw import ScheduleFreeAdamW
from keras_core._src.optimizers.serialization import deserialize
from keras_core._src.optimizers.serialization import get
from keras_core._src.optimizers.serialization import serialize
from keras_core._src.optimizers.sgd import SGD
from keras_core.optimizers import legacy
from keras_core.optimizers import schedules
